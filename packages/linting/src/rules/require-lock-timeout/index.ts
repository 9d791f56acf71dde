import { defineRule } from "../../define-rule.js";
import { queueingLocks, strongest } from "../locks.js";
import { docsUrl } from "../support.js";

/** Flags the first statement of a file that waits for a blocking lock with no lock_timeout set. */
export const requireLockTimeout = defineRule({
  id: "require-lock-timeout",
  version: "1.0.0",
  meta: {
    description: "Require lock_timeout before statements that take locks blocking other sessions.",
    severity: "warning",
    messages: {
      missingLockTimeout:
        "No lock_timeout is set before this {{mode}} on {{relation}}: it can wait behind a long transaction indefinitely, and every conflicting query queued after it waits too.",
    },
    docs: docsUrl("require-lock-timeout"),
    equivalents: { squawk: "require-lock-timeout", eugene: "E9" },
  },
  create(context) {
    let reportedIn: string | undefined;
    return {
      statement(visit) {
        if (visit.session.lockTimeoutSet || reportedIn === context.file) return;
        const lock = strongest(queueingLocks(visit));
        if (lock === undefined) return;
        reportedIn = context.file;
        context.report({
          messageId: "missingLockTimeout",
          data: { mode: lock.mode, relation: lock.relation },
          help: "Start the migration with SET lock_timeout = '2s'; (retry on failure), or set runnerSetsLockTimeout when the runner does it.",
        });
      },
    };
  },
});
