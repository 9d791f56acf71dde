import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { defineLibrary } from "./define-library.js";
import { defineRule } from "./define-rule.js";
import { lint } from "./engine/lint.js";
import { general } from "./library/index.js";
import { ruleReadmes } from "./rule-readmes.js";

describe("rule docs", () => {
  it("links a general finding to the README the installed package carries, never a placeholder host", async () => {
    const result = await lint({
      files: [{ path: "0001_index.up.sql", source: "CREATE INDEX orders_total ON orders (total);" }],
      libraries: [general],
    });
    const finding = result.findings.find((candidate) => candidate.ruleId === "require-concurrent-index-creation");
    expect(finding?.docsUrl).toMatch(/^file:\/\/.*\/src\/rules\/require-concurrent-index-creation\/README\.md$/);
    const text = readFileSync(fileURLToPath(finding!.docsUrl!), "utf8");
    expect(text).toMatch(/^# require-concurrent-index-creation/m);
    const entry = result.rules.find((rule) => rule.id === "require-concurrent-index-creation");
    expect(entry?.meta.docs).toBe(finding?.docsUrl);
  });

  it("every general rule's docs link resolves to an existing file", () => {
    for (const rule of Object.values(general.rules)) {
      expect(rule.meta.docs, rule.id).toBeDefined();
      expect(existsSync(fileURLToPath(rule.meta.docs!)), rule.id).toBe(true);
    }
  });

  it("fills a rule's docs from its library when the rule's meta does not say", async () => {
    const rule = defineRule({
      id: "no-truncate",
      version: "1.0.0",
      meta: { description: "Disallow TRUNCATE", severity: "error", messages: { no: "no" } },
      create: (context) => ({ statement: () => context.report({ messageId: "no" }) }),
    });
    const library = defineLibrary({ name: "acme", version: "1.0.0", rules: [rule], docs: ruleReadmes("/opt/acme") });
    const result = await lint({
      files: [{ path: "a.sql", source: "TRUNCATE t;" }],
      libraries: [library],
      config: { useGeneral: false },
    });
    expect(result.findings[0]?.docsUrl).toBe("file:///opt/acme/src/rules/no-truncate/README.md");
  });
});
