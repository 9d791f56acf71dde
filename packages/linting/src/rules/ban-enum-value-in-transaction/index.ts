import type { AlterEnumStmt } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { nodeOf, walk } from "../ast.js";
import { docsUrl } from "../support.js";

/**
 * Flags ALTER TYPE ... ADD VALUE inside a transaction before PostgreSQL 12 (it fails), and from 12
 * on, a later statement of the same transaction that uses the new value (it fails too).
 */
export const banEnumValueInTransaction = defineRule({
  id: "ban-enum-value-in-transaction",
  version: "1.0.0",
  meta: {
    description: "Disallow adding an enum value in a transaction where PostgreSQL cannot use it.",
    severity: "error",
    messages: {
      beforeTwelve:
        "ALTER TYPE ... ADD VALUE cannot run inside a transaction block on PostgreSQL {{version}}: the migration fails.",
      usedInTransaction:
        "The enum value '{{value}}' is used in the transaction that added it (line {{line}}): PostgreSQL refuses it until that transaction commits (unsafe use of new value).",
    },
    docs: docsUrl("ban-enum-value-in-transaction"),
    equivalents: { eugene: "W13" },
  },
  create(context) {
    let added = new Map<string, number>();
    let file = "";
    return {
      statement({ node, session, statement }) {
        if (context.file !== file || !session.inTransaction) {
          file = context.file;
          added = new Map();
        }
        const alter = nodeOf<AlterEnumStmt>(node, "AlterEnumStmt");
        if (alter?.newVal !== undefined && alter.oldVal === undefined) {
          if (!session.inTransaction) return;
          if (context.pgVersion < 12) {
            context.report({
              messageId: "beforeTwelve",
              data: { version: context.pgVersion },
              help: "Put it in its own migration file marked `-- confiture: no-transaction`.",
            });
            return;
          }
          added.set(alter.newVal, statement.start.line);
          return;
        }
        if (added.size === 0) return;
        let used: string | undefined;
        walk(node, (tag, payload) => {
          if (used !== undefined || tag !== "A_Const") return;
          const text = (payload.sval as { sval?: string } | undefined)?.sval;
          if (text !== undefined && added.has(text)) used = text;
        });
        if (used !== undefined) {
          context.report({
            messageId: "usedInTransaction",
            data: { value: used, line: added.get(used) ?? 0 },
            help: "Commit the ADD VALUE first: move the statements that use the value to a later migration.",
          });
        }
      },
    };
  },
});
