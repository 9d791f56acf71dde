import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineLibrary, isLibrary, toLibrary } from "./define-library.js";
import { defineRule, isRule, type RuleDefinition } from "./define-rule.js";
import { ENGINE_VERSION } from "./engine-version.js";
import { EngineIncompatibleError, LibraryDefinitionError, RuleDefinitionError } from "./errors.js";
import { formatMessage } from "./messages.js";

const base = {
  version: "1.0.0",
  meta: { description: "Disallow things.", severity: "error" as const, messages: { bad: "Bad {{thing}}." } },
  create: () => ({}),
};

describe("defineRule", () => {
  it("returns a frozen rule recognised across copies", () => {
    const rule = defineRule({ id: "no-things", ...base });
    expect(isRule(rule)).toBe(true);
    expect(Object.isFrozen(rule)).toBe(true);
    expect(isRule({ ...rule })).toBe(false);
  });

  it.each([
    [{ id: "NoThings", ...base }, /kebab-case/],
    [{ id: "no-things", ...base, version: "1.0" }, /semver/],
    [{ id: "no-things", ...base, meta: { ...base.meta, severity: "fatal" as "error" } }, /severity/],
    [{ id: "no-things", ...base, meta: { ...base.meta, messages: {} } }, /at least one message/],
    [{ id: "no-things", ...base, meta: { ...base.meta, deprecated: { since: "soon" } } }, /deprecated.since/],
    [{ id: "no-things", ...base, meta: { ...base.meta, removed: { in: "2.0.0", migrationPath: "" } } }, /migrationPath/],
  ])("refuses a malformed rule (%#)", (definition, message) => {
    const attempt = () => defineRule(definition as RuleDefinition<z.ZodUndefined, string>);
    expect(attempt).toThrow(message);
    expect(attempt).toThrow(RuleDefinitionError);
  });

  it("accepts namespaced ids and infers options from the zod schema", () => {
    const rule = defineRule({
      id: "hipaa/phi-needs-rls",
      version: "0.1.0",
      meta: { ...base.meta, options: z.object({ tables: z.array(z.string()).default([]) }) },
      create: (context) => {
        const tables: string[] = context.options.tables;
        return { fileEnd: () => void tables.length };
      },
    });
    expect(rule.id).toBe("hipaa/phi-needs-rls");
  });
});

describe("defineLibrary", () => {
  const active = defineRule({ id: "active", ...base });
  const deprecated = defineRule({
    id: "old",
    ...base,
    meta: { ...base.meta, deprecated: { since: "1.1.0", replacedBy: "active" } },
  });
  const optIn = defineRule({ id: "opt-in", ...base, meta: { ...base.meta, recommended: false } });
  const removed = defineRule({
    id: "gone",
    ...base,
    meta: { ...base.meta, removed: { in: "2.0.0", migrationPath: "use active" } },
  });

  it("computes recommended from meta, never by hand", () => {
    const library = defineLibrary({ name: "demo", version: "2.0.0", rules: { active, deprecated, optIn, removed } });
    expect(library.recommended).toEqual(["active"]);
    expect(library.engine).toBe(`^${ENGINE_VERSION.split(".")[0]}`);
    expect(isLibrary(library)).toBe(true);
  });

  it("keeps a rule scheduled for removal in a later version recommended", () => {
    const library = defineLibrary({ name: "demo", version: "1.5.0", rules: [active, removed] });
    expect(library.recommended).toEqual(["active", "gone"]);
  });

  it("refuses duplicate ids, bad names and versions", () => {
    expect(() => defineLibrary({ name: "demo", version: "1.0.0", rules: [active, active] })).toThrow(/two rules/);
    expect(() => defineLibrary({ name: "Demo Library", version: "1.0.0", rules: [] })).toThrow(LibraryDefinitionError);
    expect(() => defineLibrary({ name: "demo", version: "one", rules: [] })).toThrow(/semver/);
  });

  it("refuses a library that needs another engine major, naming both", () => {
    const attempt = () => defineLibrary({ name: "future", version: "1.0.0", engine: "^2", rules: [] });
    expect(attempt).toThrow(EngineIncompatibleError);
    expect(attempt).toThrow(/needs rule engine \^2.*provides engine 1\./);
  });

  it("turns a hand-written library object into a checked library", () => {
    const plain = { name: "plain", version: "1.0.0", rules: { x: { id: "x", ...base } } };
    const library = toLibrary(plain);
    expect(isLibrary(library)).toBe(true);
    expect(isRule(library.rules.x)).toBe(true);
    expect(() => toLibrary({ name: "plain" })).toThrow(LibraryDefinitionError);
  });
});

describe("formatMessage", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(formatMessage("Bad {{thing}} in {{ table }} ({{missing}})", { thing: "index", table: "users" })).toBe(
      "Bad index in users ({{missing}})",
    );
  });
});
