import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeCorpus } from "../corpus.js";
import { type Agreement, agreement, type SquawkFinding } from "../lint-agreement.js";
import { adjustedAgreement, writeAgreementReport } from "../lint-agreement-report.js";
import { allGeneralRules, type ChildResult, type LintJob } from "../lint-job.js";
import { writeMigrationCorpus } from "../realistic-migrations.js";
import type { Benchmark, BenchRow } from "../types.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const squawkBinary = join(root, "node_modules", ".bin", "squawk");
const tsx = join(root, "node_modules", ".bin", "tsx");
const cliBin = join(root, "..", "..", "apps", "cli", "src", "bin.ts");
/** The target PostgreSQL major given to both tools (confiture's default, the newest stable major). */
const PG_VERSION = 18;
/** Timed runs per measure; the large corpus gets one (a run there is tens of seconds on 2 cores). */
const runs = (large: boolean) => Number(process.env.BENCH_RUNS ?? (large ? 1 : 3));

/** CPU time (user + system, ms) of this process's finished children, from /proc (clock ticks of 10 ms). */
function childrenCpuMs(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** GNU time, to read a command's peak RSS (over its process tree); the bench runs without it too. */
const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

function timed(
  command: string,
  args: string[],
  cwd?: string,
): { ms: number; cpuMs: number; maxRssMiB: number; stdout: string; status: number | null } {
  const rssFile = join(tmpdir(), `confiture-bench-rss-${process.pid}`);
  const [program, programArgs] =
    gnuTime === undefined ? [command, args] : [gnuTime, ["-f", "%M", "-o", rssFile, command, ...args]];
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const run = spawnSync(program, programArgs, { maxBuffer: 1 << 30, ...(cwd === undefined ? {} : { cwd }) });
  const ms = performance.now() - started;
  const cpuMs = childrenCpuMs() - cpuBefore;
  if (run.error !== undefined) throw run.error;
  // Both linters exit 1 when they find problems (they do, on these corpora); anything else is a failure.
  if (run.status !== 0 && run.status !== 1) throw new Error(`${command} failed (${run.status}): ${run.stderr.toString()}`);
  let maxRssMiB = Number.NaN;
  if (gnuTime !== undefined) {
    maxRssMiB = Number(readFileSync(rssFile, "utf8").trim().split("\n").at(-1)) / 1024;
    rmSync(rssFile, { force: true });
  }
  return { ms, cpuMs, maxRssMiB, stdout: run.stdout.toString(), status: run.status };
}

/** The fastest of `runs` runs: on a shared 2-core machine the minimum is the least disturbed figure. */
function fastest(count: number, command: string, args: string[], cwd?: string) {
  let best: ReturnType<typeof timed> | undefined;
  for (let run = 0; run < count; run++) {
    const result = timed(command, args, cwd);
    if (best === undefined || result.ms < best.ms) best = result;
  }
  return best!;
}

interface CorpusRun {
  name: string;
  rows: BenchRow[];
  agreements: Array<{ mode: string; result: Agreement }>;
}

function measure(name: string, corpus: { directory: string; files: string[]; statements: number }, large: boolean): CorpusRun {
  // confiture in a child process of its own, so its peak RSS is the lint's alone.
  const job: LintJob = {
    directory: corpus.directory,
    files: corpus.files,
    runs: runs(large),
    pgVersion: PG_VERSION,
    output: join(corpus.directory, "confiture.json"),
  };
  writeFileSync(join(corpus.directory, "job.json"), JSON.stringify(job));
  const childRun = timed(tsx, [
    "--conditions=@confiture/source",
    join(root, "lint-child.ts"),
    join(corpus.directory, "job.json"),
  ]);
  const child = JSON.parse(readFileSync(job.output, "utf8")) as ChildResult;
  // squawk with its opt-in rules that have a confiture equivalent, so both run the same rule set.
  const include = `--include=${[...new Set(Object.values(child.equivalents))].sort().join(",")}`;
  const squawkArgs = ["--reporter", "json", `--pg-version=${PG_VERSION}`, include, ...corpus.files];
  const squawk = fastest(runs(large), squawkBinary, squawkArgs);
  const squawkInTransaction = timed(squawkBinary, [...squawkArgs.slice(0, 3), "--assume-in-transaction", ...squawkArgs.slice(3)]);
  // The whole `confiture lint` command from source: a process start, tsx, config, lint, JSON report.
  const ruleFlags = Object.entries(allGeneralRules()).flatMap(([id, level]) => ["--rule", `${id}=${level}`]);
  const cliArgs = [
    "--conditions=@confiture/source",
    cliBin,
    "lint",
    "--format",
    "json",
    `--pg-version=${PG_VERSION}`,
    ...ruleFlags,
    "migrations",
  ];
  const cli = fastest(1, tsx, cliArgs, corpus.directory);
  const startup = fastest(1, tsx, ["--conditions=@confiture/source", cliBin, "--version"], corpus.directory);
  const fastestRun = child.lintRunsMs.indexOf(Math.min(...child.lintRunsMs));
  const lintMs = child.lintRunsMs[fastestRun]!;
  const lintCpuMs = child.lintRunsCpuMs[fastestRun]!;
  const perSecond = (ms: number) => corpus.statements / (ms / 1000);
  // Listener times are wall times (a CPU reading per call would cost more than the calls): shown as
  // shares of the timed pass's wall time, which apply to its CPU time on a machine under even load.
  const rulesMs = Object.values(child.perRuleMs).reduce((sum, ms) => sum + ms, 0);
  const topRules = Object.entries(child.perRuleMs)
    .sort(([, left], [, right]) => right - left)
    .slice(0, 8);
  const rows: BenchRow[] = [
    { label: "files", value: corpus.files.length, unit: "files" },
    { label: "statements", value: child.statements, unit: "statements" },
    { label: "general rules enabled", value: child.rules, unit: "rules" },
    { label: "confiture findings", value: child.findings, unit: "findings" },
    { label: "squawk wall time (process, fastest run)", value: squawk.ms, unit: "ms" },
    { label: "squawk CPU time (user + system, all threads)", value: squawk.cpuMs, unit: "ms" },
    { label: "squawk throughput (wall)", value: perSecond(squawk.ms), unit: "statements/s" },
    { label: "confiture lint() in process after a 5-file warm-up (fastest run)", value: lintMs, unit: "ms" },
    { label: "confiture lint() CPU time (user + system)", value: lintCpuMs, unit: "ms" },
    { label: "confiture lint() first run in the process", value: child.lintRunsMs[0]!, unit: "ms" },
    { label: "confiture lint() throughput (wall)", value: perSecond(lintMs), unit: "statements/s" },
    { label: "confiture lint() throughput (CPU)", value: perSecond(lintCpuMs), unit: "statements/s per CPU" },
    { label: "  parse + lock model alone (@confiture/sql), CPU", value: child.parseAnalyseCpuMs, unit: "ms" },
    { label: "  engine without rules (parse, analyse, replay, session), CPU", value: child.engineOnlyCpuMs, unit: "ms" },
    { label: "  pass with timed rules (squawk's default mode), CPU", value: child.instrumentedCpuMs, unit: "ms" },
    { label: "    rules' own share of that pass (timed listeners)", value: (100 * rulesMs) / child.instrumentedMs, unit: "%" },
    ...topRules.map(([rule, ms]) => ({
      label: `    rule ${rule}, share of the pass`,
      value: (100 * ms) / child.instrumentedMs,
      unit: "%",
    })),
    { label: "`confiture lint` CLI from source (process, tsx, JSON report)", value: cli.ms, unit: "ms" },
    { label: "`confiture lint` CLI CPU time (user + system)", value: cli.cpuMs, unit: "ms" },
    { label: "  of which CLI start (`confiture --version` from source)", value: startup.ms, unit: "ms" },
    { label: "  of which CLI start, CPU", value: startup.cpuMs, unit: "ms" },
    { label: "confiture lint() / squawk, wall", value: lintMs / squawk.ms, unit: "ratio" },
    { label: "confiture lint() / squawk, CPU", value: lintCpuMs / Math.max(1, squawk.cpuMs), unit: "ratio" },
    { label: "`confiture lint` CLI / squawk, wall", value: cli.ms / squawk.ms, unit: "ratio" },
    { label: "`confiture lint` CLI / squawk, CPU", value: cli.cpuMs / Math.max(1, squawk.cpuMs), unit: "ratio" },
    { label: "confiture peak RSS (child process, after the first lint)", value: child.peakRssAfterFirstLintMiB, unit: "MiB" },
    { label: "confiture peak RSS (child process, after all passes)", value: child.peakRssMiB, unit: "MiB" },
    { label: "confiture RSS with modules loaded, before linting", value: child.baselineRssMiB, unit: "MiB" },
    { label: "`confiture lint` CLI peak RSS (GNU time, process tree)", value: cli.maxRssMiB, unit: "MiB" },
    { label: "squawk peak RSS (GNU time)", value: squawk.maxRssMiB, unit: "MiB" },
    { label: "child process total (all passes)", value: childRun.ms, unit: "ms" },
  ];
  const agreements = [
    { mode: "squawk default / confiture runnerWrapsInTransaction=false", squawkJson: squawk.stdout, confiture: child.unwrapped },
    {
      mode: "squawk --assume-in-transaction / confiture default",
      squawkJson: squawkInTransaction.stdout,
      confiture: child.wrapped,
    },
  ].map(({ mode, squawkJson, confiture }) => {
    const result = agreement({
      corpus: name,
      mode,
      directory: corpus.directory,
      squawk: JSON.parse(squawkJson || "[]") as SquawkFinding[],
      confiture,
      child,
    });
    const adjusted = adjustedAgreement(result);
    rows.push(
      {
        label: `agreement, ${mode}: same line`,
        value: (100 * result.sameLine) / Math.max(1, result.squawkFindings),
        unit: `% of ${result.squawkFindings}`,
      },
      {
        label: `agreement, ${mode}: same statement`,
        value: (100 * result.sameStatement) / Math.max(1, result.squawkFindings),
        unit: `% of ${result.squawkFindings}`,
      },
      {
        label: `agreement, ${mode}: adjusted (squawk's errors aside, see LINT-AGREEMENT.md)`,
        value: (100 * adjusted.found) / Math.max(1, adjusted.relevant),
        unit: `% of ${adjusted.relevant}`,
      },
    );
    return { mode, result };
  });
  return { name, rows, agreements };
}

/**
 * `lint()` with every rule of the general library next to squawk on the same files in the same run:
 * the 30,000-statement corpus of `corpus.ts` and a few hundred realistic migration files. Wall
 * times, where the time goes, peak RSS, and agreement with squawk (written to LINT-AGREEMENT.md).
 */
const benchmark: Benchmark = {
  name: "lint-vs-squawk",
  description: "confiture lint (all general rules) vs squawk: time, peak memory, agreement",
  async run() {
    const results: CorpusRun[] = [];
    const corpora = [
      { name: "large (30,000 generated statements)", make: () => writeCorpus(), large: true },
      { name: "realistic (400 migration files)", make: () => writeMigrationCorpus(), large: false },
    ];
    for (const { name, make, large } of corpora) {
      const corpus = make();
      try {
        results.push(measure(name, corpus, large));
      } finally {
        rmSync(corpus.directory, { recursive: true, force: true });
      }
    }
    const report = writeAgreementReport(join(root, "LINT-AGREEMENT.md"), results, { pgVersion: PG_VERSION });
    return results
      .flatMap((result) => [{ label: `## ${result.name}`, value: 0, unit: "" }, ...result.rows])
      .concat([{ label: `differences table written to ${report}`, value: 0, unit: "" }]);
  },
};

export default benchmark;
