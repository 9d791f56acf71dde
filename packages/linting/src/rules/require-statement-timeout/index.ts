import { defineRule } from "../../define-rule.js";
import { blockingLocks } from "../locks.js";
import { docsUrl } from "../support.js";

/** Flags the first statement of a file that holds a blocking lock with no statement_timeout set. */
export const requireStatementTimeout = defineRule({
  id: "require-statement-timeout",
  version: "1.0.0",
  meta: {
    description: "Require statement_timeout before statements that hold locks blocking other sessions.",
    severity: "warning",
    // Mostly noise on real projects (the corpus eval, eval/judged-findings.json): opt in with `preset: all`.
    recommended: false,
    messages: {
      missingStatementTimeout:
        "No statement_timeout is set before this statement: if it runs long, it keeps blocking other sessions with no upper bound.",
    },
    docs: docsUrl("require-statement-timeout"),
    equivalents: { squawk: "require-statement-timeout" },
  },
  create(context) {
    let reportedIn: string | undefined;
    return {
      statement(visit) {
        if (visit.session.statementTimeoutSet || reportedIn === context.file) return;
        if (blockingLocks(visit).length === 0) return;
        reportedIn = context.file;
        context.report({
          messageId: "missingStatementTimeout",
          help: "Set statement_timeout at the top of the migration (e.g. SET statement_timeout = '5min';), or set runnerSetsStatementTimeout when the runner does it.",
        });
      },
    };
  },
});
