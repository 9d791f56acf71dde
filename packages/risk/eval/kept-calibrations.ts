import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Calibration, calibrationSchema } from "../src/index.js";

// Each run keeps its calibration (never committed: .confiture/ is ignored) so the next run can
// compare two fresh calibrations of the same server on its held-out cases.
const directory = new URL("../.confiture/eval-calibrations/", import.meta.url).pathname;

/** The latest calibration an earlier run kept (or `EVAL_PREVIOUS`), if any. */
export async function readPreviousCalibration(): Promise<Calibration | undefined> {
  const given = process.env.EVAL_PREVIOUS;
  const names =
    given !== undefined
      ? []
      : (await readdir(directory).catch(() => [] as string[])).filter((name) => name.endsWith(".json")).sort();
  const path = given ?? (names.length === 0 ? undefined : join(directory, names[names.length - 1]!));
  if (path === undefined) return undefined;
  return calibrationSchema.parse(JSON.parse(await readFile(path, "utf8")));
}

/** Keeps this run's calibration for the next run. */
export async function keepCalibration(calibration: Calibration): Promise<void> {
  await mkdir(directory, { recursive: true });
  await writeFile(join(directory, `${calibration.takenAt.replaceAll(":", "-")}.json`), `${JSON.stringify(calibration)}\n`);
}
