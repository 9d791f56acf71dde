import { describe, expect, it } from "vitest";
import { kindRule, libraryOf } from "../__fixtures__/libraries.js";
import { defineRule } from "../define-rule.js";
import { lint } from "./lint.js";

/** Reports once on the final model: a whole-set finding, not tied to a statement. */
const tableCount = defineRule({
  id: "table-count",
  version: "1.0.0",
  meta: { description: "Count the tables at the end.", severity: "info", messages: { count: "{{count}} tables" } },
  create: (context) => ({
    schemaEnd(model) {
      context.report({ messageId: "count", data: { count: model.tables.size }, location: { line: 1, column: 1 } });
    },
  }),
});

describe("reportOn: lint a few files with the rest of the directory as context", () => {
  const files = [
    { path: "001_users.up.sql", source: "CREATE TABLE users (id int);\nDROP TABLE users;\nCREATE TABLE users (id int);" },
    { path: "002_orders.up.sql", source: "CREATE TABLE orders (id int);\nDROP TABLE orders;\nCREATE TABLE orders (id int);" },
  ];
  const libraries = [libraryOf("t", [kindRule("no-drop", "drop_table"), tableCount])];

  it("reports statement findings only in the files asked for, with the schema of the others", async () => {
    const result = await lint({ files, libraries, reportOn: ["001_users.up.sql"] });
    const drops = result.findings.filter((finding) => finding.ruleId === "no-drop");
    expect(drops.map((finding) => [finding.file, finding.line])).toEqual([["001_users.up.sql", 2]]);
  });

  it("keeps whole-set findings, on the newest file asked for, when the newest file linted is context only", async () => {
    // The final model has both tables (context replayed); the finding used to go to 002, then be dropped.
    const result = await lint({ files, libraries, reportOn: ["001_users.up.sql"] });
    const counts = result.findings.filter((finding) => finding.ruleId === "table-count");
    expect(counts.map((finding) => [finding.file, finding.message])).toEqual([["001_users.up.sql", "2 tables"]]);
  });
});
