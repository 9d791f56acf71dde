import { z } from "zod";
import { OPERATION_CLASSES, type OperationClass } from "./cost-model.js";

/** One kind of operation's fitted cost model and the fit's own uncertainty. */
const modelSchema = z.object({
  /** Milliseconds per unit of each feature (cost-model.ts). */
  coefficients: z.record(z.string(), z.number().min(0)),
  /** Features the calibration never exercised: their coefficients are the heuristic's. */
  unmeasured: z.array(z.string()),
  /**
   * Quantiles of ln(measured / predicted) for shapes the fit did not see (leave one table shape out):
   * bounds are estimate * exp(lowerLog) to estimate * exp(upperLog), holding `level` of the runs.
   */
  lowerLog: z.number(),
  upperLog: z.number(),
  level: z.number().min(0).max(1),
  /** Measurements the fit used. */
  samples: z.number().int().min(0),
  /** The largest table the calibration measured (rows and heap bytes): beyond it, predictions extrapolate. */
  maximumRows: z.number().min(0),
  maximumHeapBytes: z.number().min(0),
});

/** One timed statement of a calibration run. */
const measurementSchema = z.object({
  operation: z.enum(OPERATION_CLASSES),
  /** The generated table shape it ran on. */
  shape: z.string(),
  sql: z.string(),
  features: z.record(z.string(), z.number()),
  /** Median of the repeated runs. */
  durationMs: z.number().min(0),
});

/** Which server a calibration measured. */
const serverSchema = z.object({
  /** `pg` (a PostgreSQL server) or `pglite` (PostgreSQL compiled to WebAssembly, in this process). */
  driver: z.string(),
  majorVersion: z.number().int(),
  version: z.string().optional(),
  /** The cluster's system identifier, or address and port when that is not readable. */
  fingerprint: z.string().optional(),
});

/** What `calibrate(db)` measured on a server: a cost model per kind of operation. Stored as JSON. */
export const calibrationSchema = z.object({
  version: z.literal(2),
  takenAt: z.string(),
  server: serverSchema,
  /** Seed of the generated table shapes. */
  seed: z.number().int(),
  models: z.object(
    Object.fromEntries(OPERATION_CLASSES.map((name) => [name, modelSchema])) as { [K in OperationClass]: typeof modelSchema },
  ),
  measurements: z.array(measurementSchema),
});

/** A calibration: this server's cost model per kind of operation. */
export type Calibration = z.output<typeof calibrationSchema>;
/** One kind of operation's calibrated model. */
export type CalibratedModel = z.output<typeof modelSchema>;
/** One timed statement of a calibration run. */
export type CalibrationMeasurement = z.output<typeof measurementSchema>;
