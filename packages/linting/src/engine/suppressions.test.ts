import { describe, expect, it } from "vitest";
import { kindRule, libraryOf } from "../__fixtures__/libraries.js";
import { defineRule } from "../define-rule.js";
import { lint } from "./lint.js";

const library = libraryOf("general", [
  kindRule("ban-drop-table", "drop_table", { squawk: "ban-drop-table" }),
  kindRule("no-truncate", "truncate"),
]);

const run = (source: string, reportUnusedSuppressions = false) =>
  lint({ files: [{ path: "001.sql", source }], libraries: [library], config: { reportUnusedSuppressions } });

const rules = (result: Awaited<ReturnType<typeof run>>) => result.findings.map((finding) => `${finding.line}:${finding.ruleId}`);

describe("suppressions", () => {
  it("ignores the next line for the rules listed, with a reason", async () => {
    const result = await run(
      ["-- confiture-ignore-next-line ban-drop-table, no-truncate -- approved in JIRA-1", "DROP TABLE a;", "DROP TABLE b;"].join(
        "\n",
      ),
    );
    expect(rules(result)).toEqual(["3:ban-drop-table"]);
  });

  it("ignores a rule in the whole file, and accepts library/rule", async () => {
    const result = await run(
      ["DROP TABLE a;", "TRUNCATE t;", "-- confiture-ignore-file general/ban-drop-table", "DROP TABLE b;"].join("\n"),
    );
    expect(rules(result)).toEqual(["2:no-truncate"]);
  });

  it("honours squawk-ignore for rules that declare the squawk equivalent only", async () => {
    const result = await run(
      ["-- squawk-ignore ban-drop-table", "DROP TABLE a;", "-- squawk-ignore no-truncate", "TRUNCATE t;"].join("\n"),
    );
    expect(rules(result)).toEqual(["4:no-truncate"]);
    const file = await run(["-- squawk-ignore-file", "DROP TABLE a;", "TRUNCATE t;"].join("\n"));
    expect(rules(file)).toEqual(["3:no-truncate"]);
  });

  it("applies a next-line suppression to a statement spanning several lines", async () => {
    const result = await run(["-- confiture-ignore-next-line ban-drop-table", "DROP TABLE", "  a;"].join("\n"));
    expect(rules(result)).toEqual([]);
  });

  it("applies a next-line suppression to a finding narrowed to a later line of the statement", async () => {
    const narrowing = libraryOf("narrow", [
      defineRule({
        id: "no-char",
        version: "1.0.0",
        meta: { description: "Disallow char.", severity: "warning", messages: { char: "char column" } },
        create: (context) => ({
          statement: ({ statement }) => {
            if (statement.kind === "create_table")
              context.report({ messageId: "char", location: { line: statement.start.line + 1, column: 3 } });
          },
        }),
      }),
    ]);
    const source = [
      "-- confiture-ignore-next-line no-char",
      "CREATE TABLE t (",
      "  code char(2)",
      ");",
      "CREATE TABLE u (",
      "  code char(2)",
      ");",
    ].join("\n");
    const result = await lint({ files: [{ path: "001.sql", source }], libraries: [narrowing] });
    expect(result.findings.map((finding) => [finding.line, finding.statementIndex])).toEqual([[6, 1]]);
  });

  it("never suppresses a parse error", async () => {
    const result = await run(["-- confiture-ignore-file", "SELEC 1;"].join("\n"));
    expect(rules(result)).toEqual(["2:parse-error"]);
  });

  it("reports unused suppressions when asked", async () => {
    const source = [
      "-- confiture-ignore-next-line ban-drop-table, no-truncate",
      "DROP TABLE a;",
      "-- squawk-ignore-file ban-drop-column",
    ].join("\n");
    expect(rules(await run(source))).toEqual([]);
    const result = await run(source, true);
    expect(result.findings.map((finding) => [finding.line, finding.ruleId, finding.severity, finding.message])).toEqual([
      [1, "unused-suppression", "warning", 'unused suppression: "no-truncate" reported nothing here'],
      [3, "unused-suppression", "warning", 'unused suppression: "ban-drop-column" reported nothing here'],
    ]);
  });
});
