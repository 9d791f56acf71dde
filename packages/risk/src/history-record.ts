/** One row of `confiture.statement_history`, written by the migrate runner for every statement it ran. */
export interface HistoryRecord {
  version: string;
  statementIndex: number;
  kind: string;
  /** `schema.name` or `name`, as the lock model names relations. */
  targetTable: string | null;
  tableBytes: number | null;
  rowEstimate: number | null;
  durationMs: number;
  lockMode: string | null;
  pgMajor: number | null;
  appliedAt: string;
}
