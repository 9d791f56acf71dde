import { type ParsedFile, parseSqlSync, type SchemaModel, type Statement, type StatementAnalysis } from "@confiture/sql";
import type { Finding, StatementVisit } from "../types.js";
import { findComments } from "./comments.js";
import { type Directive, parseDirectives } from "./directives.js";
import type { FileRulesResolver } from "./file-rules.js";
import type { SourceFile } from "./file-order.js";
import { LineIndex } from "./line-index.js";
import type { RuleRunner, RunCursor } from "./rule-runner.js";
import { NewTables } from "./new-tables.js";
import { SessionTracker } from "./session.js";
import type { LintedStatement } from "./types.js";
import type { TransactionMode } from "../layouts/types.js";

/** What linting one file leaves for the final pass (suppressions, reporters). */
export interface FileOutcome {
  path: string;
  source: string;
  /** The lines of the file this outcome covers, when a runner keeps up and down in one file. */
  lines?: { from: number; to: number };
  statements: LintedStatement[];
  directives: Directive[];
  /** First line of each statement, by index. */
  statementLines: Map<number, number>;
  statementCount: number;
}

/** Inputs of `lintFile`. `apply` replays statements into the model; down files are not replayed. */
export interface LintFileInput {
  file: SourceFile;
  cursor: RunCursor;
  runners: readonly RuleRunner[];
  resolver: FileRulesResolver;
  findings: Finding[];
  analyze(statement: Statement): StatementAnalysis;
  apply: ((model: SchemaModel, statement: Statement) => unknown) | undefined;
  /** Ends the file's session in the model (search_path, temporary tables). */
  closeSession?: (model: SchemaModel) => void;
}

/** A cheap test so files without any directive skip the comment scan. */
function mayHaveDirectives(source: string): boolean {
  return source.includes("confiture") || source.includes("squawk-ignore");
}

function parseError(file: string, line: number, column: number, message: string): Finding {
  return {
    ruleId: "parse-error",
    library: "core",
    severity: "error",
    messageId: "parseError",
    message: /^syntax error/i.test(message) ? message : `syntax error: ${message}`,
    file,
    line,
    column,
    endLine: line,
    endColumn: column + 1,
  };
}

function emptyAnalysis(statement: Statement): StatementAnalysis {
  return {
    line: statement.start.line,
    column: statement.start.column,
    endLine: statement.end.line,
    endColumn: statement.end.column,
    kind: statement.kind,
    locks: [],
    rewrite: false,
    scan: false,
    transactional: true,
    notes: [],
  };
}

/**
 * The file with every line outside `lines` blanked (line breaks kept), so a section of a file that
 * holds both directions parses alone with its real line and column numbers.
 */
function maskOutside(source: string, lines: { from: number; to: number } | undefined): string {
  if (lines === undefined) return source;
  let line = 1;
  const units: string[] = [];
  // Code unit by code unit, so string offsets (and so columns) stay those of the original file.
  for (let index = 0; index < source.length; index++) {
    const character = source[index]!;
    if (character === "\n") line++;
    const keep = character === "\n" || character === "\r" || (line >= lines.from && line <= lines.to);
    units.push(keep ? character : " ");
  }
  return units.join("");
}

/**
 * Whether the runner runs the file inside a transaction, from the layout's transaction mode: an
 * implicit transaction holds a multi-statement query only; `detect` runs a file outside a
 * transaction when one of its statements cannot run in one. Undefined: the settings decide.
 */
function runnerWraps(
  mode: TransactionMode | undefined,
  statements: readonly Statement[],
  transactional: (statement: Statement) => boolean,
): boolean | undefined {
  if (mode === "wrapped") return true;
  if (mode === "none") return false;
  if (mode === "implicit") {
    // A BEGIN in the query string turns the implicit transaction into the file's own explicit one.
    const parsed = statements.filter((statement) => statement.node !== undefined);
    return parsed.length > 1 && !parsed.some((statement) => statement.kind === "begin");
  }
  if (mode === "detect") return statements.every((statement) => statement.node === undefined || transactional(statement));
  return undefined;
}

/** Lints one file: session state, createdInFile, statement visitors, fileEnd, and the replay. */
export function lintFile(input: LintFileInput): FileOutcome {
  const { file, cursor, runners, resolver, findings } = input;
  cursor.file = file.path;
  cursor.statement = undefined;
  cursor.migration = file.migration;
  const lines = file.migration?.lines;
  const fileRules = resolver.resolve(file.path);
  const outcome: FileOutcome = {
    path: file.path,
    source: file.source,
    ...(lines === undefined ? {} : { lines }),
    statements: [],
    directives: [],
    statementLines: new Map(),
    statementCount: 0,
  };
  const text = maskOutside(file.source, lines);
  let parsed: ParsedFile;
  try {
    parsed = parseSqlSync(text, { file: file.path });
  } catch (error) {
    findings.push(parseError(file.path, 1, 1, error instanceof Error ? error.message : String(error)));
    return outcome;
  }
  outcome.statementCount = parsed.statements.length;
  if (mayHaveDirectives(text)) {
    outcome.directives = parseDirectives(findComments(text, parsed.statements, new LineIndex(text)));
  }
  const reported = new Set<number>();
  for (const error of parsed.errors) {
    reported.add(error.offset);
    findings.push(parseError(file.path, error.line, error.column, error.message));
  }
  const analyze = (statement: Statement): StatementAnalysis => {
    try {
      return input.analyze(statement);
    } catch {
      return emptyAnalysis(statement);
    }
  };
  const byLayout = runnerWraps(file.migration?.transaction, parsed.statements, (statement) => analyze(statement).transactional);
  let wrap = byLayout ?? fileRules.settings.runnerWrapsInTransaction;
  if (byLayout === undefined && wrap && fileRules.settings.runnerDetectsNonTransactional === true) {
    // Whether a statement may run in a transaction does not depend on the schema: a first pass suffices.
    wrap = parsed.statements.every((statement) => statement.node === undefined || analyze(statement).transactional);
  }
  for (const directive of outcome.directives) if (directive.kind === "transaction") wrap = directive.wrap;
  cursor.settings = { ...fileRules.settings, runnerWrapsInTransaction: wrap };

  const enabled = runners.filter((runner) => runner.active && fileRules.states.get(runner.composed)?.enabled === true);
  const visitors = enabled.filter((runner) => runner.listener?.statement !== undefined);
  const session = new SessionTracker(cursor.settings, wrap);
  const newTables = new NewTables();
  for (const statement of parsed.statements) {
    outcome.statementLines.set(statement.index, statement.start.line);
    const node = statement.node;
    if (statement.error !== undefined || node === undefined) {
      if (statement.error !== undefined && !reported.has(statement.error.offset)) {
        reported.add(statement.error.offset);
        findings.push(parseError(file.path, statement.error.line, statement.error.column, statement.error.message));
      }
      continue;
    }
    // Analysed against the model as it stands before the statement: type changes are judged from the column's type.
    const analysis = analyze(statement);
    outcome.statements.push({
      index: statement.index,
      line: statement.start.line,
      column: statement.start.column,
      endLine: statement.end.line,
      endColumn: statement.end.column,
      offset: statement.start.offset,
      endOffset: statement.end.offset,
      kind: statement.kind,
      text: statement.text,
      locks: analysis.locks,
      rewrite: analysis.rewrite,
      scan: analysis.scan,
    });
    cursor.statement = statement;
    const visit: StatementVisit = {
      statement,
      node,
      analysis,
      session: session.state(),
      createdInFile: newTables.created,
      emptyInFile: newTables.empty,
      fileStatements: parsed.statements,
    };
    for (const runner of visitors) {
      if (runner.active) runner.invoke(() => runner.listener?.statement?.(visit));
    }
    session.apply(node);
    newTables.apply(node);
    if (input.apply !== undefined) {
      try {
        input.apply(cursor.schema, statement);
      } catch {
        // The model skips what it cannot replay; rules then see the schema without that change.
      }
    }
  }
  cursor.statement = undefined;
  if (input.apply !== undefined) input.closeSession?.(cursor.schema);
  const fileState = session.state();
  for (const runner of enabled) {
    const fileEnd = runner.listener?.fileEnd;
    if (runner.active && fileEnd !== undefined) {
      runner.invoke(() => fileEnd({ file: file.path, source: file.source, statements: parsed.statements, session: fileState }));
    }
  }
  return outcome;
}
