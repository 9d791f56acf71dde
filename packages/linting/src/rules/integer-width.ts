import type { Statement } from "@confiture/sql";
import { type ColumnTypeSite, replaceTypeWord } from "./column-types.js";

/** Exact one-word replacements that widen an integer type (`int` -> `bigint`, `serial` -> `bigserial`). */
const WIDER: Record<string, string> = {
  int: "bigint",
  integer: "bigint",
  int4: "bigint",
  smallint: "bigint",
  int2: "bigint",
  serial: "bigserial",
  serial4: "bigserial",
  smallserial: "bigserial",
  serial2: "bigserial",
};

/** The statement with the integer type of `site` widened to 64 bits, when the type is one word. */
export function widenedStatement(statement: Statement, site: ColumnTypeSite): string | undefined {
  for (const [from, to] of Object.entries(WIDER)) {
    const fixed = replaceTypeWord(statement, site.typeName, to, [from]);
    if (fixed !== undefined) return fixed;
  }
  return undefined;
}
