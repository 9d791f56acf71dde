import type { ScanToken } from "libpg-query";
import type { SourceText } from "./source-text.js";
import type { StatementSpan } from "./split.js";

/** Statement extents found in a token stream, in bytes. */
export interface TokenSplit {
  spans: Array<{ startByte: number; endByte: number }>;
  /** The last span was not closed by a semicolon. */
  open: boolean;
}

/** Comment tokens of the scanner: never part of a statement's start or end. */
export const COMMENT_TOKENS = new Set(["SQL_COMMENT", "C_COMMENT"]);
const ROUTINE_HEAD = new Set(["create", "or", "replace", "function", "procedure"]);

/**
 * Group scanner tokens into statements: a semicolon ends one only at parenthesis depth 0 (so
 * `CREATE RULE ... DO (a; b)` stays whole) and outside the `BEGIN ATOMIC ... END` body of a
 * SQL-standard function, tracked the way psql tracks it. Comments never start or end a statement;
 * a psql meta-command ends the statement before it and is skipped to the end of its line.
 */
export function splitTokens(tokens: ScanToken[], scanText: string): TokenSplit {
  const spans: TokenSplit["spans"] = [];
  let bytes: Buffer | undefined;
  let skipUntilByte = -1;
  let startByte = -1;
  let endByte = -1;
  let parenDepth = 0;
  let beginDepth = 0;
  let words: string[] = [];
  for (const token of tokens) {
    if (COMMENT_TOKENS.has(token.tokenName) || token.start < skipUntilByte) continue;
    if (token.text === "\\" && parenDepth === 0 && beginDepth === 0) {
      // A psql meta-command (\set, \connect, \g ...) runs to the end of its line and ends the statement before it, as psql does.
      bytes ??= Buffer.from(scanText, "utf8");
      const lineEnd = bytes.indexOf(10, token.end);
      skipUntilByte = lineEnd === -1 ? Number.POSITIVE_INFINITY : lineEnd;
      if (startByte >= 0) spans.push({ startByte, endByte });
      startByte = -1;
      words = [];
      continue;
    }
    if (token.text === ";" && parenDepth === 0 && beginDepth === 0) {
      if (startByte >= 0) spans.push({ startByte, endByte });
      startByte = -1;
      words = [];
      continue;
    }
    if (startByte < 0) startByte = token.start;
    endByte = token.end;
    if (token.text === "(") parenDepth++;
    else if (token.text === ")") parenDepth = Math.max(0, parenDepth - 1);
    else if (token.tokenName === "IDENT" || token.keywordKind > 0) {
      const word = token.text.toLowerCase();
      if (words.length < 4) words.push(ROUTINE_HEAD.has(word) ? word : "");
      if (parenDepth === 0 && isRoutineHead(words)) beginDepth = nextBeginDepth(word, beginDepth);
    }
  }
  const open = startByte >= 0;
  if (open) spans.push({ startByte, endByte });
  return { spans, open };
}

/** CREATE [OR REPLACE] FUNCTION|PROCEDURE: the only statements whose body may hold semicolons outside quotes. */
function isRoutineHead(words: string[]): boolean {
  if (words[0] !== "create") return false;
  if (words[1] === "function" || words[1] === "procedure") return true;
  return words[1] === "or" && words[2] === "replace" && (words[3] === "function" || words[3] === "procedure");
}

function nextBeginDepth(word: string, depth: number): number {
  if (word === "begin") return depth + 1;
  // CASE ... END inside the body also ends with END.
  if (word === "case") return depth >= 1 ? depth + 1 : depth;
  if (word === "end") return Math.max(0, depth - 1);
  return depth;
}

/** Byte extents to string-offset spans; the last one may carry the lexical error. */
export function toSpans(source: SourceText, spans: TokenSplit["spans"], lastHasError: boolean): StatementSpan[] {
  return spans.map((span, index) => ({
    startByte: span.startByte,
    start: source.offsetOfByte(span.startByte),
    end: source.offsetOfByte(span.endByte),
    lexicalError: lastHasError && index === spans.length - 1,
  }));
}
