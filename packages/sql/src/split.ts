import type { Node } from "@pgsql/types";
import { parseTree, scanTokens } from "./parser.js";
import { offsetOfCodePoints, SourceText } from "./source-text.js";
import { COMMENT_TOKENS, splitTokens, toSpans } from "./split-tokens.js";

/** A statement's extent in the file: from its first token to the end of its last, in bytes and string offsets. */
export interface StatementSpan {
  startByte: number;
  start: number;
  end: number;
  /** The scanner failed inside this span (unterminated quote or comment): it runs to the end of the file. */
  lexicalError: boolean;
  /** The parse tree, when the whole file was parsed at once; node locations are already relative to the span. */
  node?: Node | undefined;
}

/** Parse-node fields that hold byte offsets into the parsed text. */
const LOCATION_KEYS = new Set([
  "location",
  "name_location",
  "list_start",
  "list_end",
  "rexpr_list_start",
  "rexpr_list_end",
  "stmt_location",
]);

/**
 * Split a file into statements. A file the parser accepts whole is split where the grammar splits
 * it; any other file is split with the PostgreSQL scanner (see `splitTokens`), so a syntax error
 * does not hide the statements around it. Comments before a statement are not part of it. Never
 * throws: when the scanner fails, the statement it failed in runs to the end of the file.
 */
export function splitStatements(source: SourceText, scanText: string): StatementSpan[] {
  return splitWithParser(source, scanText) ?? splitWithScanner(source, scanText);
}

/** The scanner-driven split, whatever the file holds (syntax errors, psql meta-commands). */
export function splitWithScanner(source: SourceText, scanText: string): StatementSpan[] {
  try {
    return toSpans(source, splitTokens(scanTokens(scanText), scanText).spans, false);
  } catch {
    try {
      return splitAroundLexicalErrors(source, scanText);
    } catch {
      return wholeFileSpan(source);
    }
  }
}

/**
 * The fast path for a file the parser accepts whole: its statement boundaries are the grammar's own,
 * and (from PostgreSQL 18) each statement's location is its first token, so only statements with a
 * comment inside need the scanner, to find where their last token ends. Undefined when the file does
 * not parse: the scanner path then splits it around the errors.
 */
function splitWithParser(source: SourceText, scanText: string): StatementSpan[] | undefined {
  if (firstNonSpace(scanText, 0) >= scanText.length) return [];
  let statements: Array<{ stmt?: Node; stmt_location?: number; stmt_len?: number }>;
  try {
    statements = parseTree(scanText).stmts ?? [];
  } catch {
    return undefined;
  }
  const spans: StatementSpan[] = [];
  for (const statement of statements) {
    const startByte = statement.stmt_location ?? 0;
    const start = source.offsetOfByte(startByte);
    let end = statement.stmt_len ? source.offsetOfByte(startByte + statement.stmt_len) : source.text.length;
    while (end > start && isSpace(scanText.charCodeAt(end - 1))) end--;
    const text = scanText.slice(start, end);
    if (text.includes("--") || text.includes("/*")) end = start + lastTokenEnd(text);
    if (end > start) spans.push({ startByte, start, end, lexicalError: false, node: rebaseLocations(statement.stmt, startByte) });
  }
  return spans;
}

/**
 * Make the locations of a node parsed from the whole file relative to its statement, as if the
 * statement had been parsed alone (which is what `statementLocation` expects). Mutates and returns it.
 */
function rebaseLocations<T>(value: T, delta: number): T {
  if (Array.isArray(value)) {
    for (const item of value) rebaseLocations(item, delta);
  } else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const field = record[key];
      if (typeof field === "number") {
        if (field < 0 || !LOCATION_KEYS.has(key)) continue;
        // libpg-query leaves out fields whose value is 0: do the same, so trees compare equal.
        if (field === delta) delete record[key];
        else record[key] = field - delta;
      } else if (field !== null && typeof field === "object") rebaseLocations(field, delta);
    }
  }
  return value;
}

/** Where the last token that is not a comment ends, as a string offset in `text`. */
function lastTokenEnd(text: string): number {
  let endByte = -1;
  try {
    for (const token of scanTokens(text)) if (!COMMENT_TOKENS.has(token.tokenName)) endByte = token.end;
  } catch {
    return text.length;
  }
  return endByte < 0 ? text.length : new SourceText(text).offsetOfByte(endByte);
}

/** The last resort: the whole file (trimmed) as one statement that will carry the parser's error. */
function wholeFileSpan(source: SourceText): StatementSpan[] {
  const start = firstNonSpace(source.text, 0);
  const end = lastNonSpaceEnd(source.text);
  if (start >= end) return [];
  return [{ startByte: Buffer.byteLength(source.text.slice(0, start), "utf8"), start, end, lexicalError: true }];
}

/**
 * The scanner stops at the first lexical error (a bad escape, a malformed number, an unterminated
 * quote). Split the prefix that scans; the statement holding the error becomes one erroring span,
 * ending at the next semicolon the scanner can start again after (one not inside a quote or comment
 * the bad token left open); then carry on with the rest of the file the same way. An unterminated
 * quote or comment has no such semicolon: it runs to the end of the file, as PostgreSQL reads it.
 */
function splitAroundLexicalErrors(source: SourceText, scanText: string): StatementSpan[] {
  const spans: StatementSpan[] = [];
  let offset = 0;
  // Every pass moves past at least one semicolon, so the loop ends; a loop, not recursion, for files with many errors.
  while (offset < scanText.length) {
    const partText = scanText.slice(offset);
    const part = new SourceText(source.text.slice(offset));
    const { partSpans, resumeAt } = splitPart(part, partText);
    const byteShift = offset === 0 ? 0 : Buffer.byteLength(source.text.slice(0, offset), "utf8");
    for (const span of partSpans) {
      spans.push({ ...span, startByte: span.startByte + byteShift, start: span.start + offset, end: span.end + offset });
    }
    if (resumeAt === undefined) break;
    offset += resumeAt;
  }
  return spans;
}

/** Splits one part of the file: up to and including its first lexical error, and says where to resume. */
function splitPart(source: SourceText, scanText: string): { partSpans: StatementSpan[]; resumeAt?: number } {
  if (scans(scanText)) return { partSpans: splitStatements(source, scanText) };
  const cut = scannablePrefixLength(scanText);
  const prefix = splitTokens(scanTokens(scanText.slice(0, cut)), scanText);
  const closed = prefix.open ? prefix.spans.slice(0, -1) : prefix.spans;
  const openSpan = prefix.open ? prefix.spans[prefix.spans.length - 1] : undefined;
  const partSpans = toSpans(source, closed, false);
  const errorStart = openSpan !== undefined ? source.offsetOfByte(openSpan.startByte) : firstNonSpace(source.text, cut);
  const fileEnd = lastNonSpaceEnd(source.text);
  if (errorStart >= fileEnd) return { partSpans };
  const boundary = isInsideOpenToken(scanText.slice(errorStart))
    ? undefined
    : resumableSemicolon(scanText, Math.max(cut, errorStart));
  const errorEnd = boundary === undefined ? fileEnd : lastNonSpaceEnd(source.text.slice(0, boundary));
  partSpans.push({
    startByte: Buffer.byteLength(source.text.slice(0, errorStart), "utf8"),
    start: errorStart,
    end: Math.max(errorEnd, errorStart + 1),
    lexicalError: true,
  });
  return boundary === undefined ? { partSpans } : { partSpans, resumeAt: boundary + 1 };
}

/**
 * The first semicolon at or after `from` that the scanner can start again after: what follows it
 * scans, or fails for a reason of its own rather than because the semicolon sat inside a quote or a
 * comment (what follows would then hold the closing half of that quote, and leave a quote open).
 */
function resumableSemicolon(scanText: string, from: number): number | undefined {
  for (let index = scanText.indexOf(";", from); index >= 0; index = scanText.indexOf(";", index + 1)) {
    if (!isInsideOpenToken(scanText.slice(index + 1))) return index;
  }
  return undefined;
}

/** Text that fails to scan only because it ends inside a quote or a comment: closing it makes it scan. */
function isInsideOpenToken(text: string): boolean {
  if (scans(text)) return false;
  return ["'", '"', "*/", "*/*/", "$$"].some((closer) => scans(`${text}${closer}`));
}

function scannablePrefixLength(scanText: string): number {
  const located = lexicalErrorOffset(scanText);
  if (located !== undefined && scans(scanText.slice(0, located))) return located;
  // A grammar error came first. Find the longest line-aligned prefix that scans, then look for the
  // lexical error in what follows it (its own grammar errors, if any, are past that point).
  const cuts = [0];
  for (let index = 0; index < scanText.length; index++) if (scanText.charCodeAt(index) === 10) cuts.push(index + 1);
  let low = 0;
  let high = cuts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (scans(scanText.slice(0, cuts[middle]))) low = middle;
    else high = middle - 1;
  }
  const lineCut = cuts[low] ?? 0;
  const inRest = lexicalErrorOffset(scanText.slice(lineCut));
  if (inRest !== undefined && scans(scanText.slice(0, lineCut + inRest))) return lineCut + inRest;
  return lineCut;
}

/** Where the parser met the lexical error (string offset), when no grammar error came first. */
function lexicalErrorOffset(text: string): number | undefined {
  try {
    parseTree(text);
    return undefined;
  } catch (error) {
    const details = (error as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails;
    if (details?.cursorPosition === undefined || (details.message ?? "").startsWith("syntax error")) return undefined;
    // 0-based and in code points (PostgreSQL's cursor position).
    return offsetOfCodePoints(text, details.cursorPosition);
  }
}

function scans(text: string): boolean {
  try {
    scanTokens(text);
    return true;
  } catch {
    return false;
  }
}

function firstNonSpace(text: string, from: number): number {
  let index = from;
  while (index < text.length && isSpace(text.charCodeAt(index))) index++;
  return index;
}

function lastNonSpaceEnd(text: string): number {
  let index = text.length;
  while (index > 0 && isSpace(text.charCodeAt(index - 1))) index--;
  return index;
}

/** Whitespace as the PostgreSQL scanner defines it (space, tab, newline, carriage return, form feed, vertical tab). */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}
