import type { VariableSetStmt } from "@pgsql/types";
import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { nodeOf } from "../ast.js";
import { docsUrl, durationMilliseconds, readOptions } from "../support.js";

const options = z
  .object({
    /** The longest acceptable lock_timeout, as PostgreSQL writes durations (`10s`, `500ms`). */
    maximum: z
      .string()
      .refine((value) => durationMilliseconds(value) !== undefined, "a duration such as 10s or 500ms")
      .default("10s"),
  })
  .default({ maximum: "10s" });

function settingValue(set: VariableSetStmt): string | undefined {
  const argument = set.args?.[0] as { A_Const?: { sval?: { sval?: string }; ival?: { ival?: number } } } | undefined;
  const constant = argument?.A_Const;
  if (constant?.sval !== undefined) return constant.sval.sval ?? "";
  if (constant?.ival !== undefined) return String(constant.ival.ival ?? 0);
  return undefined;
}

/** Flags SET lock_timeout to a value that lets DDL queue for too long (or 0, no limit). */
export const lockTimeoutTooLong = defineRule({
  id: "lock-timeout-too-long",
  version: "1.0.0",
  meta: {
    description: "Disallow lock_timeout values longer than a few seconds.",
    severity: "warning",
    messages: {
      tooLong:
        "lock_timeout = {{value}} lets a blocked statement queue for longer than {{maximum}}, and every query behind it waits as long.",
      disabled:
        "lock_timeout = {{value}} disables the timeout: a blocked statement queues forever and every query behind it waits too.",
    },
    docs: docsUrl("lock-timeout-too-long"),
    options,
    equivalents: { pgfence: "lock-timeout" },
  },
  create: (context) => ({
    statement({ node }) {
      const configured = readOptions(options, context.options);
      const set = nodeOf<VariableSetStmt>(node, "VariableSetStmt");
      if (set?.kind !== "VAR_SET_VALUE" || set.name?.toLowerCase() !== "lock_timeout") return;
      const value = settingValue(set);
      const milliseconds = value === undefined ? undefined : durationMilliseconds(value);
      const maximum = durationMilliseconds(configured.maximum) ?? 10_000;
      if (value === undefined || milliseconds === undefined) return;
      if (milliseconds === 0)
        context.report({ messageId: "disabled", data: { value }, help: `SET lock_timeout = '${configured.maximum}';` });
      else if (milliseconds > maximum)
        context.report({
          messageId: "tooLong",
          data: { value, maximum: configured.maximum },
          help: `SET lock_timeout = '${configured.maximum}'; and retry the migration when it times out.`,
        });
    },
  }),
});
