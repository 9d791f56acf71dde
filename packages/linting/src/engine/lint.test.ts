import { describe, expect, it } from "vitest";
import { z } from "zod";
import { kindRule, libraryOf } from "../__fixtures__/libraries.js";
import { defineRule } from "../define-rule.js";
import { lintingEvents, type LintingTimingEvent } from "../events.js";
import type { SessionState, StatementVisit } from "../types.js";
import { lint } from "./lint.js";

/** A rule that records what it sees, to check the engine's view of each statement. */
function recorder() {
  const seen: Array<{
    file: string;
    text: string;
    session: SessionState;
    created: string[];
    tables: string[];
    pgVersion: number;
  }> = [];
  const ends: string[] = [];
  let schemaEnds = 0;
  const rule = defineRule({
    id: "recorder",
    version: "1.0.0",
    meta: { description: "Record statements.", severity: "info", messages: { seen: "seen" } },
    create: (context) => ({
      statement(visit: StatementVisit) {
        seen.push({
          file: context.file,
          text: visit.statement.text,
          session: visit.session,
          created: [...visit.createdInFile],
          tables: [...context.schema.tables.keys()],
          pgVersion: context.pgVersion,
        });
      },
      fileEnd: ({ file }) => void ends.push(file),
      schemaEnd: () => void schemaEnds++,
    }),
  });
  return { rule, seen, ends, schemaEnds: () => schemaEnds };
}

describe("lint", () => {
  it("replays files in migration order into one schema model, with session state and createdInFile", async () => {
    const { rule, seen, ends, schemaEnds } = recorder();
    await lint({
      files: [
        { path: "m/002_b.up.sql", source: "SET lock_timeout = '1s';\nCREATE INDEX i ON a (id);" },
        { path: "m/001_a.up.sql", source: "CREATE TABLE a (id int);\nALTER TABLE a ADD COLUMN b int;" },
      ],
      libraries: [libraryOf("test", [rule])],
      pgVersion: 13,
    });
    expect(seen.map((entry) => [entry.file, entry.text])).toEqual([
      ["m/001_a.up.sql", "CREATE TABLE a (id int)"],
      ["m/001_a.up.sql", "ALTER TABLE a ADD COLUMN b int"],
      ["m/002_b.up.sql", "SET lock_timeout = '1s'"],
      ["m/002_b.up.sql", "CREATE INDEX i ON a (id)"],
    ]);
    expect(seen[0]?.created).toEqual([]);
    expect(seen[1]?.created).toEqual(["a", "public.a"]);
    expect(seen[3]?.created).toEqual([]);
    expect(seen[0]?.tables).toEqual([]);
    expect(seen[3]?.tables).toEqual(["public.a"]);
    expect(seen[2]?.session.lockTimeoutSet).toBe(false);
    expect(seen[3]?.session).toMatchObject({ lockTimeoutSet: true, inTransaction: true, inExplicitTransaction: false });
    expect(seen.every((entry) => entry.pgVersion === 13)).toBe(true);
    expect(ends).toEqual(["m/001_a.up.sql", "m/002_b.up.sql"]);
    expect(schemaEnds()).toBe(1);
  });

  it("judges a column type change from the type the schema model knows", async () => {
    const rewrites: Array<[string, boolean]> = [];
    const rule = defineRule({
      id: "rewrites",
      version: "1.0.0",
      meta: { description: "Record rewrites.", severity: "info", messages: { seen: "seen" } },
      create: () => ({
        statement: ({ statement, analysis }) => {
          if (statement.kind === "alter_column_type") rewrites.push([statement.text, analysis.rewrite]);
        },
      }),
    });
    await lint({
      files: [
        { path: "001_a.up.sql", source: "CREATE TABLE t (name varchar(10), amount int);" },
        {
          path: "002_b.up.sql",
          source: "ALTER TABLE t ALTER COLUMN name TYPE text;\nALTER TABLE t ALTER COLUMN amount TYPE bigint;",
        },
      ],
      libraries: [libraryOf("test", [rule])],
    });
    expect(rewrites).toEqual([
      ["ALTER TABLE t ALTER COLUMN name TYPE text", false],
      ["ALTER TABLE t ALTER COLUMN amount TYPE bigint", true],
    ]);
  });

  it("honours the runner setting and the per-file transaction comment", async () => {
    const { rule, seen } = recorder();
    await lint({
      files: [
        { path: "001_a.up.sql", source: "SELECT 1;" },
        { path: "002_b.up.sql", source: "-- confiture: no-transaction\nSELECT 2;" },
      ],
      libraries: [libraryOf("test", [rule])],
      settings: { runnerWrapsInTransaction: true },
    });
    expect(seen.map((entry) => entry.session.inTransaction)).toEqual([true, false]);
    seen.length = 0;
    await lint({
      files: [{ path: "003_c.up.sql", source: "-- confiture: transaction\nSELECT 3;" }],
      libraries: [libraryOf("test", [rule])],
      config: { settings: { runnerWrapsInTransaction: false } },
    });
    expect(seen.map((entry) => entry.session.inTransaction)).toEqual([true]);
  });

  it("leaves a file with a non-transactional statement unwrapped when the runner detects them", async () => {
    const { rule, seen } = recorder();
    const files = [{ path: "001_a.up.sql", source: "SELECT 1;\nCREATE INDEX CONCURRENTLY i ON t (c);" }];
    await lint({ files, libraries: [libraryOf("test", [rule])] });
    expect(seen.map((entry) => entry.session.inTransaction)).toEqual([true, true]);
    seen.length = 0;
    await lint({ files, libraries: [libraryOf("test", [rule])], settings: { runnerDetectsNonTransactional: true } });
    expect(seen.map((entry) => entry.session.inTransaction)).toEqual([false, false]);
  });

  it("reports syntax errors as parse-error findings and keeps linting the rest of the file", async () => {
    const result = await lint({
      files: [{ path: "001.sql", source: "DROP TABLE a;\nSELEC oops;\nDROP TABLE b;" }],
      libraries: [libraryOf("test", [kindRule("no-drop", "drop_table")])],
    });
    expect(result.findings.map((finding) => [finding.ruleId, finding.library, finding.severity, finding.line])).toEqual([
      ["no-drop", "test", "error", 1],
      ["parse-error", "core", "error", 2],
      ["no-drop", "test", "error", 3],
    ]);
    expect(result.summary).toMatchObject({ files: 1, statements: 3, errors: 3, warnings: 0, infos: 0 });
  });

  it("turns a rule that throws into a rule-error finding naming the rule", async () => {
    const broken = defineRule({
      id: "broken",
      version: "1.0.0",
      meta: { description: "Break.", severity: "warning", messages: { never: "never" } },
      create: () => ({
        statement() {
          throw new Error("boom");
        },
      }),
    });
    const result = await lint({ files: [{ path: "001.sql", source: "SELECT 1;" }], libraries: [libraryOf("plugin", [broken])] });
    expect(result.findings).toMatchObject([{ ruleId: "rule-error", library: "core", severity: "error", line: 1 }]);
    expect(result.findings[0]?.message).toMatch(/plugin\/broken.*boom/);
  });

  it("fills messages, help, docs and compliance, and applies severity overrides per glob", async () => {
    const library = libraryOf("test", [kindRule("no-drop", "drop_table", { control: "164.312(c)(1)" })]);
    const result = await lint({
      files: [
        { path: "migrations/001.sql", source: "DROP TABLE a;" },
        { path: "legacy/002.sql", source: "DROP TABLE b;" },
        { path: "scratch/003.sql", source: "DROP TABLE c;" },
      ],
      libraries: [library],
      config: {
        overrides: [
          { files: ["legacy/**"], rules: { "no-drop": "warn" } },
          { files: ["scratch/*.sql"], rules: { "no-drop": "off" } },
        ],
      },
    });
    expect(result.findings.map((finding) => [finding.file, finding.severity])).toEqual([
      ["migrations/001.sql", "error"],
      ["legacy/002.sql", "warning"],
    ]);
    expect(result.findings[0]).toMatchObject({
      message: "Found a drop_table statement.",
      help: "Do something else.",
      docsUrl: "https://example.com/rules/no-drop",
      compliance: [{ framework: "HIPAA", control: "164.312(c)(1)" }],
      line: 1,
      column: 1,
    });
  });

  it("applies per-glob settings on top of the base settings, changing only what they name", async () => {
    const { rule, seen } = recorder();
    await lint({
      files: [
        { path: "a/001.sql", source: "SELECT 1;" },
        { path: "b/002.sql", source: "SELECT 2;" },
      ],
      libraries: [libraryOf("test", [rule])],
      config: {
        settings: { runnerWrapsInTransaction: false },
        overrides: [{ files: ["b/**"], settings: { runnerSetsLockTimeout: true } }],
      },
    });
    expect(seen.map((entry) => [entry.file, entry.session.inTransaction, entry.session.lockTimeoutSet])).toEqual([
      ["a/001.sql", false, false],
      ["b/002.sql", false, true],
    ]);
  });

  it("passes options per file from overrides", async () => {
    const rule = defineRule({
      id: "max-statements",
      version: "1.0.0",
      meta: {
        description: "Enforce a maximum of statements per file.",
        severity: "warning",
        messages: { tooMany: "{{count}} statements, at most {{max}}." },
        options: z.object({ max: z.number().default(1) }),
      },
      create: (context) => ({
        fileEnd({ statements }) {
          if (statements.length > context.options.max)
            context.report({ messageId: "tooMany", data: { count: statements.length, max: context.options.max } });
        },
      }),
    });
    const result = await lint({
      files: [
        { path: "a/001.sql", source: "SELECT 1; SELECT 2;" },
        { path: "b/002.sql", source: "SELECT 1; SELECT 2;" },
      ],
      libraries: [libraryOf("test", [rule])],
      config: { overrides: [{ files: ["b/**"], rules: { "max-statements": ["warn", { max: 5 }] } }] },
    });
    expect(result.findings.map((finding) => [finding.file, finding.message])).toEqual([
      ["a/001.sql", "2 statements, at most 1."],
    ]);
  });

  it("lints a down file against the schema its up file leaves, without replaying it", async () => {
    const { rule, seen } = recorder();
    await lint({
      files: [
        { path: "001_a.down.sql", source: "DROP TABLE a;" },
        { path: "001_a.up.sql", source: "CREATE TABLE a (id int);" },
        { path: "002_b.up.sql", source: "SELECT 1;" },
      ],
      libraries: [libraryOf("test", [rule])],
    });
    expect(seen.map((entry) => [entry.file, entry.tables])).toEqual([
      ["001_a.up.sql", []],
      ["001_a.down.sql", ["public.a"]],
      ["002_b.up.sql", ["public.a"]],
    ]);
  });

  it("measures the time of each rule when asked", async () => {
    const files = [{ path: "001.sql", source: "DROP TABLE a;" }];
    const library = libraryOf("test", [kindRule("no-drop", "drop_table"), kindRule("no-truncate", "truncate")]);
    expect((await lint({ files, libraries: [library] })).timings).toBeUndefined();
    const { timings } = await lint({ files, libraries: [library], timing: true });
    expect(timings?.map((entry) => entry.rule).sort()).toEqual(["no-drop", "no-truncate"]);
    expect(timings?.every((entry) => entry.ms >= 0 && entry.library === "test")).toBe(true);
  });

  it("emits a lint timing event", async () => {
    const events: LintingTimingEvent[] = [];
    const listener = (event: LintingTimingEvent) => events.push(event);
    lintingEvents.on("timing", listener);
    const result = await lint({ files: [{ path: "001.sql", source: "SELECT 1;" }], libraries: [] });
    lintingEvents.off("timing", listener);
    expect(events.filter((event) => event.operation === "lint")).toHaveLength(1);
    expect(result.summary.durationMs).toBeGreaterThanOrEqual(0);
  });
});
