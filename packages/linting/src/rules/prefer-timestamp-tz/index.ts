import { defineRule } from "../../define-rule.js";
import { columnTypeSites, replaceTypeWord } from "../column-types.js";
import { docsUrl } from "../support.js";

/** Flags timestamp (without time zone) columns. */
export const preferTimestampTz = defineRule({
  id: "prefer-timestamp-tz",
  version: "1.0.0",
  meta: {
    description: "Prefer timestamptz over timestamp without time zone.",
    severity: "warning",
    // Mostly noise on real projects (the corpus eval, eval/judged-findings.json): opt in with `preset: all`.
    recommended: false,
    messages: {
      timestamp:
        "Column {{column}} is timestamp without time zone: the UTC offset is dropped, so instants from different zones become ambiguous.",
    },
    docs: docsUrl("prefer-timestamp-tz"),
    equivalents: { squawk: "prefer-timestamp-tz" },
  },
  create: (context) => ({
    statement({ statement, node }) {
      for (const site of columnTypeSites(statement, node)) {
        if (site.builtIn !== "timestamp") continue;
        const fixed = replaceTypeWord(statement, site.typeName, "timestamptz", ["timestamp"]);
        context.report({
          messageId: "timestamp",
          data: { column: site.column },
          location: site.place,
          help: "Use timestamptz (timestamp with time zone).",
          ...(fixed === undefined ? {} : { fix: { text: fixed } }),
        });
      }
    },
  }),
});
