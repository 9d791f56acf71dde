import type { Node } from "@pgsql/types";
import { classifyStatement } from "./classify/index.js";
import { isParserLoaded, loadParser, parseTree } from "./parser.js";
import { ParserNotLoadedError } from "./errors.js";
import { offsetOfCodePoints, SourceText } from "./source-text.js";
import { splitStatements, type StatementSpan } from "./split.js";
import type { ParsedFile, SqlSyntaxError, Statement } from "./types.js";

/** Options of {@link parseSql}. */
export interface ParseOptions {
  /** The file name, copied into statements and errors. */
  file?: string;
}

/**
 * Split a SQL file into statements and parse each one with the PostgreSQL 18 parser.
 * Syntax errors are returned as data (`statement.error`, `errors`); the statements around them are
 * still parsed. Never rejects for bad SQL.
 */
export async function parseSql(source: string, options: ParseOptions = {}): Promise<ParsedFile> {
  await loadParser();
  return parseSqlSync(source, options);
}

/**
 * {@link parseSql} without the wait: throws `ParserNotLoadedError` if `loadParser()` has not finished,
 * and nothing else.
 */
export function parseSqlSync(source: string, options: ParseOptions = {}): ParsedFile {
  if (!isParserLoaded()) throw new ParserNotLoadedError();
  if (source.startsWith(BYTE_ORDER_MARK)) return withoutByteOrderMark(source, options);
  const text = new SourceText(source);
  // The parser reads a C string: a NUL would end it early. A space keeps every offset in place.
  const scanText = source.includes("\u0000") ? source.replaceAll("\u0000", " ") : source;
  const statements = splitStatements(text, scanText).map((span, index) => parseSpan(text, scanText, span, index, options.file));
  const errors = statements.flatMap((statement) => (statement.error === undefined ? [] : [statement.error]));
  return { ...(options.file === undefined ? {} : { file: options.file }), source, statements, errors };
}

const BYTE_ORDER_MARK = "\uFEFF";

/**
 * Editors save UTF-8 files with a byte-order mark that is not text: to the parser it would be part of
 * the first word. Parse what follows it; offsets count it (they index `source`), columns do not, as
 * editors show them.
 */
function withoutByteOrderMark(source: string, options: ParseOptions): ParsedFile {
  const parsed = parseSqlSync(source.slice(BYTE_ORDER_MARK.length), options);
  const shift = <T extends { offset: number }>(position: T): T => ({
    ...position,
    offset: position.offset + BYTE_ORDER_MARK.length,
  });
  const statements = parsed.statements.map((statement) => ({
    ...statement,
    start: shift(statement.start),
    end: shift(statement.end),
    ...(statement.error === undefined ? {} : { error: shift(statement.error) }),
  }));
  const errors = statements.flatMap((statement) => (statement.error === undefined ? [] : [statement.error]));
  return { ...parsed, source, statements, errors };
}

function parseSpan(
  source: SourceText,
  scanText: string,
  span: StatementSpan,
  index: number,
  file: string | undefined,
): Statement {
  const statementText = source.text.slice(span.start, span.end);
  const base = {
    index,
    ...(file === undefined ? {} : { file }),
    text: statementText,
    start: source.positionOf(span.start),
    end: source.positionOf(span.end),
  };
  let node: Node | undefined;
  try {
    node = span.node ?? (parseTree(scanText.slice(span.start, span.end)).stmts?.[0]?.stmt as Node | undefined);
  } catch (error) {
    return { ...base, node: undefined, kind: "syntax_error", relations: [], error: syntaxError(source, span, error, file) };
  }
  if (node === undefined) return { ...base, node: undefined, kind: "other", relations: [] };
  try {
    return { ...base, node, ...classifyStatement(node) };
  } catch {
    // A parse tree shape the classifier does not expect: keep the statement, unclassified.
    return { ...base, node, kind: "other", relations: [] };
  }
}

function syntaxError(source: SourceText, span: StatementSpan, error: unknown, file: string | undefined): SqlSyntaxError {
  const details = (error as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails;
  const message = details?.message ?? (error instanceof Error ? error.message : String(error));
  // libpg-query reports the error position 0-based and in code points (PostgreSQL's cursor position), not bytes.
  const cursor = details?.cursorPosition;
  const offset =
    cursor === undefined
      ? span.start
      : Math.min(span.start + offsetOfCodePoints(source.text.slice(span.start, span.end), cursor), span.end);
  const position = source.positionOf(offset);
  return { message, ...(file === undefined ? {} : { file }), line: position.line, column: position.column, offset };
}
