import { defineRule } from "@confiture/linting";
import { classificationOf, sensitiveTables } from "@confiture/compliance";

/** Disallow connecting personal data to foreign servers without review. */
export const rule = defineRule({
  id: "no-foreign-servers-for-personal-data",
  version: "1.0.0",
  meta: {
    description: "Disallow connecting personal data to foreign servers without review",
    severity: "critical",
    compliance: [{ framework: "GDPR", control: "Art. 44" }],
    messages: {
      server: "Foreign server {{server}} connects this database, which holds personal data, to {{host}}.",
    },
  },
  create(context) {
    return {
      statement({ node }) {
        if (!("CreateForeignServerStmt" in node)) return;
        const server = node.CreateForeignServerStmt;
        const host = (server.options ?? []).flatMap((option) =>
          "DefElem" in option && option.DefElem.defname === "host" && option.DefElem.arg && "String" in option.DefElem.arg
            ? [option.DefElem.arg.String.sval ?? ""]
            : [],
        )[0];
        if (host === undefined || ["localhost", "127.0.0.1", "::1", ""].includes(host)) return;
        if (sensitiveTables(context.schema, classificationOf(context.settings), ["pii"]).length === 0) return;
        context.report({
          messageId: "server",
          data: { server: server.servername ?? "?", host },
          help: "Confirm where the host is and on what basis data may flow there (adequacy decision, standard contractual clauses), then suppress with the reason.",
        });
      },
    };
  },
});
