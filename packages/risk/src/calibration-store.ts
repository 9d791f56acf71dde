import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Database } from "@confiture/db";
import { writeFileAtomic } from "./atomic-file.js";
import { type Calibration, calibrationSchema } from "./calibration-schema.js";
import { CalibrationError } from "./errors.js";

/** Where calibration lives: in the database when one is configured, else in `<directory>/.confiture/calibration.json`. */
export interface CalibrationLocation {
  db?: Database;
  /** The directory holding `.confiture/` (beside the config); used when there is no database. */
  directory?: string;
}

/** The calibration file's path for a project directory. */
export function calibrationFilePath(directory: string): string {
  return join(directory, ".confiture", "calibration.json");
}

const CREATE_TABLE = `CREATE SCHEMA IF NOT EXISTS confiture;
CREATE TABLE IF NOT EXISTS confiture.calibration (
  id bigserial PRIMARY KEY,
  taken_at timestamptz NOT NULL,
  calibration jsonb NOT NULL
)`;

function parse(value: unknown, where: string): Calibration | undefined {
  // Calibrations of format 1 priced every operation by one throughput; they cannot feed the cost model.
  if (value !== null && typeof value === "object" && (value as { version?: unknown }).version === 1) return undefined;
  const result = calibrationSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new CalibrationError(`invalid calibration in ${where}: ${issue?.path.join(".")}: ${issue?.message}`, {
    cause: result.error,
  });
}

/** Stores a calibration: a new row of `confiture.calibration`, or the calibration file written atomically. Returns where. */
export async function saveCalibration(calibration: Calibration, location: CalibrationLocation): Promise<string> {
  if (location.db !== undefined) {
    await location.db.exec(CREATE_TABLE);
    await location.db.query("INSERT INTO confiture.calibration (taken_at, calibration) VALUES ($1, $2)", [
      calibration.takenAt,
      JSON.stringify(calibration),
    ]);
    return "confiture.calibration";
  }
  const path = calibrationFilePath(location.directory ?? process.cwd());
  await writeFileAtomic(path, `${JSON.stringify(calibration, null, 2)}\n`);
  return path;
}

/** The latest stored calibration, or undefined when there is none (or only one of the old format 1: calibrate again). */
export async function loadCalibration(location: CalibrationLocation): Promise<Calibration | undefined> {
  if (location.db !== undefined) {
    const exists = await location.db.query<{ found: string | null }>(
      "SELECT to_regclass('confiture.calibration')::text AS found",
    );
    if (exists.rows[0]?.found == null) return undefined;
    const result = await location.db.query<{ calibration: unknown }>(
      "SELECT calibration FROM confiture.calibration ORDER BY taken_at DESC, id DESC LIMIT 1",
    );
    const row = result.rows[0];
    if (row === undefined) return undefined;
    const value = typeof row.calibration === "string" ? JSON.parse(row.calibration) : row.calibration;
    return parse(value, "confiture.calibration");
  }
  const path = calibrationFilePath(location.directory ?? process.cwd());
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new CalibrationError(`cannot read ${path}`, { cause: error });
  }
  try {
    return parse(JSON.parse(text), path);
  } catch (error) {
    if (CalibrationError.isInstance(error)) throw error;
    throw new CalibrationError(`${path} is not JSON`, { cause: error });
  }
}
