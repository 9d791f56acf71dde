import type { SourcePosition, Statement } from "./types.js";

/**
 * The file position of a parse-node `location` (a UTF-8 byte offset inside the statement's text, as
 * libpg-query gives it), so rules can point at the exact token. Clamped to the statement.
 */
export function statementLocation(statement: Pick<Statement, "text" | "start">, byteLocation: number): SourcePosition {
  const bytes = Buffer.from(statement.text, "utf8");
  const clamped = Math.max(0, Math.min(byteLocation, bytes.length));
  const before = bytes.subarray(0, clamped).toString("utf8");
  let line = statement.start.line;
  let column = statement.start.column;
  for (let index = 0; index < before.length; index++) {
    const code = before.charCodeAt(index);
    if (code === 10 || (code === 13 && before.charCodeAt(index + 1) !== 10)) {
      line++;
      column = 1;
    } else if (code === 13) {
      // The \r of \r\n: the \n that follows ends the line.
    } else if (
      !(
        code >= 0xdc00 &&
        code <= 0xdfff &&
        index > 0 &&
        before.charCodeAt(index - 1) >= 0xd800 &&
        before.charCodeAt(index - 1) <= 0xdbff
      )
    ) {
      column++;
    }
  }
  return { offset: statement.start.offset + before.length, line, column };
}
