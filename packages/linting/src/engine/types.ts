import type { LockAcquisition, PgVersion, SchemaModel } from "@confiture/sql";
import type { Composition, CompositionAudit } from "../composition/types.js";
import type { LintConfigInput } from "../config.js";
import type { Library } from "../define-library.js";
import type { Finding, LintSettings, LiveDatabase, RuleMeta, Severity } from "../types.js";
import type { SourceFile } from "./file-order.js";

/** What `lint` needs. */
export interface LintOptions {
  files: readonly SourceFile[];
  /** Libraries in composition order (ignored when `composition` is given). */
  libraries?: readonly Library[];
  /** The `lint` section of the config (rules, overrides, settings, ...). */
  config?: LintConfigInput;
  /** A composition made earlier with `composeLibraries`, to skip composing again. */
  composition?: Composition;
  /** Target PostgreSQL major; wins over `config.pgVersion`. Default: the newest stable major. */
  pgVersion?: PgVersion;
  /** Wins over `config.settings`. */
  settings?: Partial<LintSettings>;
  /** Enables rules' `live` visitors. */
  database?: LiveDatabase;
  /**
   * Findings about inputs that were not linted (links leaving the directory, loops, files that are
   * not SQL text: see `readSqlFile` and `walkSqlDirectory`), reported and counted with the rest.
   */
  inputFindings?: readonly Finding[];
  /**
   * Report only on these paths (as given in `files`). The other files are linted for context: they
   * are replayed so the schema model knows the earlier migrations, and their findings are dropped.
   */
  reportOn?: readonly string[];
  /** Measure the time each rule spends in its visitors (`LintResult.timings`), like ESLint's TIMING. */
  timing?: boolean;
  /**
   * The catalog the files start from (copied, never changed): the migrations before them, replayed
   * once and kept by an editor, so an edit re-lints one file. Default: an empty catalog.
   */
  schema?: SchemaModel;
  /** Every file of the migration set when `files` is only part of it (rules that look for a down file). */
  knownFiles?: readonly string[];
}

/** Counts of one run. `errors` counts `error` and `critical` findings. */
export interface LintSummary {
  files: number;
  statements: number;
  errors: number;
  warnings: number;
  infos: number;
  durationMs: number;
}

/** One statement as reporters show it. */
export interface LintedStatement {
  index: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Where the statement's text starts and ends in the file's source (string offsets, end exclusive). */
  offset: number;
  endOffset: number;
  kind: string;
  text: string;
  locks: LockAcquisition[];
  rewrite: boolean;
  /** Whether it reads every row of the table (a validation, a build) without rewriting it. */
  scan: boolean;
}

/** One file of a run, for reporters (code frames, locks). Not part of the JSON contract. */
export interface LintedFile {
  path: string;
  source: string;
  statements: LintedStatement[];
}

/** A rule of the run, as reporters describe it (SARIF `rules[]`, JUnit passing cases). */
export interface RuleCatalogEntry {
  id: string;
  library: string;
  libraryVersion: string;
  version: string;
  enabled: boolean;
  severity: Severity;
  meta: RuleMeta;
}

/** The result of `lint`. `findings`, `summary` and `audit` form the JSON contract. */
export interface LintResult {
  findings: Finding[];
  summary: LintSummary;
  audit: CompositionAudit;
  /** Warnings for people: deprecated rules, conflicts resolved with `warn`. */
  warnings: string[];
  files: LintedFile[];
  /** Every rule of the composition (enabled or not), for reporters. Not part of the JSON contract. */
  rules: RuleCatalogEntry[];
  /** Time per rule, slowest first, when `timing` was asked for. */
  timings?: Array<{ rule: string; library: string; ms: number }>;
}
