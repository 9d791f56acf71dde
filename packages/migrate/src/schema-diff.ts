import { buildSchemaModel, diffSchemaModels, type ParsedFile, parseSql, type SchemaDiff } from "@confiture/sql";
import type { MigrationFile } from "./files.js";

/** One difference, as the diff-schemas phase context lists it. */
export interface SchemaChange {
  /** The SchemaDiff field in snake case: `tables_added`, `columns_changed`, ... */
  kind: string;
  object: string;
  detail?: string;
}

/** The schema diff of a run: the structured diff and the flat list hooks receive. */
export interface RunSchemaDiff {
  diff?: SchemaDiff;
  changes: SchemaChange[];
  /** Set when the models could not be built; the run goes on (the diff informs, it does not gate). */
  error?: string;
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function describe(item: unknown): { object: string; detail?: string } {
  if (typeof item === "string") return { object: item };
  const record = item as Record<string, unknown>;
  const parts = [record.table, record.column ?? record.name ?? record.grantee ?? record.type].filter(
    (part) => typeof part === "string",
  );
  const object =
    parts.length > 0 ? parts.join(".") : typeof record.from === "string" ? String(record.from) : JSON.stringify(item);
  return { object, detail: JSON.stringify(item) };
}

/** Flattens a SchemaDiff into `{ kind, object, detail }` entries, in field order. */
export function schemaChanges(diff: SchemaDiff): SchemaChange[] {
  const changes: SchemaChange[] = [];
  for (const [field, items] of Object.entries(diff) as Array<[string, unknown[]]>) {
    for (const item of items) changes.push({ kind: snakeCase(field), ...describe(item) });
  }
  return changes;
}

/**
 * Replays two sets of migrations into schema models (the schema before the run and after it) and
 * diffs them. Files are parsed once and shared by both sides, so the diff pairs objects by where
 * they were created.
 */
export async function diffMigrationSets(
  before: readonly MigrationFile[],
  after: readonly MigrationFile[],
): Promise<RunSchemaDiff> {
  try {
    const parsed = new Map<string, ParsedFile>();
    for (const file of new Set([...before, ...after]))
      parsed.set(file.version, await parseSql(file.upSql, { file: file.upPath }));
    const model = (files: readonly MigrationFile[]) =>
      buildSchemaModel(files.map((file) => parsed.get(file.version) as ParsedFile));
    const diff = diffSchemaModels(model(before), model(after));
    return { diff, changes: schemaChanges(diff) };
  } catch (error) {
    return { changes: [], error: error instanceof Error ? error.message : String(error) };
  }
}
