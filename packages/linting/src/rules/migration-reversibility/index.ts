import {
  applyStatement,
  cloneSchemaModel,
  diffSchemaModels,
  isSchemaDiffEmpty,
  type SchemaDiff,
  type SchemaModel,
} from "@confiture/sql";
import { defineRule } from "../../define-rule.js";
import type { RuleContext } from "../../types.js";
import { docsUrl, downFileOf, isDownMigration, upMigrationOf } from "../support.js";

/** Whether the current up file has a down file (or section) in the run. */
function hasDown(context: RuleContext<unknown>): boolean {
  if (context.migration !== undefined) return context.migration.role === "up" && context.migration.pair !== undefined;
  const down = downFileOf(context.file);
  return down !== undefined && (context.files ?? []).some((other) => other === down || baseName(other) === baseName(down));
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function words(key: string): string {
  return key.replace(/([A-Z])/g, " $1").toLowerCase();
}

function describeItem(item: unknown): string {
  if (typeof item === "string") return item;
  const record = item as Record<string, unknown>;
  const parts = [record.table ?? record.type, record.column ?? record.name ?? record.from].filter(
    (part) => typeof part === "string",
  );
  return parts.join(".");
}

/** What is left between the schema before the up file and after up + down, in a few words. */
export function describeDiff(diff: SchemaDiff): string {
  return Object.entries(diff)
    .filter(([, items]) => Array.isArray(items) && items.length > 0)
    .map(([key, items]) => `${words(key)}: ${(items as unknown[]).map(describeItem).join(", ")}`)
    .join("; ");
}

/**
 * Checks that each down migration reverses its up migration: the schema before the up file must
 * equal the schema after the up file and then the down file, replayed statically. The engine lints a
 * down file right after its up file, against a copy of the model, without replaying it; this rule
 * replays it on its own copy.
 */
export const migrationReversibility = defineRule({
  id: "migration-reversibility",
  version: "1.0.0",
  meta: {
    description: "Require each down migration to undo exactly what its up migration did.",
    severity: "warning",
    messages: { notReversed: "Running {{up}} then {{down}} does not give back the schema before {{up}}: {{difference}}." },
    docs: docsUrl("migration-reversibility"),
  },
  create(context) {
    const before = new Map<string, SchemaModel>();
    let replay: { file: string; model: SchemaModel } | undefined;
    return {
      statement({ statement }) {
        const file = context.file;
        if (isDownMigration(context)) {
          if (replay?.file !== file) replay = { file, model: cloneSchemaModel(context.schema) };
          try {
            applyStatement(replay.model, statement);
          } catch {
            // A statement the model cannot replay leaves the copy as it was; the diff will say so.
          }
          return;
        }
        if (before.has(file) || !hasDown(context)) return;
        // The model the engine passes at a file's first statement is the schema before the file.
        before.set(file, cloneSchemaModel(context.schema));
      },
      fileEnd({ file }) {
        const up = upMigrationOf(context);
        if (up === undefined) return;
        const start = before.get(up);
        const end = replay?.file === file ? replay.model : cloneSchemaModel(context.schema);
        replay = undefined;
        if (start === undefined) return;
        before.delete(up);
        const diff = diffSchemaModels(start, end);
        if (isSchemaDiffEmpty(diff)) return;
        context.report({
          messageId: "notReversed",
          data: { up: baseName(up), down: baseName(file), difference: describeDiff(diff) },
          location: { line: 1, column: 1, file },
          help: "Make the down file drop what the up file created and restore what it dropped or changed, in reverse order.",
        });
      },
    };
  },
});
