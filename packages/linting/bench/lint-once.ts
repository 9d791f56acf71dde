import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { analyzeStatement, loadParser, parseSqlSync } from "@confiture/sql";
import * as linting from "../src/index.js";

/**
 * Child process of the lint benchmark: lints one corpus and prints its measures as JSON, so the
 * parent sees this process's peak memory alone. Usage: lint-once.ts <directory> <squawk.json> <files...>
 */
const [directory, squawkJson, ...paths] = process.argv.slice(2);
const files = paths.map((path) => ({ path: relative(directory!, path), source: readFileSync(path, "utf8") }));
/** The general library; before it is exported, the rules found in src/rules (so the bench runs all along). */
async function generalLibrary(): Promise<linting.Library> {
  const exported = (linting as Record<string, unknown>).general;
  if (linting.isLibrary(exported)) return exported;
  const rulesDirectory = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "rules");
  const rules: linting.Rule[] = [];
  for (const entry of readdirSync(rulesDirectory, { withFileTypes: true })) {
    if (!entry.isDirectory() || !existsSync(join(rulesDirectory, entry.name, "index.ts"))) continue;
    const module = (await import(pathToFileURL(join(rulesDirectory, entry.name, "index.ts")).href)) as Record<string, unknown>;
    for (const value of Object.values(module))
      if (linting.isRule(value) && !rules.some((rule) => rule.id === value.id)) rules.push(value);
  }
  return linting.defineLibrary({ name: "general", version: "0.0.0", rules });
}
const libraries = [await generalLibrary()];

await loadParser();
// Warm-up: the WebAssembly parser and the JIT, as in a long CLI run.
await linting.lint({ files: files.slice(0, 5), libraries });

/** The fastest of `runs` passes: on a shared machine the minimum is the least disturbed figure. */
async function fastest<T>(runs: number, work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  let best: { ms: number; value: T } | undefined;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const value = await work();
    const ms = performance.now() - started;
    if (best === undefined || ms < best.ms) best = { ms, value };
  }
  return best!;
}

const runs = Number(process.env.BENCH_RUNS ?? 3);
const parseAnalyseMs = (
  await fastest(runs, () => {
    for (const file of files)
      for (const statement of parseSqlSync(file.source, { file: file.path }).statements) analyzeStatement(statement);
  })
).ms;
const engineOnlyMs = (await fastest(runs, () => linting.lint({ files, libraries: [] }))).ms;
const { ms: lintMs, value: result } = await fastest(runs, () => linting.lint({ files, libraries }));

// Agreement with squawk: squawk's findings for rules with an equivalent, found at the same file and line.
type SquawkFinding = { file: string; line: number; rule_name: string; message: string };
const squawk = JSON.parse(readFileSync(squawkJson!, "utf8")) as SquawkFinding[];
const equivalents = new Map<string, string[]>();
for (const rule of result.rules) {
  const name = rule.meta.equivalents?.squawk;
  if (name !== undefined && rule.enabled) equivalents.set(name, [...(equivalents.get(name) ?? []), rule.id]);
}

function agreement(lintResult: linting.LintResult) {
  const ours = new Set(lintResult.findings.map((finding) => `${finding.file}\u0000${finding.line}\u0000${finding.ruleId}`));
  const perRule = new Map<string, { squawk: number; matched: number; example?: string }>();
  for (const finding of squawk) {
    const rules = equivalents.get(finding.rule_name);
    if (rules === undefined) continue;
    const file = relative(directory!, finding.file);
    const line = finding.line + 1;
    const entry = perRule.get(finding.rule_name) ?? { squawk: 0, matched: 0 };
    entry.squawk++;
    if (rules.some((rule) => ours.has(`${file}\u0000${line}\u0000${rule}`))) entry.matched++;
    else entry.example ??= `${file}:${line}`;
    perRule.set(finding.rule_name, entry);
  }
  return Object.fromEntries([...perRule].sort());
}

const timed = await linting.lint({ files, libraries, timing: true });

// squawk assumes a file runs outside a transaction unless it says BEGIN: compare like with like too.
const unwrapped = await linting.lint({ files, libraries, settings: { runnerWrapsInTransaction: false } });
const usage = process.resourceUsage();
console.log(
  JSON.stringify({
    rules: result.rules.filter((rule) => rule.enabled).length,
    findings: result.findings.length,
    statements: result.summary.statements,
    parseAnalyseMs,
    engineOnlyMs,
    lintMs,
    maxRssMiB: usage.maxRSS / 1024,
    slowestRules: (timed.timings ?? []).slice(0, 8).map((entry) => ({ rule: entry.rule, ms: Math.round(entry.ms) })),
    agreement: agreement(result),
    agreementUnwrapped: agreement(unwrapped),
    squawkRulesWithoutEquivalent: [...new Set(squawk.map((finding) => finding.rule_name))]
      .filter((name) => !equivalents.has(name))
      .sort(),
  }),
);
