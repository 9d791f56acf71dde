import type { Finding } from "../types.js";

/** What can be wrong with an input path before any SQL is read. */
export type InputProblemKind = "symlinkOutside" | "symlinkLoop" | "notSqlText" | "notRegularFile";

/** An input that was not linted, and why. `path` is absolute. */
export interface InputProblem {
  path: string;
  kind: InputProblemKind;
  /** What was found (the symlink's target, the first bad byte...), for the message. */
  detail: string;
}

const messages: Record<InputProblemKind, (detail: string) => string> = {
  symlinkOutside: (detail) => `symbolic link to ${detail}, outside the linted directory: not followed`,
  symlinkLoop: (detail) => `symbolic link loop (${detail}): not followed`,
  notSqlText: (detail) => `not SQL text (${detail}): not linted, and its content is not shown`,
  notRegularFile: (detail) => `not a regular file (${detail}): not read`,
};

/**
 * The `input-error` finding for a problem: a core rule at error level, on line 1, that never
 * carries the file's content (its message names the path and the kind of problem only).
 */
export function inputFinding(problem: InputProblem, file: string): Finding {
  return {
    ruleId: "input-error",
    library: "core",
    severity: "error",
    messageId: problem.kind,
    message: messages[problem.kind](problem.detail),
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  };
}
