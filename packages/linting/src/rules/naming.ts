import { z } from "zod";

/** A naming pattern: a regular expression over the name, with `{table}` standing for the table's name. */
export const namePattern = z.string().refine((pattern) => {
  try {
    new RegExp(pattern.replaceAll("{table}", "t"));
    return true;
  } catch {
    return false;
  }
}, "a valid regular expression (with {table} for the table name)");

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether `name` matches `pattern` once `{table}` is replaced by the (escaped) table name. */
export function matchesPattern(name: string, pattern: string, table = ""): boolean {
  return new RegExp(pattern.replaceAll("{table}", escapeRegExp(table))).test(name);
}

/** snake_case: lower-case letters, digits and underscores, starting with a letter. */
export const SNAKE_CASE = "^[a-z][a-z0-9_]*$";
