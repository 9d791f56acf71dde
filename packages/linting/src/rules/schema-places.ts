import type { SourceReference } from "@confiture/sql";

/** A report location from where the schema model says an object was created. */
export function placeOf(
  reference: SourceReference | undefined,
  fallbackFile: string,
): { file: string; line: number; column: number } {
  return { file: reference?.file ?? fallbackFile, line: reference?.line ?? 1, column: reference?.column ?? 1 };
}
