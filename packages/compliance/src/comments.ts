import { scanSync } from "libpg-query";

/** A comment of a SQL file, with its 1-based line. */
export interface FileComment {
  line: number;
  text: string;
}

/**
 * The comments of a SQL source, as the PostgreSQL scanner reports them (`SQL_COMMENT` and
 * `C_COMMENT` tokens), so dashes inside strings or dollar-quoted bodies are never mistaken for one.
 * Needs the parser loaded (the lint engine loads it before rules run). A source the scanner refuses
 * (an unterminated quote) yields no comments.
 */
export function fileComments(source: string): FileComment[] {
  let tokens: Array<{ start: number; text: string; tokenName: string }>;
  try {
    tokens = scanSync(source).tokens;
  } catch {
    return [];
  }
  const bytes = Buffer.from(source, "utf8");
  return tokens
    .filter((token) => token.tokenName === "SQL_COMMENT" || token.tokenName === "C_COMMENT")
    .map((token) => ({
      // Token offsets are UTF-8 byte offsets.
      line: bytes.subarray(0, token.start).toString("utf8").split("\n").length,
      text: token.tokenName === "SQL_COMMENT" ? token.text.slice(2).trim() : token.text.slice(2, -2).trim(),
    }));
}
