/** A file to lint. */
export interface SourceFile {
  path: string;
  source: string;
}

/** `<version>_<name>.(up|down).sql`, as the migrate runner names migrations. Reads a file name. */
const migrationName = /^([0-9][0-9A-Za-z.-]*)_([A-Za-z0-9][A-Za-z0-9_-]*)\.(up|down)\.sql$/;

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

interface Keyed {
  file: SourceFile;
  key: string;
  direction: "up" | "down" | undefined;
  version: string | undefined;
}

function keyOf(file: SourceFile): Keyed {
  const name = baseName(file.path);
  const match = migrationName.exec(name);
  if (match === null) return { file, key: name, direction: undefined, version: undefined };
  return { file, key: match[1]!, direction: match[3] === "down" ? "down" : "up", version: match[1]! };
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** One step of the replay: a file applied to the schema model, then the down files reversing it. */
export interface ReplayStep {
  file: SourceFile;
  /** Down files of the same version: linted against the model after `file`, never applied. */
  downs: SourceFile[];
}

/**
 * Orders files the way the migrate runner applies them: migration files by version (compared as
 * strings), other files by name. Down files are linted against the schema as their up file leaves
 * it and are not replayed; a down file without its up file comes last.
 */
export function orderFiles(files: readonly SourceFile[]): { steps: ReplayStep[]; orphanDowns: SourceFile[] } {
  const keyed = files.map(keyOf).sort((left, right) => compare(left.key, right.key) || compare(left.file.path, right.file.path));
  const steps: ReplayStep[] = [];
  const byVersion = new Map<string, ReplayStep>();
  for (const entry of keyed) {
    if (entry.direction === "down") continue;
    const step: ReplayStep = { file: entry.file, downs: [] };
    steps.push(step);
    if (entry.version !== undefined) byVersion.set(entry.version, step);
  }
  const orphanDowns: SourceFile[] = [];
  for (const entry of keyed) {
    if (entry.direction !== "down") continue;
    const step = entry.version === undefined ? undefined : byVersion.get(entry.version);
    if (step === undefined) orphanDowns.push(entry.file);
    else step.downs.push(entry.file);
  }
  return { steps, orphanDowns };
}
