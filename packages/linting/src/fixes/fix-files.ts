import { lint } from "../engine/lint.js";
import type { LintOptions, LintResult } from "../engine/types.js";
import type { Finding } from "../types.js";
import { applyFileFixes, type FixSelection } from "./apply-fixes.js";

/** Passes at most, as ESLint: a fix may reveal another, but fixes that undo each other must stop. */
const MAX_PASSES = 10;

/** The outcome of `lintAndFix`: the findings left after fixing, and each changed file's new text. */
export interface FixOutcome {
  /** Lint of the fixed sources: what remains. */
  result: LintResult;
  /** Files whose text changed, with the text before the first pass and after the last. */
  changed: Array<{ path: string; source: string; output: string }>;
  /** Every fix applied, over all passes. */
  applied: Finding[];
}

/**
 * Lints, applies the selected fixes, and lints the fixed text again until nothing more is fixed.
 * Pure: it returns the new texts and never writes a file (the caller writes them, or prints a diff).
 */
export async function lintAndFix(options: LintOptions, selection: FixSelection = {}): Promise<FixOutcome> {
  const originals = new Map(options.files.map((file) => [file.path, file.source]));
  let files = options.files;
  let result = await lint(options);
  const applied: Finding[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixed = result.files.map((file) => applyFileFixes(file, result.findings, selection));
    const changedNow = fixed.filter((file) => file.applied.length > 0);
    if (changedNow.length === 0) break;
    for (const file of changedNow) applied.push(...file.applied);
    const outputs = new Map(changedNow.map((file) => [file.path, file.output]));
    files = files.map((file) => (outputs.has(file.path) ? { ...file, source: outputs.get(file.path)! } : file));
    result = await lint({ ...options, files });
  }
  const changed = files
    .filter((file) => originals.get(file.path) !== file.source)
    .map((file) => ({ path: file.path, source: originals.get(file.path)!, output: file.source }));
  return { result, changed, applied };
}
