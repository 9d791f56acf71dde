import type { PhaseContextMap } from "../contexts.js";
import type { HookDefinition, HookResult } from "../define-hook.js";
import type { HookPhase } from "../events.js";

/** What a `sql` hook is built from: its metadata and the SQL text (read from its file by the loader). */
export interface SqlHookSpec<P extends HookPhase> extends Omit<HookDefinition<P>, "run" | "kind"> {
  sql: string;
  /** Where the SQL came from, for messages. */
  file?: string;
}

/**
 * A hook that runs SQL through the context's `sql` executor: in the migration's transaction (in its
 * own savepoint) by default, or with `transaction: "outside"` on an autocommit connection after the
 * COMMIT (VACUUM, CREATE INDEX CONCURRENTLY). Fails when the phase has no executor; does nothing in a dry run.
 */
export function sqlHook<P extends HookPhase>(spec: SqlHookSpec<P>): HookDefinition<P> {
  const { sql, file, ...meta } = spec;
  const hook: HookDefinition<P> = {
    ...meta,
    kind: "sql",
    transaction: meta.transaction ?? "inside",
    run: async (context: PhaseContextMap[P]): Promise<HookResult> => {
      const executor = (context as { sql?: { exec(sql: string): Promise<void> } }).sql;
      if (context.dryRun) return { success: true, message: "dry run: SQL not executed" };
      if (executor === undefined) {
        return {
          success: false,
          message: `no SQL executor in the ${spec.phase} context: sql hooks run in phases the migration runner gives a transaction (execute, rollback)`,
        };
      }
      await executor.exec(sql);
      return { success: true, message: `ran ${file ?? "SQL"}` };
    },
  };
  return hook;
}
