import { describe, expect, it } from "vitest";
import { base, lintIn, plugin, project } from "./lint-fixtures.js";
import { memoryIo } from "../io.js";
import { run } from "../main.js";
describe("confiture lint", () => {
  it("lints the migrations directory by default and exits 0 with only warnings", async () => {
    const directory = await project(base);
    const { code, out } = await lintIn(directory, ["--format", "json"]);
    expect(code).toBe(0);
    const parsed = JSON.parse(out);
    expect(parsed.summary).toMatchObject({ files: 2, statements: 2, errors: 0, warnings: 1 });
    expect(parsed.findings[0]).toMatchObject({
      ruleId: "no-truncate",
      library: "acme",
      file: "migrations/002_b.up.sql",
      line: 1,
    });
    expect(parsed.audit.libraries).toEqual([{ name: "acme", version: "2.1.0" }]);
  });

  it("composes the general library first by default", async () => {
    const directory = await project({ "migrations/001_a.up.sql": "SET lock_timeout = '1s';\nDROP TABLE users;\n" });
    const { code, out } = await lintIn(directory, ["--format", "json"]);
    const parsed = JSON.parse(out);
    expect(parsed.audit.libraries.map((library: { name: string }) => library.name)).toEqual(["general"]);
    expect(parsed.findings).toContainEqual(expect.objectContaining({ ruleId: "ban-drop-table", library: "general", line: 2 }));
    expect(code).toBe(parsed.summary.errors > 0 ? 1 : 0);
    const rules = memoryIo({ cwd: directory });
    await run(["rules", "--format", "json"], rules);
    expect(JSON.parse(rules.out()).rules.length).toBeGreaterThanOrEqual(50);
  });

  it("exits 1 on errors, and when warnings exceed --max-warnings", async () => {
    const directory = await project({ ...base, "migrations/003_c.up.sql": "DROP TABLE a;\n" });
    expect((await lintIn(directory, [])).code).toBe(1);
    const clean = await project(base);
    expect((await lintIn(clean, ["--max-warnings", "1"])).code).toBe(0);
    const over = await lintIn(clean, ["--max-warnings", "0"]);
    expect(over.code).toBe(1);
    expect(over.err).toMatch(/1 warnings exceed --max-warnings 0/);
  });

  it("takes files, globs and stdin, and --rule overrides", async () => {
    const directory = await project(base);
    const glob = await lintIn(directory, ["migrations/*_b.up.sql", "--format", "json", "--rule", "no-truncate=error"]);
    expect(glob.code).toBe(1);
    expect(JSON.parse(glob.out).findings.map((finding: { severity: string }) => finding.severity)).toEqual(["error"]);
    const stdin = await lintIn(
      directory,
      ["-", "--format", "json"],
      "DROP TABLE x;\n-- squawk-ignore ban-drop-table\nDROP TABLE y;",
    );
    expect(
      JSON.parse(stdin.out).findings.map((finding: { file: string; line: number }) => `${finding.file}:${finding.line}`),
    ).toEqual(["<stdin>:1"]);
    const unused = await lintIn(
      directory,
      ["-", "--format", "json", "--report-unused-suppressions"],
      "-- confiture-ignore-next-line no-drop\nSELECT 1;",
    );
    expect(JSON.parse(unused.out).findings.map((finding: { ruleId: string }) => finding.ruleId)).toEqual(["unused-suppression"]);
    const off = await lintIn(directory, ["migrations/002_b.up.sql", "--rule", "no-truncate=off", "--format", "json"]);
    expect(JSON.parse(off.out).findings).toEqual([]);
  });

  it("prints rule timings to stderr with CONFITURE_TIMING", async () => {
    const directory = await project(base);
    const io = memoryIo({ cwd: directory, env: { CONFITURE_TIMING: "1" } });
    await run(["lint", "--format", "json"], io);
    expect(io.err()).toMatch(/slowest rules \(CONFITURE_TIMING\):\n\s+\d+\.\d ms {2}acme\/no-/);
    expect(JSON.parse(io.out()).findings).toHaveLength(1);
  });

  it("loads --library packages from the project like ESLint plugins", async () => {
    const directory = await project({ ...base, "confiture.config.json": JSON.stringify({ lint: { useGeneral: false } }) });
    const { code, out } = await lintIn(directory, ["migrations", "--library", "confiture-plugin-acme", "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out).findings).toHaveLength(1);
  });

  it("takes library objects imported by a TypeScript config", async () => {
    const directory = await project({
      ...base,
      "rules/acme.mjs": plugin,
      "confiture.config.json": "",
      "confiture.config.ts":
        'import acme from "./rules/acme.mjs";\nexport default { lint: { useGeneral: false, libraries: [acme], rules: { "no-truncate": "error" } } };\n',
    });
    const { code, out } = await lintIn(directory, ["--format", "json"]);
    expect(code).toBe(1);
    expect(JSON.parse(out).findings).toMatchObject([{ ruleId: "no-truncate", library: "acme", severity: "error" }]);
  });

  it("prints sarif, github and junit", async () => {
    const directory = await project(base);
    const sarif = JSON.parse((await lintIn(directory, ["--format", "sarif"])).out);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("migrations/002_b.up.sql");
    expect((await lintIn(directory, ["--format", "github"])).out).toMatch(/^::warning file=migrations\/002_b\.up\.sql,line=1,/);
    expect((await lintIn(directory, ["--format", "junit"])).out).toMatch(/<testsuites name="confiture lint"/);
  });

  it("exits 2 for usage and configuration mistakes", async () => {
    const directory = await project(base);
    const unknown = await lintIn(directory, ["--rule", "no-trunc=error"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown rule "no-trunc" \(did you mean "no-truncate"\?\)/);
    expect((await lintIn(directory, ["--rule", "no-truncate"])).code).toBe(2);
    expect((await lintIn(directory, ["--pg-version", "9"])).code).toBe(2);
    expect((await lintIn(directory, ["missing.sql"])).code).toBe(2);
    expect((await lintIn(directory, ["--format", "xml"])).code).toBe(2);
    const badConfig = await project({
      ...base,
      "confiture.config.json": JSON.stringify({ lint: { rules: { "no-drop": "loud" } } }),
    });
    const bad = await lintIn(badConfig, []);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/lint\.rules\.no-drop/);
  });
});

describe("confiture rules", () => {
  it("lists rules and the audit trail as JSON", async () => {
    const directory = await project(base);
    const io = memoryIo({ cwd: directory });
    expect(await run(["rules", "--format", "json", "--rule", "no-truncate=error"], io)).toBe(0);
    const parsed = JSON.parse(io.out());
    expect(parsed.rules).toEqual([
      expect.objectContaining({
        id: "no-drop",
        library: "acme",
        version: "1.0.0",
        severity: "error",
        enabled: true,
        deprecated: false,
        replacedBy: null,
        equivalents: { squawk: "ban-drop-table" },
      }),
      expect.objectContaining({ id: "no-truncate", severity: "error", enabled: true, compliance: [] }),
    ]);
    expect(parsed.audit).toMatchObject({
      libraries: [{ name: "acme", version: "2.1.0" }],
      overridden: [{ rule: "no-truncate", library: "acme", severity: { from: "warning", to: "error" }, options: false }],
      conflicts: [],
      disabled: [],
    });
  });

  it("prints a table with the audit", async () => {
    const directory = await project(base);
    const io = memoryIo({ cwd: directory });
    expect(await run(["rules", "--rule", "no-drop=off"], io)).toBe(0);
    expect(io.out()).toMatch(/^RULE\s+LIBRARY\s+VERSION\s+SEVERITY\s+ENABLED/);
    expect(io.out()).toMatch(/no-drop\s+acme\s+1\.0\.0\s+error\s+no\s+ban-drop-table/);
    expect(io.out()).toContain("libraries: acme@2.1.0 (engine 1.0.0)");
  });
});
