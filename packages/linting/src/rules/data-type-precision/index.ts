import { defineRule } from "../../define-rule.js";
import { columnTypeSites } from "../column-types.js";
import { docsUrl } from "../support.js";

/** Flags numeric columns without precision, and money / float columns where exact values matter. */
export const dataTypePrecision = defineRule({
  id: "data-type-precision",
  version: "1.0.0",
  meta: {
    description: "Require numeric columns to declare their precision and scale.",
    severity: "warning",
    messages: {
      unboundedNumeric:
        "Column {{column}} is numeric without precision: values of any size and scale are accepted and rounding is left to every client.",
      money:
        "Column {{column}} is money: its scale follows the lc_monetary setting of the session, so values change meaning between servers.",
    },
    docs: docsUrl("data-type-precision"),
  },
  create: (context) => ({
    statement({ statement, node }) {
      for (const site of columnTypeSites(statement, node)) {
        if (site.builtIn === "numeric" && site.modifiers.length === 0) {
          context.report({
            messageId: "unboundedNumeric",
            data: { column: site.column },
            location: site.place,
            help: "Declare numeric(precision, scale), e.g. numeric(12, 2) for amounts.",
          });
        } else if (site.builtIn === "money") {
          context.report({
            messageId: "money",
            data: { column: site.column },
            location: site.place,
            help: "Use numeric(precision, scale) and store the currency in its own column.",
          });
        }
      }
    },
  }),
});
