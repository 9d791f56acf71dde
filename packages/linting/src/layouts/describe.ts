import type { SourceFile } from "../engine/file-order.js";
import { type FileDirectives, readFileDirectives } from "./file-directives.js";
import { classifyPath, type PathClass, segmentsOf } from "./path-conventions.js";
import type { MigrationInfo, RunnerName, TransactionMode } from "./types.js";

/** `<version>_<name>.(up|down).sql`, Confiture's own naming: the version pairs an up file with its down file. */
const confitureName = /^([0-9][0-9A-Za-z.-]*)_([A-Za-z0-9][A-Za-z0-9_-]*)\.(up|down)\.sql$/;
const versionFolder = /^v?\d/i;

/** Runners that have a down migration for an up one (require-down-migration asks for it only there). */
const withDowns = new Set<RunnerName>([
  "confiture",
  "up-down-files",
  "pop",
  "diesel",
  "sqitch",
  "dbmate",
  "goose",
  "node-pg-migrate",
]);

/**
 * How each runner executes a file, before the file's own directives. Undefined leaves it to the lint
 * settings (`runnerWrapsInTransaction`): the `up-down-files` naming is shared by runners that wrap
 * (sqlx, pop) and runners that send the file as one query (golang-migrate), so only the config can say.
 */
const transactionOf: Record<RunnerName, TransactionMode | undefined> = {
  confiture: "detect",
  "up-down-files": undefined,
  pop: "wrapped",
  diesel: "wrapped",
  flyway: "detect",
  sqitch: "none",
  dbmate: "wrapped",
  goose: "wrapped",
  "node-pg-migrate": "wrapped",
  prisma: "implicit",
  drizzle: "wrapped",
  "sequential-files": undefined,
};

function baseName(path: string): string {
  return segmentsOf(path).at(-1) ?? path;
}

/** Files no runner's naming claims: by name, in a numbered folder by folder then name (Synapse deltas, temporal versions). */
function plainClass(path: string): PathClass {
  const segments = segmentsOf(path);
  const name = segments.at(-1) ?? path;
  const folder = segments.at(-2);
  const key = folder !== undefined && versionFolder.test(folder) ? `${folder}/${name}` : name;
  return { runner: "sequential-files", role: "up", key, pairKey: path };
}

function classOf(file: SourceFile): PathClass {
  const name = baseName(file.path);
  const confiture = confitureName.exec(name);
  const found = classifyPath(file.path);
  if (confiture !== null && found?.runner === "up-down-files") {
    // Versions pair an up file with its down file wherever they sit, as the migrate runner reads them.
    return { ...found, key: confiture[1]!, pairKey: confiture[1]! };
  }
  return found ?? plainClass(file.path);
}

function transactionFor(runner: RunnerName, pathClass: PathClass, directives: FileDirectives, sectionOptOut?: string) {
  const optOut =
    sectionOptOut ?? directives.nonTransactional ?? (pathClass.autocommit ? "the .autocommit. file name" : undefined);
  if (optOut !== undefined) return { transaction: "none" as const, transactionReason: optOut };
  const mode = transactionOf[runner];
  return mode === undefined ? {} : { transaction: mode };
}

/** Section markers name the runner whatever the file is called; a drizzle breakpoint only names a file no naming claims. */
function detectedRunner(pathClass: PathClass, directives: FileDirectives): RunnerName {
  if (directives.sections !== undefined) return directives.runner!;
  if (directives.runner !== undefined && pathClass.runner === "sequential-files") return directives.runner;
  return pathClass.runner;
}

const generic = new Set<RunnerName>(["up-down-files", "sequential-files"]);

/** The folder that holds a runner's sequence: the migrations folder, above diesel's and Prisma's per-migration folders. */
function sequenceFolder(path: string, runner: RunnerName): string {
  const segments = segmentsOf(path);
  return segments.slice(0, runner === "diesel" || runner === "prisma" ? -2 : -1).join("/");
}

/**
 * A file that only a generic convention claims takes the runner of the other files of its folder,
 * when they name one runner: a pop file without a dialect beside `.postgres.` ones, a drizzle file
 * with one statement (no breakpoint), a stray file beside Prisma's migration folders.
 */
function adoptSiblingRunner(
  classified: ReadonlyMap<SourceFile, { pathClass: PathClass; directives: FileDirectives }>,
): Map<SourceFile, RunnerName> {
  const specific = new Map<string, Set<RunnerName>>();
  for (const [file, { pathClass, directives }] of classified) {
    const runner = detectedRunner(pathClass, directives);
    if (generic.has(runner)) continue;
    const folder = sequenceFolder(file.path, runner);
    specific.set(folder, (specific.get(folder) ?? new Set()).add(runner));
  }
  const adopted = new Map<SourceFile, RunnerName>();
  for (const [file, { pathClass, directives }] of classified) {
    const runner = detectedRunner(pathClass, directives);
    if (!generic.has(runner)) continue;
    const runners = specific.get(sequenceFolder(file.path, runner));
    if (runners?.size === 1) adopted.set(file, [...runners][0]!);
  }
  return adopted;
}

/**
 * Describes each file as its runner sees it: the runner (from the layout and the file's own
 * directives, or `runner` when the config names it), the file's role (up, down, revert, verify,
 * repeatable), its order key, its pair, and how the runner wraps it in a transaction. Files that keep
 * up and down in one file (dbmate, goose, node-pg-migrate) become one entry per section.
 */
export function describeMigrations(files: readonly SourceFile[], options: { runner?: RunnerName } = {}): SourceFile[] {
  const classified = new Map<SourceFile, { pathClass: PathClass; directives: FileDirectives }>();
  for (const file of files)
    if (file.migration === undefined)
      classified.set(file, { pathClass: classOf(file), directives: readFileDirectives(file.source) });
  const adopted = adoptSiblingRunner(classified);
  const described: Array<{ file: SourceFile; pairKey?: string }> = [];
  for (const file of files) {
    if (file.migration !== undefined) {
      described.push({ file });
      continue;
    }
    const { pathClass, directives } = classified.get(file)!;
    const detected = adopted.get(file) ?? detectedRunner(pathClass, directives);
    const runner =
      options.runner !== undefined && (detected === "up-down-files" || detected === "sequential-files")
        ? options.runner
        : detected;
    const base = { runner, key: pathClass.key, downSupported: withDowns.has(runner) };
    if (directives.sections !== undefined) {
      const hasDown = directives.sections.some((section) => section.role === "down");
      for (const section of directives.sections) {
        const migration: MigrationInfo = {
          ...base,
          role: section.role,
          ...(section.role === "up" && hasDown ? { pair: file.path } : section.role === "down" ? { pair: file.path } : {}),
          lines: { from: section.from, to: section.to },
          ...transactionFor(runner, pathClass, directives, section.nonTransactional),
        } as MigrationInfo;
        described.push({ file: { ...file, migration } });
      }
      continue;
    }
    const migration = {
      ...base,
      role: pathClass.role,
      ...transactionFor(runner, pathClass, directives),
    } as MigrationInfo;
    described.push({ file: { ...file, migration }, pairKey: pathClass.pairKey });
  }
  pairFiles(described);
  const migrations = described.map((entry) => entry.file);
  withoutDownsByPolicy(migrations);
  return migrations;
}

/** At least this many up files and not one down file: the project does not write down migrations. */
const policyThreshold = 5;

/**
 * A folder of many up migrations and no down file at all belongs to a project that does not write
 * down migrations (supabase/auth, Harbor): asking for one on every file is noise. A project that
 * writes them and misses one is still told.
 */
function withoutDownsByPolicy(files: readonly SourceFile[]): void {
  const folders = new Map<string, { ups: MigrationInfo[]; downs: number }>();
  for (const file of files) {
    const migration = file.migration;
    if (migration === undefined || !migration.downSupported) continue;
    const folder = sequenceFolder(file.path, migration.runner);
    const entry = folders.get(folder) ?? { ups: [], downs: 0 };
    if (migration.role === "up") entry.ups.push(migration);
    else if (migration.role === "down") entry.downs++;
    folders.set(folder, entry);
  }
  for (const { ups, downs } of folders.values())
    if (downs === 0 && ups.length >= policyThreshold) for (const migration of ups) migration.downSupported = false;
}

/** Links each up file with its down (revert, verify) file through the pair key its path gave. */
function pairFiles(entries: ReadonlyArray<{ file: SourceFile; pairKey?: string }>): void {
  const ups = new Map<string, SourceFile>();
  for (const { file, pairKey } of entries) if (pairKey !== undefined && file.migration?.role === "up") ups.set(pairKey, file);
  for (const { file, pairKey } of entries) {
    const migration = file.migration;
    if (pairKey === undefined || migration === undefined || migration.role === "up") continue;
    const up = ups.get(pairKey);
    if (up?.migration === undefined) continue;
    migration.pair = up.path;
    if (migration.role === "down") up.migration.pair = file.path;
  }
}
