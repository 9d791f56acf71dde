import { z } from "zod";
import { defineLibrary } from "../define-library.js";
import { defineRule } from "../define-rule.js";

/** Flags every statement of one kind; used by engine, composer and reporter tests. */
export const kindRule = (id: string, kind: string, extra: { squawk?: string; conflictsWith?: string[]; control?: string } = {}) =>
  defineRule({
    id,
    version: "1.0.0",
    meta: {
      description: `Disallow ${kind} statements.`,
      severity: "error",
      messages: { found: `Found a {{kind}} statement.` },
      ...(extra.squawk === undefined ? {} : { equivalents: { squawk: extra.squawk } }),
      ...(extra.conflictsWith === undefined ? {} : { conflictsWith: extra.conflictsWith }),
      ...(extra.control === undefined ? {} : { compliance: [{ framework: "HIPAA", control: extra.control }] }),
      docs: `https://example.com/rules/${id}`,
    },
    create: (context) => ({
      statement({ statement }) {
        if (statement.kind === kind) context.report({ messageId: "found", data: { kind }, help: "Do something else." });
      },
    }),
  });

/** A rule with options: flags table names longer than `max`. */
export const nameLengthRule = defineRule({
  id: "table-name-length",
  version: "1.2.0",
  meta: {
    description: "Enforce a maximum table name length.",
    severity: "warning",
    messages: { tooLong: "Table name {{name}} is longer than {{max}}." },
    options: z.object({ max: z.number().int().positive().default(10) }),
  },
  create: (context) => ({
    statement({ statement }) {
      for (const relation of statement.relations) {
        if (statement.kind === "create_table" && relation.name.length > context.options.max) {
          context.report({ messageId: "tooLong", data: { name: relation.name, max: context.options.max } });
        }
      }
    },
  }),
});

/** Builds a one-library set around the given rules. */
export const libraryOf = (name: string, rules: Parameters<typeof defineLibrary>[0]["rules"], version = "1.0.0") =>
  defineLibrary({ name, version, rules });
