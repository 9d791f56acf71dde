import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
// The bench package does not depend on @confiture/linting yet (its package.json belongs to sql-core):
// the library is loaded from source until that dependency is added.
import { type Finding, lint } from "../../../packages/linting/src/index.js";
import { general } from "../../../packages/linting/src/library/index.js";
import { writeCorpus } from "../corpus.js";
import { writeMigrationCorpus } from "../lint-corpus.js";
import type { Benchmark, BenchRow } from "../types.js";

const squawkBinary = join(dirname(fileURLToPath(import.meta.url)), "..", "node_modules", ".bin", "squawk");

interface SquawkFinding {
  file: string;
  /** 0-based in squawk's JSON output. */
  line: number;
  rule_name: string;
}

/** squawk's rule -> the general rules that declare it as their equivalent. */
function equivalents(): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const rule of Object.values(general.rules)) {
    const squawk = rule.meta.equivalents?.squawk;
    if (squawk === undefined) continue;
    map.set(squawk, new Set([...(map.get(squawk) ?? []), rule.id]));
  }
  return map;
}

function runSquawk(files: string[]): { findings: SquawkFinding[]; wallMs: number } {
  const started = performance.now();
  const result = spawnSync(squawkBinary, ["--reporter", "json", ...files], { maxBuffer: 1 << 30 });
  const wallMs = performance.now() - started;
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`squawk failed (${result.status}): ${result.stderr.toString()}`);
  return { findings: JSON.parse(result.stdout.toString() || "[]") as SquawkFinding[], wallMs };
}

async function runLint(files: string[]): Promise<{ findings: Finding[]; wallMs: number; statements: number }> {
  const sources = files.map((path) => ({ path, source: readFileSync(path, "utf8") }));
  const rules = Object.fromEntries(Object.keys(general.rules).map((id) => [id, "warn" as const]));
  const started = performance.now();
  // squawk assumes no transaction around a file unless told otherwise: compare like with like.
  const result = await lint({
    files: sources,
    libraries: [general],
    config: { rules },
    settings: { runnerWrapsInTransaction: false },
  });
  return { findings: result.findings, wallMs: performance.now() - started, statements: result.summary.statements };
}

/** The share of squawk's findings (for rules with an equivalent) that confiture reports at the same file and line. */
function agreement(squawk: SquawkFinding[], ours: Finding[], label: string): BenchRow[] {
  const map = equivalents();
  const index = new Set(ours.map((finding) => `${finding.file}\u0000${finding.line}\u0000${finding.ruleId}`));
  const perRule = new Map<string, { total: number; matched: number; missed: SquawkFinding[] }>();
  for (const finding of squawk) {
    const ids = map.get(finding.rule_name);
    if (ids === undefined) continue;
    const entry = perRule.get(finding.rule_name) ?? { total: 0, matched: 0, missed: [] };
    entry.total++;
    if ([...ids].some((id) => index.has(`${finding.file}\u0000${finding.line + 1}\u0000${id}`))) entry.matched++;
    else entry.missed.push(finding);
    perRule.set(finding.rule_name, entry);
  }
  const total = [...perRule.values()].reduce((sum, entry) => sum + entry.total, 0);
  const matched = [...perRule.values()].reduce((sum, entry) => sum + entry.matched, 0);
  if (process.env.BENCH_VERBOSE !== undefined) {
    for (const [rule, entry] of perRule) {
      for (const missed of entry.missed.slice(0, 3))
        process.stderr.write(`[${label}] missed ${rule} at ${missed.file}:${missed.line + 1}\n`);
    }
  }
  return [
    { label: `${label}: squawk findings with an equivalent`, value: total, unit: "findings" },
    {
      label: `${label}: agreement with squawk (same file, line, equivalent rule)`,
      value: total === 0 ? 100 : (100 * matched) / total,
      unit: "%",
    },
    ...[...perRule]
      .sort(([left], [right]) => left.localeCompare(right))
      .map(([rule, entry]) => ({
        label: `${label}: agreement ${rule} (${entry.matched}/${entry.total})`,
        value: (100 * entry.matched) / entry.total,
        unit: "%",
      })),
  ];
}

/**
 * `lint` with every general rule enabled next to squawk on the same files, on the 30,000-statement
 * corpus and on a few hundred realistic migration files: wall time, peak memory, and agreement.
 */
const benchmark: Benchmark = {
  name: "lint-vs-squawk",
  description: "confiture lint (all general rules) vs squawk: wall time, peak memory, agreement",
  async run() {
    const large = writeCorpus();
    const realistic = writeMigrationCorpus();
    try {
      // Warm-up: the WebAssembly parser and the JIT, as in a long CLI run.
      await runLint(large.files.slice(0, 3));
      const lintLarge = await runLint(large.files);
      const peakKiB = process.resourceUsage().maxRSS;
      const squawkLarge = runSquawk(large.files);
      const lintRealistic = await runLint(realistic.files);
      const squawkRealistic = runSquawk(realistic.files);
      return [
        { label: "large corpus: statements", value: lintLarge.statements, unit: "statements" },
        { label: "large corpus: files", value: large.files.length, unit: "files" },
        { label: "large corpus: confiture lint (all general rules)", value: lintLarge.wallMs, unit: "ms" },
        { label: "large corpus: squawk", value: squawkLarge.wallMs, unit: "ms" },
        { label: "large corpus: confiture / squawk", value: lintLarge.wallMs / squawkLarge.wallMs, unit: "ratio" },
        { label: "large corpus: peak memory of the bench process (RSS)", value: peakKiB / 1024, unit: "MiB" },
        { label: "realistic corpus: files", value: realistic.files.length, unit: "files" },
        { label: "realistic corpus: statements", value: lintRealistic.statements, unit: "statements" },
        { label: "realistic corpus: confiture lint (all general rules)", value: lintRealistic.wallMs, unit: "ms" },
        { label: "realistic corpus: squawk", value: squawkRealistic.wallMs, unit: "ms" },
        { label: "realistic corpus: confiture / squawk", value: lintRealistic.wallMs / squawkRealistic.wallMs, unit: "ratio" },
        ...agreement(squawkLarge.findings, lintLarge.findings, "large corpus"),
        ...agreement(squawkRealistic.findings, lintRealistic.findings, "realistic corpus"),
      ];
    } finally {
      rmSync(large.directory, { recursive: true, force: true });
      rmSync(realistic.directory, { recursive: true, force: true });
    }
  },
};

export default benchmark;
