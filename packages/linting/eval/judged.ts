import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Finding, LintResult, SourceFile } from "../src/index.js";

/** One project's run. */
export interface ProjectRun {
  project: string;
  files: SourceFile[];
  result: LintResult;
}

/** A verdict kept in the repository, with its reason. */
interface Judgment {
  verdict: "actionable" | "noise" | "safe" | "missed";
  reason: string;
}

type Located = Finding & { project: string };

/** FNV-1a: a stable pseudo-random order that does not depend on the run. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return value;
}

/** The key a judgment is kept under: project, file, line and rule. */
export function findingKey(finding: Located): string {
  return `${finding.project}/${finding.file}:${finding.line} ${finding.ruleId}`;
}

/**
 * `count` findings across rules: rules by frequency, each rule's findings in a fixed pseudo-random
 * order, taken round-robin, so every rule that fires is sampled and none dominates. Parse errors and
 * rule crashes are not rule findings and are reported apart.
 */
export function pickSample(findings: readonly Located[], count: number): Located[] {
  const byRule = new Map<string, Located[]>();
  for (const finding of findings) {
    if (finding.library === "core") continue;
    byRule.set(finding.ruleId, [...(byRule.get(finding.ruleId) ?? []), finding]);
  }
  const queues = [...byRule.values()]
    .sort((left, right) => right.length - left.length || (left[0]!.ruleId < right[0]!.ruleId ? -1 : 1))
    .map((list) => [...list].sort((left, right) => hash(findingKey(left)) - hash(findingKey(right))));
  const sample: Located[] = [];
  for (let round = 0; sample.length < count && queues.some((queue) => queue.length > round); round++)
    for (const queue of queues) if (sample.length < count && queue[round] !== undefined) sample.push(queue[round]!);
  return sample;
}

/** A statement no finding points into. */
export interface Unflagged {
  key: string;
  text: string;
}

/** `count` statements (not transaction control) that no finding points into, round-robin over projects. */
export function pickUnflagged(runs: readonly ProjectRun[], count: number): Unflagged[] {
  const perProject = runs.map((run) => {
    const flagged = new Set(run.result.findings.map((finding) => `${finding.file}:${finding.line}`));
    const candidates: Unflagged[] = [];
    for (const file of run.result.files)
      for (const statement of file.statements) {
        if (["begin", "commit", "rollback", "set"].includes(statement.kind)) continue;
        let hit = false;
        for (let line = statement.line; line <= statement.endLine && !hit; line++) hit = flagged.has(`${file.path}:${line}`);
        if (!hit) candidates.push({ key: `${run.project}/${file.path}:${statement.line}`, text: statement.text });
      }
    return candidates.sort((left, right) => hash(left.key) - hash(right.key));
  });
  const picked: Unflagged[] = [];
  for (let round = 0; picked.length < count && perProject.some((list) => list.length > round); round++)
    for (const list of perProject) if (picked.length < count && list[round] !== undefined) picked.push(list[round]!);
  return picked;
}

function loadJudgments(name: string): Record<string, Judgment> {
  const path = join(import.meta.dirname, name);
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as { judgments: Record<string, Judgment> }).judgments : {};
}

function statementAt(runs: readonly ProjectRun[], finding: Located): string {
  const file = runs.find((run) => run.project === finding.project)?.result.files.find((entry) => entry.path === finding.file);
  const statement = file?.statements.find((entry) => entry.line <= finding.line && entry.endLine >= finding.line);
  return (statement?.text ?? "").replace(/\s+/g, " ").slice(0, 240);
}

/** The judged sample and the unflagged statements with the verdicts kept in the repository. */
export function judgedReport(
  sample: readonly Located[],
  unflagged: readonly Unflagged[],
  runs: readonly ProjectRun[],
  print: boolean,
) {
  const judged = loadJudgments("judged-findings.json");
  const safe = loadJudgments("judged-safe.json");
  const lines: string[] = ["", `judged sample of ${sample.length} findings (judged-findings.json):`];
  let actionable = 0;
  let noise = 0;
  let unjudged = 0;
  for (const finding of sample) {
    const key = findingKey(finding);
    const verdict = judged[key];
    if (verdict === undefined) unjudged++;
    else if (verdict.verdict === "actionable") actionable++;
    else noise++;
    lines.push(`  ${(verdict?.verdict ?? "UNJUDGED").padEnd(10)} ${key}${verdict === undefined ? "" : ` -- ${verdict.reason}`}`);
    if (print) lines.push(`      ${finding.severity}: ${finding.message}`, `      SQL: ${statementAt(runs, finding)}`);
  }
  const rate = actionable + noise === 0 ? 0 : (actionable / (actionable + noise)) * 100;
  lines.push(`  actionable ${actionable}, noise ${noise}, unjudged ${unjudged}: ${rate.toFixed(1)}% actionable`);
  lines.push("", `${unflagged.length} statements nothing flagged (judged-safe.json):`);
  let safeCount = 0;
  let missed = 0;
  for (const statement of unflagged) {
    const verdict = safe[statement.key];
    if (verdict?.verdict === "safe") safeCount++;
    if (verdict?.verdict === "missed") missed++;
    lines.push(
      `  ${(verdict?.verdict ?? "UNJUDGED").padEnd(10)} ${statement.key}${verdict === undefined ? "" : ` -- ${verdict.reason}`}`,
    );
    if (print) lines.push(`      SQL: ${statement.text.replace(/\s+/g, " ").slice(0, 240)}`);
  }
  lines.push(`  safe ${safeCount}, missed ${missed}, unjudged ${unflagged.length - safeCount - missed}`);
  return { text: lines.join("\n"), rate, unjudged };
}
