import { defineRule } from "@confiture/linting";
import { classificationOf, classifyTable, collectRangeVars, lookupTable, relationName } from "@confiture/compliance";

/** Disallow SELECT * views over tables of personal data. */
export const rule = defineRule({
  id: "no-select-star-views-on-personal-data",
  version: "1.0.0",
  meta: {
    description: "Disallow SELECT * views over tables of personal data",
    severity: "warning",
    compliance: [{ framework: "GDPR", control: "Art. 5(1)(c)" }],
    messages: {
      star: "View {{view}} exposes every column of {{table}}, including personal data it may not need.",
    },
  },
  create(context) {
    return {
      statement({ node }) {
        const view = "ViewStmt" in node ? { name: relationName(node.ViewStmt.view), query: node.ViewStmt.query } : undefined;
        if (!view?.name || !view.query || !("SelectStmt" in view.query)) return;
        const select = view.query.SelectStmt;
        const star = (select.targetList ?? []).some(
          (target) =>
            "ResTarget" in target &&
            target.ResTarget.val !== undefined &&
            "ColumnRef" in target.ResTarget.val &&
            (target.ResTarget.val.ColumnRef.fields ?? []).some((field) => "A_Star" in field),
        );
        if (!star) return;
        const config = classificationOf(context.settings);
        for (const source of collectRangeVars(select.fromClause)) {
          const name = relationName(source);
          const table = name ? lookupTable(context.schema, name) : undefined;
          if (table && classifyTable(table, config).categories.has("pii")) {
            context.report({
              messageId: "star",
              data: { view: view.name, table: name ?? "?" },
              help: "List only the columns the view's consumers need.",
            });
            return;
          }
        }
      },
    };
  },
});
