import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Corpus, largeCorpus, realisticCorpus } from "./corpus.js";

/**
 * `pnpm bench` for @confiture/linting: `lint` with every general rule on a 30,000-statement corpus
 * and on a few hundred realistic migration files, next to squawk on the same files in the same
 * run; peak memory; and agreement with squawk (squawk's findings for rules with an equivalent that
 * confiture reports at the same file and line). Figures only: nothing is asserted.
 */
const here = dirname(fileURLToPath(import.meta.url));
const squawkBinary = join(here, "..", "node_modules", ".bin", "squawk");
const tsx = join(here, "..", "node_modules", ".bin", "tsx");

/** squawk on the corpus, the fastest of BENCH_RUNS runs (default 3), like the confiture figures. */
function squawk(corpus: Corpus): { ms: number; json: string } {
  let best: { ms: number; json: string } | undefined;
  for (let attempt = 0; attempt < Number(process.env.BENCH_RUNS ?? 3); attempt++) {
    const started = performance.now();
    const run = spawnSync(squawkBinary, ["--reporter", "json", ...corpus.files], { maxBuffer: 1 << 30 });
    const ms = performance.now() - started;
    if (run.error !== undefined) throw run.error;
    if (run.status !== 0 && run.status !== 1) throw new Error(`squawk failed (${run.status}): ${run.stderr.toString()}`);
    if (best === undefined || ms < best.ms) best = { ms, json: run.stdout.toString() || "[]" };
  }
  return best!;
}

for (const corpus of [largeCorpus(), realisticCorpus()]) {
  try {
    const squawked = squawk(corpus);
    const squawkFile = join(corpus.directory, "squawk.json");
    writeFileSync(squawkFile, squawked.json);
    const started = performance.now();
    const child = spawnSync(
      tsx,
      ["--conditions=@confiture/source", join(here, "lint-once.ts"), corpus.directory, squawkFile, ...corpus.files],
      {
        maxBuffer: 1 << 28,
      },
    );
    const childMs = performance.now() - started;
    if (child.status !== 0) throw new Error(child.stderr.toString());
    const measures = JSON.parse(child.stdout.toString().trim().split("\n").at(-1)!);
    console.log(
      `\n## lint: ${corpus.name} corpus (${corpus.files.length} files, ${measures.statements} statements, ${measures.rules} rules)`,
    );
    console.table([
      { measure: "confiture lint() wall time (warm, in process, fastest run)", value: Math.round(measures.lintMs), unit: "ms" },
      { measure: "  of which parse + lock model", value: Math.round(measures.parseAnalyseMs), unit: "ms" },
      {
        measure: "  engine without rules (parse, analyse, replay, session)",
        value: Math.round(measures.engineOnlyMs),
        unit: "ms",
      },
      { measure: "child process total (tsx start, warm-up, all passes)", value: Math.round(childMs), unit: "ms" },
      { measure: "peak memory (child RSS)", value: Math.round(measures.maxRssMiB), unit: "MiB" },
      { measure: "squawk wall time (same files, fastest run)", value: Math.round(squawked.ms), unit: "ms" },
      { measure: "confiture lint() / squawk", value: Number((measures.lintMs / squawked.ms).toFixed(2)), unit: "ratio" },
      { measure: "findings", value: measures.findings, unit: "findings" },
    ]);
    console.log("slowest rules (time in their visitors, one timed pass):");
    console.table(measures.slowestRules);
    for (const [key, title] of [
      ["agreement", "default settings (runner wraps each file in a transaction)"],
      ["agreementUnwrapped", "squawk's assumption (no transaction unless the file says BEGIN)"],
    ] as const) {
      const agreement = Object.entries(measures[key] as Record<string, { squawk: number; matched: number; example?: string }>);
      const total = agreement.reduce((sum, [, entry]) => sum + entry.squawk, 0);
      const matched = agreement.reduce((sum, [, entry]) => sum + entry.matched, 0);
      console.log(
        `agreement with squawk, ${title}: ${matched}/${total} (${total === 0 ? "n/a" : ((100 * matched) / total).toFixed(1)}%)`,
      );
      console.table(
        agreement.map(([rule, entry]) => ({
          squawkRule: rule,
          squawk: entry.squawk,
          matched: entry.matched,
          firstMiss: entry.example ?? "",
        })),
      );
    }
    if (measures.squawkRulesWithoutEquivalent.length > 0)
      console.log(`squawk rules with no enabled equivalent: ${measures.squawkRulesWithoutEquivalent.join(", ")}`);
  } finally {
    rmSync(corpus.directory, { recursive: true, force: true });
  }
}
