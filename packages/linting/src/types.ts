import type { MigrationInfo } from "./layouts/types.js";
import type { Node } from "@pgsql/types";
import type { PgVersion, SchemaModel, Statement, StatementAnalysis } from "@confiture/sql";
import type { z } from "zod";

export type Severity = "info" | "warning" | "error" | "critical";

/** A compliance control a rule enforces, e.g. `{ framework: "HIPAA", control: "45 CFR 164.312(b)" }`. */
export interface ComplianceControl {
  framework: string;
  control: string;
}

/** A finding: data, never an exception. The JSON contract of `confiture lint`. */
export interface Finding {
  ruleId: string;
  /** Short name of the library (`general`, `hipaa`, a plugin's own). */
  library: string;
  severity: Severity;
  messageId: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  help?: string;
  docsUrl?: string;
  compliance?: ComplianceControl[];
  /**
   * An exact replacement for the statement's text, when the rule can offer one. `safe` when applying it
   * cannot change what the migration does or make it fail (`lint --fix` applies only those by default).
   */
  fix?: Fix;
  /** Index of the statement in its file, when the finding is about one statement. */
  statementIndex?: number;
}

export interface RuleMeta<Options extends z.ZodType = z.ZodType, MessageIds extends string = string> {
  /** Starts with Require / Disallow / Prefer / Enforce. */
  description: string;
  severity: Severity;
  /** Message templates by id; `{{name}}` slots are filled from report data. */
  messages: Record<MessageIds, string>;
  docs?: string;
  compliance?: ComplianceControl[];
  equivalents?: { squawk?: string; eugene?: string; pgfence?: string };
  /** Rule ids this rule cannot be enabled together with. */
  conflictsWith?: string[];
  deprecated?: { since: string; replacedBy?: string; reason?: string };
  removed?: { in: string; migrationPath: string };
  /** Whether the library's `recommended` set includes the rule (default true unless deprecated). */
  recommended?: boolean;
  /** A zod schema for the rule's options; parsed values reach `context.options`. */
  options?: Options;
}

/** Session state before a statement, tracked across the file. */
export interface SessionState {
  lockTimeoutSet: boolean;
  statementTimeoutSet: boolean;
  /** Inside an explicit BEGIN ... COMMIT in the file, or a transaction the runner wraps around it. */
  inTransaction: boolean;
  /** Inside an explicit BEGIN in the file. */
  inExplicitTransaction: boolean;
  /** The runner's transaction around the file is still open (wrapped, and no COMMIT/ROLLBACK in the file yet). */
  inRunnerTransaction?: boolean;
  /** The value `lock_timeout` was set to in the file, when it was. */
  lockTimeout?: string;
  /** The value `statement_timeout` was set to in the file, when it was. */
  statementTimeout?: string;
}

export interface ReportDescriptor<MessageIds extends string = string> {
  messageId: MessageIds;
  data?: Record<string, string | number>;
  /** Defaults to the current statement. */
  statement?: Statement;
  /** Narrow the location (1-based line/column in the file). */
  location?: { line: number; column: number; endLine?: number; endColumn?: number; file?: string };
  help?: string;
  fix?: Fix;
}

/** A replacement for the whole text of the reported statement. */
export interface Fix {
  text: string;
  /** True when it cannot change what the migration does nor make it fail; unsafe by default. */
  safe?: boolean;
}

export interface RuleContext<Options = unknown, MessageIds extends string = string> {
  readonly ruleId: string;
  readonly options: Options;
  readonly pgVersion: PgVersion;
  readonly file: string;
  /** The schema model built by replaying every migration up to (not including) the current statement. */
  readonly schema: SchemaModel;
  /** Runner settings that remove known false positives. */
  readonly settings: LintSettings;
  report(descriptor: ReportDescriptor<MessageIds>): void;
  /** Every file of the run, in the order they are replayed (paths as given). */
  readonly files?: readonly string[];
  /** What the current file is to its runner: up, down, revert, verify or repeatable, and its pair. */
  readonly migration?: MigrationInfo;
}

/** What a rule sees for each statement. */
export interface StatementVisit {
  statement: Statement;
  node: Node;
  analysis: StatementAnalysis;
  session: SessionState;
  /** Tables created earlier in the same file or transaction (exempt from lock rules). */
  createdInFile: ReadonlySet<string>;
  /** All statements of the file, for rules that look ahead or behind. */
  fileStatements: readonly Statement[];
}

/** What a rule returns from `create`: visitors. */
export interface RuleListener {
  statement?(visit: StatementVisit): void;
  /** Once per file after its statements. */
  fileEnd?(file: { file: string; source: string; statements: readonly Statement[]; session: SessionState }): void;
  /** Once per migration set, on the final schema model. */
  schemaEnd?(schema: SchemaModel): void;
  /** Once per run when a live database is given (compliance live rules). */
  live?(database: LiveDatabase): Promise<void>;
}

/** The slice of a database live rules may use: read-only catalog queries. */
export interface LiveDatabase {
  query<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface LintSettings {
  /** The runner wraps each file in a transaction (per-file override: `-- confiture: no-transaction`). */
  runnerWrapsInTransaction: boolean;
  /** lock_timeout / statement_timeout are set by the runner outside the file. */
  runnerSetsLockTimeout: boolean;
  runnerSetsStatementTimeout: boolean;
  /**
   * The runner leaves a file unwrapped when a statement cannot run in a transaction (as
   * `confiture migrate` does for CREATE INDEX CONCURRENTLY). Default false: assume the wrap.
   */
  runnerDetectsNonTransactional?: boolean;
  /** Settings shared by every rule, keyed by topic (`classification` for the compliance packs). */
  shared?: Readonly<Record<string, unknown>>;
}
