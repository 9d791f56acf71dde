/**
 * `pnpm eval`: lints every project of the real-world corpus (`../shared/corpora`, see its SOURCES.md)
 * the way its own runner runs it (layout and transaction mode detected, not configured), with the
 * `general` library's recommended preset, and reports: crashes, files not linted and why, whether
 * the layout was detected as SOURCES.md names it, findings per 100 statements per rule, the judged
 * sample of findings (`judged-findings.json`) and the statements judged safe that nothing flagged
 * (`judged-safe.json`). `--print-sample` prints the sample and unflagged candidates for judging.
 */
import { general, lint, describeMigrations, type Finding, type LintResult } from "../src/index.js";
import { EXPECTED_LAYOUTS } from "./expected-layouts.js";
import { corpusProjects, projectFiles } from "./read-corpus.js";
import { fileReasons } from "./file-reasons.js";
import { judgedReport, pickSample, pickUnflagged, type ProjectRun } from "./judged.js";

const printSample = process.argv.includes("--print-sample");
const runs: ProjectRun[] = [];
let crashes = 0;
let layoutMisses = 0;
const started = performance.now();
for (const project of corpusProjects()) {
  const files = projectFiles(project);
  const runners = [...new Set(describeMigrations(files).map((file) => file.migration!.runner))].sort();
  const expected = [...(EXPECTED_LAYOUTS[project] ?? [])].sort();
  const layoutOk = runners.join(",") === expected.join(",");
  if (!layoutOk) layoutMisses++;
  const projectStarted = performance.now();
  let result: LintResult | undefined;
  try {
    result = await lint({ files, libraries: [general] });
  } catch (error) {
    crashes++;
    console.log(`CRASH ${project}: ${error instanceof Error ? error.stack : String(error)}`);
    continue;
  }
  const ruleCrashes = result.findings.filter((finding) => finding.ruleId === "rule-error");
  crashes += ruleCrashes.length;
  for (const crash of ruleCrashes) console.log(`RULE CRASH ${project}/${crash.file}:${crash.line} ${crash.message}`);
  const reasons = fileReasons(files, result);
  runs.push({ project, files, result });
  const ms = performance.now() - projectStarted;
  console.log(
    `${layoutOk ? "ok  " : "MISS"} ${project.padEnd(28)} layout ${runners.join("+").padEnd(22)} files ${String(files.length).padStart(4)}` +
      `  statements ${String(result.summary.statements).padStart(5)}  findings ${String(result.findings.length).padStart(5)}` +
      `  not fully linted ${String(reasons.length).padStart(3)}  ${ms.toFixed(0)} ms`,
  );
  const byReason = new Map<string, number>();
  for (const entry of reasons) byReason.set(entry.reason, (byReason.get(entry.reason) ?? 0) + 1);
  for (const [reason, count] of byReason) console.log(`       ${String(count).padStart(4)} × ${reason}`);
}

const statements = runs.reduce((sum, run) => sum + run.result.summary.statements, 0);
const fileCount = runs.reduce((sum, run) => sum + run.files.length, 0);
const findings: Array<Finding & { project: string }> = runs.flatMap((run) =>
  run.result.findings.map((finding) => ({ ...finding, project: run.project })),
);
console.log(`\n${runs.length} projects, ${fileCount} files, ${statements} statements, ${findings.length} findings`);
console.log(`crashes: ${crashes}; layouts detected as SOURCES.md names them: ${runs.length - layoutMisses}/${runs.length}`);
console.log(`total time ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

console.log("findings per 100 statements, by rule (recommended preset):");
const perRule = new Map<string, number>();
for (const finding of findings) perRule.set(finding.ruleId, (perRule.get(finding.ruleId) ?? 0) + 1);
for (const [rule, count] of [...perRule].sort((left, right) => right[1] - left[1]))
  console.log(`  ${((count / statements) * 100).toFixed(2).padStart(7)}  ${String(count).padStart(5)}  ${rule}`);

const sample = pickSample(findings, 60);
const unflagged = pickUnflagged(runs, 20);
const report = judgedReport(sample, unflagged, runs, printSample);
console.log(report.text);
if (crashes > 0 || layoutMisses > 0) process.exitCode = 1;
