import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeCorpus } from "../corpus.js";
import type { Benchmark, BenchRow } from "../types.js";

// Issue 16: `confiture` against squawk as whole processes, the way a pre-commit hook, an editor and
// CI run them. Each measure alternates the two tools run by run, and reports medians and peak RSS.
// It runs the BUILT CLI (`pnpm build` first: turbo's bench task depends on ^build), since start-up
// through tsx is not what users run.

const here = dirname(fileURLToPath(import.meta.url));
const repository = join(here, "..", "..", "..");
const cli = join(repository, "apps", "cli", "dist", "bin.js");
const squawk = join(here, "..", "node_modules", ".bin", "squawk");
const corporaRoot = process.env.BENCH_CORPORA_DIR ?? join(repository, "..", "shared", "corpora");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** `BENCH_CORPORA=ory-kratos,riverqueue-river` limits the real projects measured. */
const wantedCorpora = (process.env.BENCH_CORPORA ?? "").split(",").filter(Boolean);
const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

interface Run {
  ms: number;
  rssMiB: number;
  stdout: string;
}

function once(command: string, args: string[], cwd: string): Run {
  const rssFile = join(tmpdir(), `confiture-cli-speed-rss-${process.pid}`);
  const [program, programArgs] =
    gnuTime === undefined ? [command, args] : [gnuTime, ["-f", "%M", "-o", rssFile, command, ...args]];
  const started = performance.now();
  const result = spawnSync(program, programArgs, {
    cwd,
    maxBuffer: 1 << 30,
    env: { ...process.env, CONFITURE_METRICS: "off", NO_COLOR: "1" },
  });
  const ms = performance.now() - started;
  if (result.error !== undefined) throw result.error;
  // Both linters exit 1 when they find problems; anything else is a failure of the bench.
  if (result.status !== 0 && result.status !== 1)
    throw new Error(
      `${command} ${args.slice(0, 3).join(" ")} failed (${result.status}): ${result.stderr.toString().slice(0, 500)}`,
    );
  let rssMiB = Number.NaN;
  if (gnuTime !== undefined) {
    rssMiB = Number(readFileSync(rssFile, "utf8").trim().split("\n").at(-1)) / 1024;
    rmSync(rssFile, { force: true });
  }
  return { ms, rssMiB, stdout: result.stdout.toString() };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

interface Comparison {
  work: string;
  confiture: Run[];
  squawk: Run[] | undefined;
  goal: string;
}

/** Runs both tools `RUNS` times, alternating, so a burst of load hits both alike. */
function alternate(
  work: string,
  confitureArgs: string[],
  squawkArgs: string[] | undefined,
  goal: string,
  cwd: string,
): Comparison {
  const confiture: Run[] = [];
  const other: Run[] = [];
  for (let run = 0; run < RUNS; run++) {
    confiture.push(once(process.execPath, [cli, ...confitureArgs], cwd));
    if (squawkArgs !== undefined) other.push(once(squawk, squawkArgs, cwd));
  }
  return { work, confiture, squawk: squawkArgs === undefined ? undefined : other, goal };
}

function sqlFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...sqlFiles(path));
    else if (entry.name.endsWith(".sql")) files.push(path);
  }
  return files.sort();
}

/** The findings of a JSON report without its timing, to compare runs. */
function findingsOf(stdout: string): string {
  const report = JSON.parse(stdout) as { summary?: Record<string, unknown> };
  if (report.summary !== undefined) delete report.summary.durationMs;
  return JSON.stringify(report);
}

function uptime(): string {
  return spawnSync("uptime", { encoding: "utf8" }).stdout.trim();
}

const benchmark: Benchmark = {
  name: "cli-speed",
  description:
    "confiture CLI vs squawk as whole processes (issue 16): medians of alternated runs, peak RSS, identical findings across runs",
  async run(): Promise<BenchRow[]> {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`pnpm build\` first (the bench measures the built CLI)`);
    console.log(`load before: ${uptime()}`);
    console.log(`runs per measure: ${RUNS} (BENCH_RUNS), alternated confiture/squawk`);
    const cwd = mkdtempSync(join(tmpdir(), "confiture-cli-speed-"));
    const small = join(cwd, "0001_add_column.sql");
    writeFileSync(small, "ALTER TABLE users ADD COLUMN age integer;\n");
    const lintArgs = (paths: string[]) => ["lint", ...paths, "--format", "json", "--no-error-on-unmatched-pattern"];
    const squawkArgs = (files: string[]) => ["--reporter", "json", ...files];
    const comparisons: Comparison[] = [];
    const mismatches: string[] = [];

    comparisons.push(alternate("--version", ["--version"], ["--version"], "confiture <= 100 ms", cwd));
    comparisons.push(alternate("lint one small file", lintArgs([small]), squawkArgs([small]), "confiture <= 300 ms", cwd));

    const projects = existsSync(corporaRoot)
      ? readdirSync(corporaRoot).filter((name) => statSync(join(corporaRoot, name)).isDirectory())
      : [];
    for (const project of projects.filter((name) => wantedCorpora.length === 0 || wantedCorpora.includes(name))) {
      const directory = join(corporaRoot, project);
      const files = sqlFiles(directory);
      if (files.length === 0) continue;
      const measured = alternate(
        `lint ${project} (${files.length} files), cold`,
        lintArgs([directory]),
        squawkArgs(files),
        "<= 1.5x squawk",
        cwd,
      );
      comparisons.push(measured);
      const outputs = new Set(measured.confiture.map((run) => findingsOf(run.stdout)));
      if (outputs.size !== 1) mismatches.push(`${project}: cold runs differ`);
    }

    const generated = writeCorpus(30_000, 60);
    const large = alternate(
      `lint generated ${generated.statements} statements (${generated.files.length} files), cold`,
      lintArgs([join(generated.directory, "migrations")]),
      squawkArgs(generated.files),
      "<= 1.5x squawk",
      cwd,
    );
    comparisons.push(large);
    if (new Set(large.confiture.map((run) => findingsOf(run.stdout))).size !== 1) mismatches.push("generated: cold runs differ");
    rmSync(generated.directory, { recursive: true, force: true });
    rmSync(cwd, { recursive: true, force: true });

    const table = comparisons.map(({ work, confiture, squawk: other, goal }) => {
      const confitureMs = median(confiture.map((run) => run.ms));
      const squawkMs = other === undefined ? Number.NaN : median(other.map((run) => run.ms));
      return {
        work,
        "confiture ms (median)": Math.round(confitureMs),
        "confiture ms (min-max)": `${Math.round(Math.min(...confiture.map((run) => run.ms)))}-${Math.round(Math.max(...confiture.map((run) => run.ms)))}`,
        "squawk ms (median)": Math.round(squawkMs),
        ratio: Number((confitureMs / squawkMs).toFixed(2)),
        "confiture peak MiB": Math.round(Math.max(...confiture.map((run) => run.rssMiB))),
        "squawk peak MiB": other === undefined ? Number.NaN : Math.round(Math.max(...other.map((run) => run.rssMiB))),
        goal,
      };
    });
    console.table(table);
    console.log("cached (--cache) and parallel runs: not measured, the CLI has no --cache or worker mode yet");
    console.log(`identical findings across cold runs: ${mismatches.length === 0 ? "yes" : `NO (${mismatches.join("; ")})`}`);
    console.log(`load after: ${uptime()}`);
    if (mismatches.length > 0) throw new Error(`findings changed between runs: ${mismatches.join("; ")}`);
    return table.map((row) => ({ label: `${row.work}: confiture / squawk`, value: row.ratio, unit: "ratio" }));
  },
};

export default benchmark;
