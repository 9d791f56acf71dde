import { defineRule } from "@confiture/linting";

/**
 * Acme's stricter take on the general library's rule of the same id: every statement that takes an
 * ACCESS EXCLUSIVE lock needs a lock_timeout set before it, even on tables created in the same file.
 * Composing it with the general library is a duplicate-id conflict that the config resolves.
 */
export const requireLockTimeout = defineRule({
  id: "require-lock-timeout",
  version: "2.0.0",
  meta: {
    description: "Require lock_timeout before any statement taking an ACCESS EXCLUSIVE lock",
    severity: "error",
    equivalents: { squawk: "require-lock-timeout" },
    messages: { missing: "{{kind}} takes an ACCESS EXCLUSIVE lock on {{relation}} with no lock_timeout set (Acme policy)." },
  },
  create(context) {
    return {
      statement({ analysis, session }) {
        if (session.lockTimeoutSet || context.settings.runnerSetsLockTimeout) return;
        const lock = analysis.locks.find((candidate) => candidate.mode === "AccessExclusiveLock");
        if (lock)
          context.report({
            messageId: "missing",
            data: { kind: analysis.kind, relation: lock.relation },
            help: "SET lock_timeout = '2s'; before the statement.",
          });
      },
    };
  },
});
