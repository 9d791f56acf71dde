import { describeMigrations } from "../layouts/describe.js";
import type { MigrationInfo } from "../layouts/types.js";
import { naturalCompare } from "./natural-compare.js";

/** A file to lint. */
export interface SourceFile {
  path: string;
  source: string;
  /** What the file is to its runner; filled by `describeMigrations` from the layout when absent. */
  migration?: MigrationInfo;
}

/** One step of the replay: a file applied to the schema model, then its down (revert, verify) files. */
export interface ReplayStep {
  file: SourceFile;
  /** Down, revert and verify files of the step: linted against the model after `file`, never applied. */
  downs: SourceFile[];
}

const roleOrder = { up: 0, repeatable: 1, down: 2, verify: 2 } as const;

function compareFiles(left: SourceFile, right: SourceFile): number {
  const a = left.migration!;
  const b = right.migration!;
  return (
    roleOrder[a.role] - roleOrder[b.role] ||
    naturalCompare(a.key, b.key) ||
    naturalCompare(left.path, right.path) ||
    (a.lines?.from ?? 0) - (b.lines?.from ?? 0)
  );
}

/**
 * Orders files the way their runner applies them: up migrations by their layout's key (Flyway's
 * repeatable scripts after the versioned ones), each followed by its down, revert or verify files,
 * which are linted against the schema as the up file leaves it and are not replayed. A down file
 * whose up file is not in the set comes last.
 */
export function orderFiles(files: readonly SourceFile[]): { steps: ReplayStep[]; orphanDowns: SourceFile[] } {
  const described = describeMigrations(files).sort(compareFiles);
  const steps: ReplayStep[] = [];
  const byPath = new Map<string, ReplayStep>();
  for (const file of described) {
    if (file.migration!.role !== "up" && file.migration!.role !== "repeatable") continue;
    const step: ReplayStep = { file, downs: [] };
    steps.push(step);
    if (!byPath.has(file.path)) byPath.set(file.path, step);
  }
  const orphanDowns: SourceFile[] = [];
  for (const file of described) {
    const migration = file.migration!;
    if (migration.role === "up" || migration.role === "repeatable") continue;
    const step = migration.pair === undefined ? undefined : byPath.get(migration.pair);
    if (step === undefined) orphanDowns.push(file);
    else step.downs.push(file);
  }
  return { steps, orphanDowns };
}
