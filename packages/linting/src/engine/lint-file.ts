import { type ParsedFile, parseSqlSync, type SchemaModel, type Statement, type StatementAnalysis } from "@confiture/sql";
import type { Finding, StatementVisit } from "../types.js";
import { findComments } from "./comments.js";
import { type Directive, parseDirectives } from "./directives.js";
import type { FileRulesResolver } from "./file-rules.js";
import type { SourceFile } from "./file-order.js";
import { LineIndex } from "./line-index.js";
import type { RuleRunner, RunCursor } from "./rule-runner.js";
import { createdTables, SessionTracker } from "./session.js";
import type { LintedStatement } from "./types.js";

/** What linting one file leaves for the final pass (suppressions, reporters). */
export interface FileOutcome {
  path: string;
  source: string;
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

/** Lints one file: session state, createdInFile, statement visitors, fileEnd, and the replay. */
export function lintFile(input: LintFileInput): FileOutcome {
  const { file, cursor, runners, resolver, findings } = input;
  cursor.file = file.path;
  cursor.statement = undefined;
  const fileRules = resolver.resolve(file.path);
  const outcome: FileOutcome = {
    path: file.path,
    source: file.source,
    statements: [],
    directives: [],
    statementLines: new Map(),
    statementCount: 0,
  };
  let parsed: ParsedFile;
  try {
    parsed = parseSqlSync(file.source, { file: file.path });
  } catch (error) {
    findings.push(parseError(file.path, 1, 1, error instanceof Error ? error.message : String(error)));
    return outcome;
  }
  outcome.statementCount = parsed.statements.length;
  if (mayHaveDirectives(file.source)) {
    outcome.directives = parseDirectives(findComments(file.source, parsed.statements, new LineIndex(file.source)));
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
  let wrap = fileRules.settings.runnerWrapsInTransaction;
  if (wrap && fileRules.settings.runnerDetectsNonTransactional === true) {
    // Whether a statement may run in a transaction does not depend on the schema: a first pass suffices.
    wrap = parsed.statements.every((statement) => statement.node === undefined || analyze(statement).transactional);
  }
  for (const directive of outcome.directives) if (directive.kind === "transaction") wrap = directive.wrap;
  cursor.settings = { ...fileRules.settings, runnerWrapsInTransaction: wrap };

  const enabled = runners.filter((runner) => runner.active && fileRules.states.get(runner.composed)?.enabled === true);
  const visitors = enabled.filter((runner) => runner.listener?.statement !== undefined);
  const session = new SessionTracker(cursor.settings, wrap);
  const created = new Set<string>();
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
      createdInFile: created,
      fileStatements: parsed.statements,
    };
    for (const runner of visitors) {
      if (runner.active) runner.invoke(() => runner.listener?.statement?.(visit));
    }
    session.apply(node);
    for (const name of createdTables(node)) created.add(name);
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
