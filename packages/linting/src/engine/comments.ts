import type { Statement } from "@confiture/sql";
import { scanSync } from "libpg-query";
import type { LineIndex } from "./line-index.js";

/** A comment of a SQL file, found by the PostgreSQL scanner. */
export interface SqlComment {
  /** The comment's text without `--` or the block delimiters, trimmed. */
  text: string;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  /** The line of the first token after the comment (the line a next-line directive targets). */
  nextTokenLine: number;
}

function byteToStringOffsets(source: string): (byteOffset: number) => number {
  if (Buffer.byteLength(source) === source.length) return (byteOffset) => byteOffset;
  const bytes = Buffer.from(source);
  return (byteOffset) => bytes.subarray(0, byteOffset).toString("utf8").length;
}

function stripDelimiters(raw: string): string {
  if (raw.startsWith("--")) return raw.slice(2).trim();
  if (raw.startsWith("/*")) return raw.slice(2, raw.endsWith("*/") ? -2 : undefined).trim();
  return raw.trim();
}

/** Comment ranges from the scanner, or undefined when the file has a lexical error the scanner refuses. */
function scanRanges(source: string): Array<{ start: number; end: number; comment: boolean }> | undefined {
  try {
    const toOffset = byteToStringOffsets(source);
    return scanSync(source).tokens.map((token) => ({
      start: toOffset(token.start),
      end: toOffset(token.end),
      comment: token.tokenName === "SQL_COMMENT" || token.tokenName === "C_COMMENT",
    }));
  } catch {
    return undefined;
  }
}

/**
 * Fallback when the scanner rejects the file: the text between statements holds only white space,
 * semicolons and comments, so walking those gaps finds every comment outside statements.
 */
function gapRanges(source: string, statements: readonly Statement[]): Array<{ start: number; end: number; comment: boolean }> {
  const ranges: Array<{ start: number; end: number; comment: boolean }> = [];
  const gaps: Array<[number, number]> = [];
  let cursor = 0;
  for (const statement of statements) {
    gaps.push([cursor, statement.start.offset]);
    ranges.push({ start: statement.start.offset, end: statement.end.offset, comment: false });
    cursor = Math.max(cursor, statement.end.offset);
  }
  gaps.push([cursor, source.length]);
  for (const [gapStart, gapEnd] of gaps) {
    let index = gapStart;
    while (index < gapEnd) {
      if (source.startsWith("--", index)) {
        let end = source.indexOf("\n", index);
        if (end === -1 || end > gapEnd) end = gapEnd;
        if (source[end - 1] === "\r") end--;
        ranges.push({ start: index, end, comment: true });
        index = end;
      } else if (source.startsWith("/*", index)) {
        const close = source.indexOf("*/", index + 2);
        const end = close === -1 || close + 2 > gapEnd ? gapEnd : close + 2;
        ranges.push({ start: index, end, comment: true });
        index = end;
      } else index++;
    }
  }
  return ranges.sort((left, right) => left.start - right.start);
}

/** Every comment of a file with its position and the line of the token after it. */
export function findComments(source: string, statements: readonly Statement[], lines: LineIndex): SqlComment[] {
  const ranges = scanRanges(source) ?? gapRanges(source, statements);
  const comments: SqlComment[] = [];
  for (let index = 0; index < ranges.length; index++) {
    const range = ranges[index]!;
    if (!range.comment) continue;
    const start = lines.locate(range.start);
    const endLine = lines.locate(Math.max(range.start, range.end - 1)).line;
    let next: { start: number } | undefined;
    for (let after = index + 1; after < ranges.length && next === undefined; after++) {
      if (!ranges[after]!.comment) next = ranges[after];
    }
    comments.push({
      text: stripDelimiters(source.slice(range.start, range.end)),
      start: range.start,
      end: range.end,
      line: start.line,
      column: start.column,
      endLine,
      nextTokenLine: next === undefined ? endLine + 1 : lines.locate(next.start).line,
    });
  }
  return comments;
}
