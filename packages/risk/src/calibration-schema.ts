import { z } from "zod";
import { OPERATION_CLASSES, type OperationClass } from "./config.js";

const throughputSchema = z.object({
  unit: z.enum(["table_bytes", "total_bytes", "rows"]),
  perSecond: z.number().positive(),
  fixedMs: z.number().min(0),
  indexBytesPerSecond: z.number().positive().optional(),
});

/** One timed statement of a calibration run. */
const measurementSchema = z.object({
  operation: z.enum(OPERATION_CLASSES),
  rows: z.number().min(0),
  /** Heap bytes before the statement. */
  bytes: z.number().min(0),
  /** Heap, TOAST and index bytes before the statement. */
  totalBytes: z.number().min(0),
  durationMs: z.number().min(0),
});

/** What `calibrate(db)` measured on a server: throughput per kind of operation. Stored as JSON. */
export const calibrationSchema = z.object({
  version: z.literal(1),
  takenAt: z.string(),
  server: z.object({ driver: z.string(), majorVersion: z.number().int() }),
  /** Rows of the largest scratch table; predictions far beyond it are extrapolations. */
  scratchRows: z.number().int().positive(),
  throughput: z.object(
    Object.fromEntries(OPERATION_CLASSES.map((name) => [name, throughputSchema])) as {
      [K in OperationClass]: typeof throughputSchema;
    },
  ),
  /** Standard deviation of ln(measured / fitted) per kind of operation: how noisy the server was. */
  spread: z.object(
    Object.fromEntries(OPERATION_CLASSES.map((name) => [name, z.number().min(0)])) as { [K in OperationClass]: z.ZodNumber },
  ),
  measurements: z.array(measurementSchema),
});

/** A calibration: this server's throughput per kind of operation. */
export type Calibration = z.output<typeof calibrationSchema>;
/** One timed statement of a calibration run. */
export type CalibrationMeasurement = z.output<typeof measurementSchema>;
