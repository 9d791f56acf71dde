import { closest, distance } from "fastest-levenshtein";
import type { z } from "zod";
import { knownKeysAt } from "./known-keys.js";
import { confitureConfigSchema, lintSchemaForSuggestions } from "./schema.js";
import { loadedSectionSchema } from "./sections.js";

/** The keys the config knows at `path`: the top level's, the lint section's, or a loaded package section's. */
function knownKeys(path: readonly PropertyKey[]): string[] {
  const [section, ...rest] = path;
  if (section === undefined) return knownKeysAt(confitureConfigSchema, []);
  if (section === "lint") return knownKeysAt(lintSchemaForSuggestions, rest);
  const schema = loadedSectionSchema(String(section));
  return schema === undefined ? knownKeysAt(confitureConfigSchema, path) : knownKeysAt(schema, rest);
}

/**
 * The known key a misspelt one most likely meant: the closest by edit distance, when it is close
 * enough to be a typo (half the key's length, at least 2 edits; any difference of case).
 */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const sameLetters = known.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
  if (sameLetters !== undefined) return sameLetters;
  const best = closest(key, [...known]);
  return distance(key, best) <= Math.max(2, Math.ceil(key.length / 2)) ? best : undefined;
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/**
 * Formats zod issues as `key.path: message` lines under the file's name. An unknown key gets its
 * own line, with the key the user probably meant. `section` prefixes paths of an error raised by one
 * section's schema (e.g. `migrations`), so every message names the full key path.
 */
export function describeIssues(
  error: { issues: readonly z.core.$ZodIssue[] },
  file: string,
  options: { section?: string } = {},
): string {
  const prefix = options.section === undefined ? [] : [options.section];
  const lines: string[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      const known = knownKeys(path);
      for (const key of issue.keys) {
        const suggestion = suggestKey(key, known);
        const hint = suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`;
        lines.push(`  ${joinPath([...path, key])}: unknown key${hint}`);
      }
      continue;
    }
    lines.push(`  ${path.length === 0 ? "(top level)" : joinPath(path)}: ${issue.message}`);
  }
  return `invalid configuration in ${file}:\n${lines.join("\n")}`;
}
