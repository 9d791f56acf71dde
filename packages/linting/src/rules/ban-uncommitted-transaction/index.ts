import { defineRule } from "../../define-rule.js";
import { docsUrl } from "../support.js";

/** Flags a file that ends inside a BEGIN it opened. */
export const banUncommittedTransaction = defineRule({
  id: "ban-uncommitted-transaction",
  version: "1.0.0",
  meta: {
    description: "Require every BEGIN in a file to be committed or rolled back in that file.",
    severity: "error",
    messages: {
      uncommitted:
        "This BEGIN is never committed or rolled back in the file: its changes and locks depend on whatever runs next on the connection.",
    },
    docs: docsUrl("ban-uncommitted-transaction"),
    equivalents: { squawk: "ban-uncommitted-transaction" },
  },
  create: (context) => ({
    fileEnd({ statements, session }) {
      if (!session.inExplicitTransaction) return;
      const begin = [...statements].reverse().find((statement) => statement.kind === "begin");
      if (begin === undefined) return;
      context.report({ messageId: "uncommitted", statement: begin, help: "Add COMMIT; at the end of the file." });
    },
  }),
});
