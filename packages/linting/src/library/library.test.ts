import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { rules } from "../rules/index.js";
import { general } from "./index.js";

const rulesDirectory = join(dirname(fileURLToPath(import.meta.url)), "..", "rules");
const folders = readdirSync(rulesDirectory).filter((entry) => statSync(join(rulesDirectory, entry)).isDirectory());

/** Every rule squawk 2.66 ships, except unused-ignore (the engine's own) and require-timeout-settings (the two timeout rules). */
const SQUAWK_RULES = [
  "adding-field-with-default",
  "adding-foreign-key-constraint",
  "adding-not-nullable-field",
  "adding-required-field",
  "adding-serial-primary-key-field",
  "ban-alter-domain-with-add-constraint",
  "ban-char-field",
  "ban-concurrent-index-creation-in-transaction",
  "ban-create-domain-with-constraint",
  "ban-duplicate-column-assignments",
  "ban-drop-column",
  "ban-drop-database",
  "ban-drop-not-null",
  "ban-drop-table",
  "ban-truncate-cascade",
  "ban-uncommitted-transaction",
  "changing-column-type",
  "constraint-missing-not-valid",
  "disallowed-unique-constraint",
  "identifier-too-long",
  "prefer-bigint-over-int",
  "prefer-bigint-over-smallint",
  "prefer-identity",
  "prefer-repack",
  "prefer-robust-stmts",
  "prefer-text-field",
  "prefer-timestamp-tz",
  "renaming-column",
  "renaming-table",
  "require-concurrent-index-creation",
  "require-concurrent-index-deletion",
  "require-concurrent-partition-detach",
  "require-concurrent-reindex",
  "require-enum-value-ordering",
  "require-lock-timeout",
  "require-statement-timeout",
  "require-table-schema",
  "transaction-nesting",
];

describe("the general library", () => {
  it("has at least 50 rules, one folder each, with index.ts, README.md and a test file", () => {
    expect(folders.length).toBeGreaterThanOrEqual(50);
    for (const folder of folders) {
      const files = readdirSync(join(rulesDirectory, folder));
      expect(files, folder).toContain("index.ts");
      expect(files, folder).toContain("README.md");
      expect(files, folder).toContain(`${folder}.test.ts`);
    }
  });

  it("maps every folder to the rule with the same id, in alphabetical order", () => {
    expect(Object.keys(rules)).toEqual([...folders].sort());
    for (const [id, rule] of Object.entries(rules)) expect(rule.id).toBe(id);
    expect(Object.keys(general.rules).sort()).toEqual(folders.sort());
  });

  it("documents every rule with what it flags, why, a bad and a good example and how to fix", () => {
    for (const folder of folders) {
      const readme = readFileSync(join(rulesDirectory, folder, "README.md"), "utf8");
      expect(readme.startsWith(`# ${folder}\n`), folder).toBe(true);
      for (const section of ["## What it flags", "## Why", "## Bad", "## Good", "## How to fix"])
        expect(readme, `${folder}: ${section}`).toContain(section);
    }
  });

  it("gives every rule a description starting with Require, Disallow, Prefer or Enforce, and a docs link", () => {
    for (const rule of Object.values(rules)) {
      expect(rule.meta.description, rule.id).toMatch(/^(Require|Disallow|Prefer|Enforce) /);
      expect(rule.meta.docs, rule.id).toContain(`/rules/${rule.id}/README.md`);
    }
  });

  it("covers every squawk rule with a rule that declares it as its equivalent", () => {
    const covered = new Set(
      Object.values(rules).flatMap((rule) => (rule.meta.equivalents?.squawk === undefined ? [] : [rule.meta.equivalents.squawk])),
    );
    expect(SQUAWK_RULES.filter((name) => !covered.has(name))).toEqual([]);
    for (const name of SQUAWK_RULES.filter((name) => name !== "adding-serial-primary-key-field"))
      expect(rules[name]?.meta.equivalents?.squawk, name).toBe(name);
  });

  it("computes the recommended set from meta: opt-in rules are left out", () => {
    expect(general.recommended).not.toContain("require-table-schema");
    expect(general.recommended).not.toContain("no-text-in-indexes");
    expect(general.recommended).toContain("require-concurrent-index-creation");
    expect(general.recommended.length).toBe(Object.values(rules).filter((rule) => rule.meta.recommended !== false).length);
  });
});
