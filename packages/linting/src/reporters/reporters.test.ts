import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { kindRule, libraryOf } from "../__fixtures__/libraries.js";
import { defineRule } from "../define-rule.js";
import { lint } from "../engine/lint.js";
import type { LintResult } from "../engine/types.js";
import { escapeMessage, escapeProperty } from "./github.js";
import { formatFindings } from "./index.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const library = libraryOf("general", [
  kindRule("require-concurrent-index-creation", "create_index", {
    squawk: "require-concurrent-index-creation",
    control: "164.312(b)",
  }),
  kindRule("ban-drop-table", "drop_table"),
  kindRule("no-truncate", "truncate"),
]);

const files = [
  { path: "migrations/001_users.up.sql", source: "CREATE TABLE users (id bigint, email text);\n" },
  {
    path: "migrations/002_index.up.sql",
    source: "SET lock_timeout = '2s';\nCREATE INDEX users_email\n  ON users (email);\nDROP TABLE old, \"100%: a,b\";\n",
  },
  { path: "migrations/003_bad.up.sql", source: "SELEC 1;\n" },
];

let result: LintResult;
beforeAll(async () => {
  result = await lint({ files, libraries: [library], config: { rules: { "ban-drop-table": "warn" } } });
});

describe("json", () => {
  it("prints the architecture's contract: findings, summary and audit", () => {
    const parsed = JSON.parse(formatFindings(result, "json"));
    expect(Object.keys(parsed)).toEqual(["findings", "summary", "audit"]);
    expect(parsed.summary).toMatchObject({ files: 3, statements: 5, errors: 2, warnings: 1, infos: 0 });
    expect(parsed.findings[0]).toMatchObject({
      ruleId: "require-concurrent-index-creation",
      library: "general",
      severity: "error",
      file: "migrations/002_index.up.sql",
      line: 2,
      column: 1,
      endLine: 3,
      compliance: [{ framework: "HIPAA", control: "164.312(b)" }],
    });
    expect(parsed.audit.libraries).toEqual([{ name: "general", version: "1.0.0" }]);
  });
});

describe("sarif", () => {
  const schema = JSON.parse(readFileSync(new URL("../__fixtures__/sarif-schema-2.1.0.json", import.meta.url), "utf8"));
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }));
  const validate = ajv.compile({ $id: id, ...rest });

  it("validates against the SARIF 2.1.0 schema", () => {
    const sarif = JSON.parse(formatFindings(result, "sarif", { toolVersion: "0.1.0" }));
    const valid = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("has what GitHub code scanning needs: rules with help, locations, fingerprints, the audit", () => {
    const sarif = JSON.parse(formatFindings(result, "sarif"));
    const run = sarif.runs[0];
    const ids = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(ids).toEqual([
      "general/ban-drop-table",
      "general/no-truncate",
      "general/require-concurrent-index-creation",
      "core/parse-error",
    ]);
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.help.text.length).toBeGreaterThan(0);
    }
    const first = run.results[0];
    expect(first.ruleId).toBe("general/require-concurrent-index-creation");
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe(first.ruleId);
    expect(first.level).toBe("error");
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "migrations/002_index.up.sql", uriBaseId: "%SRCROOT%" },
      region: { startLine: 2, startColumn: 1, endLine: 3, endColumn: expect.any(Number) },
    });
    expect(
      run.results.map(
        (entry: { partialFingerprints: { primaryLocationLineHash: string } }) =>
          entry.partialFingerprints.primaryLocationLineHash,
      ),
    ).toHaveLength(3);
    expect(run.properties.audit.libraries).toEqual([{ name: "general", version: "1.0.0" }]);
    expect(run.tool.driver.rules[2].properties.tags).toContain("HIPAA/164.312(b)");
  });

  it("describes an exact fix as a SARIF replacement of the statement, still valid", async () => {
    const fixing = libraryOf("general", [
      defineRule({
        id: "prefer-concurrent",
        version: "1.0.0",
        meta: { description: "Prefer CONCURRENTLY.", severity: "warning", messages: { plain: "Use CONCURRENTLY." } },
        create: (context) => ({
          statement: ({ statement }) => {
            if (statement.kind === "create_index")
              context.report({ messageId: "plain", fix: { text: "CREATE INDEX CONCURRENTLY users_email ON users (email)" } });
          },
        }),
      }),
    ]);
    const fixed = await lint({ files, libraries: [fixing] });
    const sarif = JSON.parse(formatFindings(fixed, "sarif"));
    expect(validate(sarif)).toBe(true);
    const replacement = sarif.runs[0].results[0].fixes[0].artifactChanges[0].replacements[0];
    expect(replacement.deletedRegion).toMatchObject({ startLine: 2, startColumn: 1, endLine: 3 });
    expect(replacement.insertedContent.text).toBe("CREATE INDEX CONCURRENTLY users_email ON users (email)");
    expect(formatFindings(fixed, "text")).toContain("fix: CREATE INDEX CONCURRENTLY users_email ON users (email)");
  });

  it("keeps fingerprints stable when lines move", async () => {
    const shifted = await lint({
      files: files.map((file) => (file.path.includes("002") ? { ...file, source: `-- a comment\n\n${file.source}` } : file)),
      libraries: [library],
      config: { rules: { "ban-drop-table": "warn" } },
    });
    const prints = (value: LintResult) =>
      JSON.parse(formatFindings(value, "sarif")).runs[0].results.map(
        (entry: { partialFingerprints: { primaryLocationLineHash: string } }) =>
          entry.partialFingerprints.primaryLocationLineHash,
      );
    expect(prints(shifted)).toEqual(prints(result));
    expect(new Set(prints(result)).size).toBe(3);
  });
});

describe("github", () => {
  it("prints one workflow command per finding with escaped properties", () => {
    const lines = formatFindings(result, "github").trimEnd().split("\n");
    expect(lines[0]).toBe(
      "::error file=migrations/002_index.up.sql,line=2,endLine=3,col=1,title=general/require-concurrent-index-creation::Found a create_index statement.%0ADo something else.",
    );
    expect(lines.some((line) => line.startsWith("::error file=migrations/003_bad.up.sql,line=1,"))).toBe(true);
    expect(lines.some((line) => line.startsWith("::warning file=migrations/002_index.up.sql,line=4,"))).toBe(true);
    expect(lines.at(-1)).toBe("confiture: 2 errors, 1 warnings, 0 infos in 3 files");
  });

  it("escapes percent, newlines, colons and commas, and caps annotations", () => {
    expect(escapeMessage("100%\r\nnext")).toBe("100%25%0D%0Anext");
    expect(escapeProperty("a:b,c%")).toBe("a%3Ab%2Cc%25");
    // Two annotations per job: one finding, and the notice counting the two left out.
    const lines = formatFindings(result, "github", { maxAnnotations: 2 }).trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^::notice title=confiture::2 more findings are not annotated/);
    expect(lines[2]).toMatch(/^confiture: 2 more findings are not annotated .*SARIF.*pull request comment/);
  });

  it("annotates at most 10 errors and 10 warnings per step, and says how many it left out and where they are", async () => {
    const many = await lint({
      files: [{ path: "m.sql", source: `${"DROP TABLE a;\n".repeat(15)}${"TRUNCATE b;\n".repeat(12)}` }],
      libraries: [library],
      config: { rules: { "no-truncate": "warn" } },
    });
    const lines = formatFindings(many, "github").trimEnd().split("\n");
    expect(lines.filter((line) => line.startsWith("::error "))).toHaveLength(10);
    expect(lines.filter((line) => line.startsWith("::warning "))).toHaveLength(10);
    const notice = lines.find((line) => line.startsWith("::notice title=confiture::"));
    expect(notice).toMatch(/7 more findings are not annotated \(5 errors, 2 warnings, 0 notes\)/);
    expect(lines.filter((line) => line.startsWith("::"))).toHaveLength(21);
  });
});

describe("junit", () => {
  it("prints well-formed XML with one suite per file and a case per rule or finding", () => {
    const xml = formatFindings(result, "junit");
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      isArray: (name) => name === "testsuite" || name === "testcase",
    }).parse(xml);
    const suites = parsed.testsuites.testsuite as Array<{
      name: string;
      tests: string;
      failures: string;
      errors: string;
      testcase: Array<Record<string, unknown>>;
    }>;
    expect(suites.map((suite) => suite.name)).toEqual([
      "migrations/001_users.up.sql",
      "migrations/002_index.up.sql",
      "migrations/003_bad.up.sql",
    ]);
    expect(suites.map((suite) => [suite.tests, suite.failures, suite.errors])).toEqual([
      ["3", "0", "0"],
      ["3", "2", "0"],
      ["4", "0", "1"],
    ]);
    const failing = suites[1]!.testcase.filter((testCase) => testCase.failure !== undefined);
    expect(failing.map((testCase) => testCase.name)).toEqual([
      "general/require-concurrent-index-creation migrations/002_index.up.sql:2:1",
      "general/ban-drop-table migrations/002_index.up.sql:4:1",
    ]);
    expect(parsed.testsuites.tests).toBe("10");
  });
});

describe("text", () => {
  it("shows the code frame, the lock and what it blocks, help, and a summary line, without colours off a TTY", () => {
    const text = formatFindings(result, "text");
    expect(text.includes("\u001b[")).toBe(false);
    expect(text).toContain("migrations/002_index.up.sql");
    expect(text).toContain("> 2 | CREATE INDEX users_email");
    expect(text).toContain(">   3 |   ON users (email);".replace(">   3", "> 3"));
    expect(text).toMatch(/lock: ShareLock on users/);
    expect(text).toContain("help: Do something else.");
    expect(text).toContain("general/require-concurrent-index-creation");
    expect(text.trimEnd().split("\n").at(-1)).toMatch(
      /^✖ 3 problems \(2 errors, 1 warning, 0 infos\) in 3 files, 5 statements, \d+ ms$/,
    );
  });

  it("colours only when asked", () => {
    expect(formatFindings(result, "text", { color: true }).includes("\u001b[")).toBe(true);
  });
});
