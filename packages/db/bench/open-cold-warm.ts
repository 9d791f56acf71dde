/**
 * How long the default embedded database takes to open for a CLI user, each run a new process:
 * - without the snapshot cache (`snapshotCache: false`: initdb every time, the behaviour before the cache),
 * - cold (an empty cache directory: initdb, then the snapshot is written),
 * - warm (the snapshot is there and loaded).
 * Then `confiture preflight examples/migrations` cold and warm, from apps/cli/dist when it is built
 * and runs, else through `pnpm confiture:dev` (tsx, slower to start). Each cold run gets a new empty
 * CONFITURE_CACHE_DIR; warm runs share one prepared directory.
 * Runs: BENCH_OPEN_RUNS (default 5), BENCH_CLI_RUNS (default 3).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const openRuns = Number(process.env.BENCH_OPEN_RUNS ?? 5);
const cliRuns = Number(process.env.BENCH_CLI_RUNS ?? 3);
const packageRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const repositoryRoot = dirname(dirname(packageRoot));
const tsx = join(packageRoot, "node_modules", ".bin", "tsx");
const temporaryDirectories: string[] = [];

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function emptyCacheDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "confiture-bench-cache-"));
  temporaryDirectories.push(directory);
  return directory;
}

/** Runs a command with its own cache directory; returns the wall time and its stdout. */
function run(
  command: string,
  args: string[],
  cacheDirectory: string,
  cwd: string,
): { wallMs: number; stdout: string; status: number | null } {
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, CONFITURE_CACHE_DIR: cacheDirectory },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  if (result.error) throw result.error;
  return { wallMs, stdout: result.stdout, status: result.status };
}

function openOnce(cacheDirectory: string, noCache = false): { openMs: number; wallMs: number } {
  const args = ["--conditions=@confiture/source", join(packageRoot, "bench", "open-once.ts"), ...(noCache ? ["--no-cache"] : [])];
  const result = run(tsx, args, cacheDirectory, packageRoot);
  const line = result.stdout.trim().split("\n").at(-1) ?? "";
  if (result.status !== 0 || !line.startsWith("{")) throw new Error(`open-once failed (exit ${result.status}): ${result.stdout}`);
  return { openMs: (JSON.parse(line) as { openMs: number }).openMs, wallMs: result.wallMs };
}

function report(label: string, samples: { openMs?: number; wallMs: number }[]): void {
  const open = samples.flatMap((sample) => (sample.openMs === undefined ? [] : [sample.openMs]));
  const openText = open.length > 0 ? `openDatabase() ${median(open).toFixed(0)} ms, ` : "";
  const all = samples.map((sample) => sample.wallMs.toFixed(0)).join(", ");
  console.log(
    `${label} (median of ${samples.length}): ${openText}process ${median(samples.map((sample) => sample.wallMs)).toFixed(0)} ms  [process runs: ${all}]`,
  );
}

/** Runs the CLI's preflight; `undefined` when it did not produce its JSON report (a broken build, say). */
function preflight(command: string, args: string[], cacheDirectory: string): { wallMs: number } | undefined {
  const result = run(command, [...args, "preflight", "examples/migrations", "--format", "json"], cacheDirectory, repositoryRoot);
  try {
    JSON.parse(result.stdout);
    return result;
  } catch {
    return undefined;
  }
}

try {
  const uncached: { openMs: number; wallMs: number }[] = [];
  const cold: { openMs: number; wallMs: number }[] = [];
  const warm: { openMs: number; wallMs: number }[] = [];
  const warmDirectory = await emptyCacheDirectory();
  openOnce(warmDirectory); // writes the snapshot the warm runs load
  // Interleaved, so a change in machine load affects every variant alike.
  for (let index = 0; index < openRuns; index++) {
    uncached.push(openOnce(await emptyCacheDirectory(), true));
    cold.push(openOnce(await emptyCacheDirectory()));
    warm.push(openOnce(warmDirectory));
  }
  report("embedded open, no snapshot cache", uncached);
  report("embedded open, cold (empty cache: initdb + snapshot written)", cold);
  report("embedded open, warm (snapshot loaded)", warm);

  const builtCli = join(repositoryRoot, "apps", "cli", "dist", "bin.js");
  const candidates: [string, string[], string][] = [
    [process.execPath, [builtCli], "node apps/cli/dist/bin.js"],
    ["pnpm", ["--silent", "confiture:dev"], "pnpm confiture:dev (the built CLI did not run)"],
  ];
  const cliWarmDirectory = await emptyCacheDirectory();
  const usable = candidates.find(
    ([command, args]) =>
      (command !== process.execPath || existsSync(builtCli)) && preflight(command, args, cliWarmDirectory) !== undefined,
  );
  if (usable === undefined) {
    console.log("preflight figures skipped: neither the built CLI nor pnpm confiture:dev produced a report");
  } else {
    const [command, args, how] = usable;
    const cliCold: { wallMs: number }[] = [];
    const cliWarm: { wallMs: number }[] = [];
    for (let index = 0; index < cliRuns; index++) {
      const coldRun = preflight(command, args, await emptyCacheDirectory());
      const warmRun = preflight(command, args, cliWarmDirectory);
      if (coldRun === undefined || warmRun === undefined) throw new Error(`${how} preflight stopped producing a report`);
      cliCold.push(coldRun);
      cliWarm.push(warmRun);
    }
    report(`${how} preflight examples/migrations --format json, cold`, cliCold);
    report(`${how} preflight examples/migrations --format json, warm`, cliWarm);
  }
} finally {
  await Promise.all(temporaryDirectories.map((directory) => rm(directory, { recursive: true, force: true })));
}
