import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { blockingLocks } from "../locks.js";
import { docsUrl, readOptions } from "../support.js";
import { CONTROL_KINDS, TransactionScope } from "../transaction-scope.js";

const options = z
  .object({
    /** Statements (other than SET and transaction control) one transaction may hold. */
    maxStatements: z.number().int().positive().default(50),
    /** Table rewrites one transaction may do. */
    maxRewrites: z.number().int().nonnegative().default(1),
  })
  .default({ maxStatements: 50, maxRewrites: 1 });

/** Flags transactions with too many statements, or more than one table rewrite. */
export const noLargeTransactions = defineRule({
  id: "no-large-transactions",
  version: "1.0.0",
  meta: {
    description: "Disallow transactions with many statements or several table rewrites.",
    severity: "warning",
    messages: {
      tooManyStatements:
        "This transaction reaches {{count}} statements (more than {{maximum}}): every lock it took is held until the last one finishes, and a failure rolls back all of them.",
      tooManyRewrites:
        "This is table rewrite number {{count}} in one transaction (at most {{maximum}}): the locks of the earlier rewrites are held during this one.",
    },
    docs: docsUrl("no-large-transactions"),
    options,
  },
  create(context) {
    const scope = new TransactionScope(() => ({ statements: 0, rewrites: 0, reportedStatements: false }));
    return {
      statement(visit) {
        const configured = readOptions(options, context.options);
        const state = scope.current(context.file, visit.session);
        if (state === undefined || CONTROL_KINDS.has(visit.statement.kind)) return;
        const { maxStatements, maxRewrites } = configured;
        state.statements++;
        if (state.statements > maxStatements && !state.reportedStatements) {
          state.reportedStatements = true;
          context.report({
            messageId: "tooManyStatements",
            data: { count: state.statements, maximum: maxStatements },
            help: "Split the migration into several files (several transactions).",
          });
        }
        if (visit.analysis.rewrite && blockingLocks(visit).length > 0) {
          state.rewrites++;
          if (state.rewrites > maxRewrites) {
            context.report({
              messageId: "tooManyRewrites",
              data: { count: state.rewrites, maximum: maxRewrites },
              help: "Give each rewrite its own migration.",
            });
          }
        }
      },
    };
  },
});
