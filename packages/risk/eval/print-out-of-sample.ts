import type { Calibration } from "../src/index.js";
import { type EvaluatedCase, stability, summarise } from "./out-of-sample.js";

const SCANS = new Set(["rewrite", "validate", "validate_foreign_key", "index_build", "concurrent_index_build", "dml"]);
const fixed = (value: number, digits = 2) => value.toFixed(digits);

/** Prints the out-of-sample figures as Markdown: per kind of operation, catalog-only apart. */
export function printOutOfSample(
  result: { cases: EvaluatedCase[]; calibration: Calibration; previous?: Calibration | undefined; calibrationSeconds: number },
  run: { seed: number; minutes: number; loadBefore: number[]; loadAfter: number[] },
): void {
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(" ");
  console.log("\n## (b) Out-of-sample prediction accuracy (PostgreSQL server)\n");
  console.log(
    `Held-out shapes (seed ${run.seed}) and sizes outside the calibrated range; a fresh calibration (seed ${result.calibration.seed}, taken ${result.calibration.takenAt} in ${result.calibrationSeconds.toFixed(0)} s)${result.previous === undefined ? "" : `, and the previous run's (taken ${result.previous.takenAt})`}. ${result.cases.length} cases in ${run.minutes.toFixed(1)} min; load average before ${load(run.loadBefore)}, after ${load(run.loadAfter)}.\n`,
  );
  const sets: [string, (item: EvaluatedCase) => EvaluatedCase["first"]][] = [
    ["this run's calibration", (item) => item.first],
    ["heuristic (no calibration)", (item) => item.heuristic],
  ];
  if (result.previous !== undefined) sets.splice(1, 0, ["the previous run's calibration", (item) => item.second ?? item.first]);
  for (const [name, pick] of sets) {
    console.log(`### ${name}\n`);
    console.log("| Operation | Cases | Coverage | Stated confidence | Median abs ln(pred/meas) | Median upper/lower |");
    console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
    const rows = summarise(result.cases, pick).sort(
      (left, right) => Number(SCANS.has(right.operation)) - Number(SCANS.has(left.operation)),
    );
    for (const row of rows) {
      console.log(
        `| ${row.operation}${SCANS.has(row.operation) ? "" : " (catalog-only)"} | ${row.cases} | ${fixed(row.coverage * 100, 0)}% | ${fixed(row.confidence)} | ${fixed(row.medianAbsoluteLogError)} | ${fixed(row.medianBoundRatio, 1)} |`,
      );
    }
    console.log("");
  }
  if (result.previous !== undefined)
    console.log("### Two calibrations of the same server: max(upper ratio, lower ratio) per case\n");
  if (result.previous !== undefined) console.log("| Operation | Median | Worst | Within x1.5 |\n| --- | ---: | ---: | ---: |");
  for (const row of stability(result.cases)) {
    console.log(`| ${row.operation} | ${fixed(row.median)} | ${fixed(row.worst)} | ${fixed(row.within * 100, 0)}% |`);
  }
  console.log("\n<details><summary>Every case</summary>\n");
  console.log("| Shape | Rows | Operation | Statement | Runs (ms) | This calibration | Previous | Heuristic |");
  console.log("| --- | ---: | --- | --- | --- | --- | --- | --- |");
  const cell = (bounds: EvaluatedCase["second"], measured: number) =>
    bounds === undefined
      ? "-"
      : `${fixed(bounds.estimateMs, 0)} (${fixed(bounds.lowerMs, 0)}-${fixed(bounds.upperMs, 0)})${measured >= bounds.lowerMs && measured <= bounds.upperMs ? "" : " OUT"}`;
  for (const item of result.cases) {
    console.log(
      `| ${item.shape} | ${item.rows} | ${item.operation} | \`${item.sql.slice(0, 70)}\` | ${item.runsMs.map((value) => fixed(value, 0)).join(", ")} | ${cell(item.first, item.measuredMs)} | ${cell(item.second, item.measuredMs)} | ${cell(item.heuristic, item.measuredMs)} |`,
    );
  }
  console.log("\n</details>\n");
  console.log("<details><summary>This run's calibration</summary>\n");
  for (const [operation, model] of Object.entries(result.calibration.models)) {
    console.log(
      `- ${operation}: ${JSON.stringify(model.coefficients)}; bounds x${fixed(Math.exp(model.lowerLog))} to x${fixed(Math.exp(model.upperLog))} at ${model.level}; ${model.samples} samples${model.unmeasured.length > 0 ? `; unmeasured ${model.unmeasured.join(", ")}` : ""}`,
    );
  }
  console.log("\n</details>");
}
