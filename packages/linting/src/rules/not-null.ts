import type { TableModel } from "@confiture/sql";

/** `(a IS NOT NULL)`, `"a" is not null` -> `a is not null`: compares deparsed CHECK expressions. */
function normalise(expression: string): string {
  return expression
    .replaceAll(/[()"\s]+/g, " ")
    .trim()
    .toLowerCase();
}

/**
 * Whether a validated constraint already proves the column has no NULLs: PostgreSQL 12+ then sets
 * NOT NULL without scanning the table.
 */
export function provenNotNull(table: TableModel | undefined, column: string): boolean {
  if (table === undefined) return false;
  const wanted = normalise(`${column} IS NOT NULL`);
  return table.constraints.some(
    (constraint) =>
      constraint.validated &&
      ((constraint.type === "check" && constraint.expression !== undefined && normalise(constraint.expression) === wanted) ||
        (constraint.type === "not_null" && constraint.columns.includes(column))),
  );
}
