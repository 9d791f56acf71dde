import { defineRule } from "@confiture/linting";
import { classificationOf, classifyTable, fileComments, resolveTable } from "@confiture/compliance";

/** Require a change ticket reference in migrations that touch financial data. */
export const rule = defineRule({
  id: "change-reference-required",
  version: "1.0.0",
  meta: {
    description: "Require a change ticket reference in migrations that touch financial data",
    severity: "error",
    compliance: [
      { framework: "SOX", control: "SOX 404 ITGC: change management" },
      { framework: "SOX", control: "SOX 404 ITGC: documentation of changes" },
    ],
    messages: {
      missing: "Migration {{file}} names no change ticket: add a comment such as -- change: FIN-123.",
    },
  },
  create(context) {
    const keys = ["change", "ticket", "jira", "issue", "change-request", "cr"];
    return {
      fileEnd({ file, source, statements }) {
        const config = classificationOf(context.settings);
        const touchesFinancialData = statements.some((statement) =>
          statement.relations.some((relation) => {
            const table = resolveTable(context.schema, relation.schema ? `${relation.schema}.${relation.name}` : relation.name);
            return classifyTable(table, config).categories.has("financial");
          }),
        );
        if (!touchesFinancialData) return;
        const referenced = fileComments(source).some((comment) => {
          const [key, ...rest] = comment.text.split(":");
          return rest.join(":").trim() !== "" && keys.includes((key ?? "").trim().toLowerCase());
        });
        if (!referenced)
          context.report({
            messageId: "missing",
            data: { file: file.split("/").pop() ?? file },
            location: { file, line: 1, column: 1 },
            help: "Start the file with -- change: <ticket id>, the approved change it implements.",
          });
      },
    };
  },
});
