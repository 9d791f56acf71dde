import { scanSync } from "libpg-query";
import { defineRule } from "../../define-rule.js";
import { definedNames } from "../defined-names.js";
import { docsUrl, locate } from "../support.js";

/** Keyword categories of PostgreSQL's scanner that cannot be used as plain identifiers everywhere. */
const CATEGORIES: Record<number, string> = { 3: "reserved (it can be a function or type name only)", 4: "reserved" };

const known = new Map<string, number>();

/** The scanner's keyword category of a name written alone, or 0 when it is not a keyword (memoised: names repeat). */
function keywordKind(name: string): number {
  if (!/^[a-z_][a-z0-9_$]*$/.test(name)) return 0;
  let kind = known.get(name);
  if (kind === undefined) {
    try {
      const tokens = scanSync(name).tokens;
      kind = tokens.length === 1 ? (tokens[0]?.keywordKind ?? 0) : 0;
    } catch {
      kind = 0;
    }
    if (known.size < 10_000) known.set(name, kind);
  }
  return kind;
}

/** Flags objects named with reserved SQL keywords (which must then be quoted in every query). */
export const noReservedKeywords = defineRule({
  id: "no-reserved-keywords",
  version: "1.0.0",
  meta: {
    description: "Disallow reserved SQL keywords as names of tables, columns and other objects.",
    severity: "error",
    messages: { reserved: 'The {{kind}} name {{name}} is a {{category}} SQL keyword: every query must quote it ("{{name}}").' },
    docs: docsUrl("no-reserved-keywords"),
  },
  create: (context) => ({
    statement({ statement, node }) {
      for (const defined of definedNames(node)) {
        const category = CATEGORIES[keywordKind(defined.name)];
        if (category === undefined) continue;
        context.report({
          messageId: "reserved",
          data: { kind: defined.kind, name: defined.name, category },
          location: locate(statement, defined.location),
          help: `Choose another name (e.g. ${defined.name}_${defined.kind === "column" ? "value" : "name"} or a more specific word).`,
        });
      }
    },
  }),
});
