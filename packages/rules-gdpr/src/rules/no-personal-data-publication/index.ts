import { defineRule } from "@confiture/linting";
import { classificationOf, relationName, sensitiveTables } from "@confiture/compliance";

/** Disallow logical replication of personal data without review. */
export const rule = defineRule({
  id: "no-personal-data-publication",
  version: "1.0.0",
  meta: {
    description: "Disallow logical replication of personal data without review",
    severity: "error",
    compliance: [
      { framework: "GDPR", control: "Art. 28(1)" },
      { framework: "GDPR", control: "Art. 44" },
    ],
    messages: {
      publication: "Publication {{publication}} replicates personal data ({{tables}}) to whatever subscribes to it.",
    },
  },
  create(context) {
    return {
      statement({ node }) {
        if (!("CreatePublicationStmt" in node)) return;
        const publication = node.CreatePublicationStmt;
        const config = classificationOf(context.settings);
        const personal = sensitiveTables(context.schema, config, ["pii"]).map((table) => table.key);
        const published = publication.for_all_tables
          ? personal
          : (publication.pubobjects ?? [])
              .flatMap((object) =>
                "PublicationObjSpec" in object ? [relationName(object.PublicationObjSpec.pubtable?.relation)] : [],
              )
              .filter((name): name is string => name !== undefined && personal.includes(name));
        if (published.length > 0)
          context.report({
            messageId: "publication",
            data: { publication: publication.pubname ?? "?", tables: published.join(", ") },
            help: "Publish only tables without personal data, or document the recipient (processor agreement, transfer mechanism) and list it here with a confiture-ignore-next-line comment and its reason.",
          });
      },
    };
  },
});
