import type { SessionState } from "../types.js";

/** Statement kinds that manage the session or transaction rather than doing work. */
export const CONTROL_KINDS: ReadonlySet<string> = new Set([
  "begin",
  "commit",
  "rollback",
  "savepoint",
  "release_savepoint",
  "rollback_to_savepoint",
  "prepare_transaction",
  "set",
  "show",
  "discard",
]);

/**
 * Per-transaction state for rules that reason across the statements of one transaction (the
 * file's own `BEGIN ... COMMIT`, or the runner's transaction around the file). A rule object lives
 * for the whole run, so the state starts afresh at each new file and after each transaction ends.
 */
export class TransactionScope<State> {
  private file: string | undefined;
  private state: State | undefined;

  constructor(private readonly initial: () => State) {}

  /** The state of the transaction the current statement runs in; undefined outside any transaction. */
  current(file: string, session: SessionState): State | undefined {
    if (file !== this.file || !session.inTransaction) {
      this.file = file;
      this.state = undefined;
    }
    if (!session.inTransaction) return undefined;
    this.state ??= this.initial();
    return this.state;
  }
}
