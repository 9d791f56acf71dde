import { createHash } from "node:crypto";
import { orderFiles, type SourceFile } from "@confiture/linting";
import { buildSchemaModel, parseSql, type SchemaModel } from "@confiture/sql";

/** The migrations a document is linted after: the files replayed before it, and every file's path. */
export interface Placement {
  /** Files replayed into the catalog before the document (up files; downs never change it). */
  before: SourceFile[];
  /** Every file of the set, in replay order. */
  all: string[];
}

/** Where a document sits in its migration set's replay order. */
export function placeIn(path: string, texts: Map<string, string>): Placement {
  const { steps, orphanDowns } = orderFiles([...texts].map(([file, source]) => ({ path: file, source })));
  const all: string[] = [];
  const before: SourceFile[] = [];
  let found = false;
  for (const step of steps) {
    all.push(step.file.path, ...step.downs.map((down) => down.path));
    if (step.file.path === path || step.downs.some((down) => down.path === path)) {
      // A down file undoes its up: the catalog it sees includes that up.
      if (step.file.path !== path) before.push(step.file);
      found = true;
    }
    if (!found) before.push(step.file);
  }
  all.push(...orphanDowns.map((down) => down.path));
  return { before: found ? before : steps.map((step) => step.file), all };
}

/**
 * The catalog the earlier migrations build, kept per document and rebuilt only when one of them
 * changes: an edit then re-lints one file, not the whole directory.
 */
export class PrefixSchemas {
  private readonly cache = new Map<string, { key: string; model: SchemaModel }>();

  async schemaBefore(path: string, before: readonly SourceFile[]): Promise<SchemaModel> {
    const hash = createHash("sha1");
    for (const file of before) hash.update(file.path).update("\0").update(file.source).update("\0");
    const key = hash.digest("hex");
    const cached = this.cache.get(path);
    if (cached?.key === key) return cached.model;
    const parsed = await Promise.all(before.map((file) => parseSql(file.source, { file: file.path })));
    const model = buildSchemaModel(parsed);
    this.cache.set(path, { key, model });
    return model;
  }
}
