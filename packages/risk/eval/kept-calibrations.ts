import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Calibration, calibrationSchema } from "../src/index.js";
import type { EvaluatedCase } from "./out-of-sample.js";

// Each run keeps its calibration (never committed: .confiture/ is ignored) so the next run can
// compare two fresh calibrations of the same server on its held-out cases.
const directory = new URL("../.confiture/eval-calibrations/", import.meta.url).pathname;

/** The latest calibration an earlier run kept (or the file `EVAL_PREVIOUS` names), if any. */
export async function readPreviousCalibration(): Promise<Calibration | undefined> {
  const given = process.env.EVAL_PREVIOUS;
  // `EVAL_PREVIOUS=none`: a run that does not compare with another (two runs at once compare afterwards).
  if (given === "none") return undefined;
  const names =
    given !== undefined
      ? []
      : (await readdir(directory).catch(() => [] as string[])).filter((name) => name.endsWith(".json")).sort();
  const path = given ?? (names.length === 0 ? undefined : join(directory, names[names.length - 1]!));
  if (path === undefined) return undefined;
  return calibrationSchema.parse(JSON.parse(await readFile(path, "utf8")));
}

/** Keeps this run's calibration for the next run, and its cases (with their costed work) for `stability`. */
export async function keepCalibration(calibration: Calibration, cases: readonly EvaluatedCase[]): Promise<string> {
  await mkdir(directory, { recursive: true });
  const stamp = calibration.takenAt.replaceAll(":", "-");
  await writeFile(join(directory, `${stamp}.json`), `${JSON.stringify(calibration)}\n`);
  const results = join(directory, "..", "eval-results", `${stamp}.json`);
  await mkdir(join(directory, "..", "eval-results"), { recursive: true });
  await writeFile(results, `${JSON.stringify({ calibration, cases })}\n`);
  return results;
}

/** A kept run: its calibration and its cases. */
export async function readRun(path: string): Promise<{ calibration: Calibration; cases: EvaluatedCase[] }> {
  const value = JSON.parse(await readFile(path, "utf8")) as { calibration: unknown; cases: EvaluatedCase[] };
  return { calibration: calibrationSchema.parse(value.calibration), cases: value.cases };
}
