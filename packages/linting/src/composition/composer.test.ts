import { describe, expect, it } from "vitest";
import { kindRule, libraryOf, nameLengthRule } from "../__fixtures__/libraries.js";
import type { ConflictResolution } from "../config.js";
import { defineRule } from "../define-rule.js";
import { CompositionConflictError, RemovedRuleError, RuleOptionsError, UnknownRuleError } from "../errors.js";
import { lintingEvents, type LintingTimingEvent } from "../events.js";
import { composeLibraries } from "./composer.js";
import type { ConflictKind } from "./types.js";

const enabledIds = (composition: ReturnType<typeof composeLibraries>) =>
  composition.rules.filter((rule) => rule.enabled).map((rule) => `${rule.library}/${rule.id}`);

/** Two libraries whose rules conflict in the given way. */
function conflicting(kind: ConflictKind) {
  if (kind === "duplicate") {
    return [libraryOf("first", [kindRule("no-drop", "drop_table")]), libraryOf("second", [kindRule("no-drop", "drop_table")])];
  }
  if (kind === "incompatible") {
    return [
      libraryOf("first", [kindRule("cascade-required", "add_foreign_key", { conflictsWith: ["no-cascade"] })]),
      libraryOf("second", [kindRule("no-cascade", "add_foreign_key")]),
    ];
  }
  return [
    libraryOf("first", [kindRule("require-concurrent", "create_index", { squawk: "require-concurrent-index-creation" })]),
    libraryOf("second", [kindRule("index-concurrently", "create_index", { squawk: "require-concurrent-index-creation" })]),
  ];
}

const names: Record<ConflictKind, [string, string]> = {
  duplicate: ["first/no-drop", "second/no-drop"],
  incompatible: ["first/cascade-required", "second/no-cascade"],
  overlap: ["first/require-concurrent", "second/index-concurrently"],
};

describe("composeLibraries conflicts", () => {
  for (const kind of ["duplicate", "incompatible", "overlap"] as const) {
    const [first, last] = names[kind];
    it(`${kind} + error throws naming both rules`, () => {
      const attempt = () => composeLibraries({ libraries: conflicting(kind), conflictResolution: { [kind]: "error" } });
      expect(attempt).toThrow(CompositionConflictError);
      expect(attempt).toThrow(new RegExp(`${kind} conflict between ${first}, ${last}`));
    });

    const outcomes: Array<[ConflictResolution, string[], string | null]> = [
      ["warn", [first, last], null],
      ["prefer-first", [first], first],
      ["prefer-last", [last], last],
    ];
    for (const [resolution, kept, winner] of outcomes) {
      it(`${kind} + ${resolution} keeps ${kept.join(" and ")}`, () => {
        const composition = composeLibraries({ libraries: conflicting(kind), conflictResolution: { [kind]: resolution } });
        expect(enabledIds(composition)).toEqual(kept);
        expect(composition.audit.conflicts).toHaveLength(1);
        const conflict = composition.audit.conflicts[0]!;
        expect(conflict.kind).toBe(kind);
        expect(conflict.resolution).toBe(resolution);
        expect(conflict.winner === null ? null : `${conflict.winner.library}/${conflict.winner.rule}`).toBe(winner);
        expect(conflict.rules.map((rule) => `${rule.library}/${rule.rule}`)).toEqual([first, last]);
        expect(composition.warnings.some((warning) => warning.includes(kind))).toBe(resolution === "warn");
      });
    }
  }

  it("detects an overlap on the same compliance control, but not inside one library", () => {
    const a = kindRule("audit-trigger", "create_table", { control: "164.312(b)" });
    const b = kindRule("pgaudit-grant", "create_table", { control: "164.312(b)" });
    expect(composeLibraries({ libraries: [libraryOf("hipaa", [a, b])] }).audit.conflicts).toEqual([]);
    const across = composeLibraries({
      libraries: [libraryOf("hipaa", [a]), libraryOf("extra", [b])],
      conflictResolution: "prefer-first",
    });
    expect(across.audit.conflicts[0]?.detail).toMatch(/164\.312\(b\)/);
    expect(enabledIds(across)).toEqual(["hipaa/audit-trigger"]);
  });

  it("ignores conflicts with a rule that is disabled", () => {
    const composition = composeLibraries({ libraries: conflicting("incompatible"), rules: { "no-cascade": "off" } });
    expect(composition.audit.conflicts).toEqual([]);
    expect(enabledIds(composition)).toEqual(["first/cascade-required"]);
  });

  it("emits composition and conflict-detection timings", () => {
    const events: LintingTimingEvent[] = [];
    const listener = (event: LintingTimingEvent) => events.push(event);
    lintingEvents.on("timing", listener);
    composeLibraries({ libraries: conflicting("overlap") });
    lintingEvents.off("timing", listener);
    expect(events.map((event) => event.operation).sort()).toEqual([
      "rule_composition",
      "rule_conflict_detection",
      "rule_conflict_detection",
    ]);
    expect(events.every((event) => event.durationMs >= 0)).toBe(true);
  });
});

describe("composeLibraries overrides", () => {
  const library = libraryOf("general", [kindRule("no-drop", "drop_table"), nameLengthRule]);

  it("overrides severity and options, disables, and records each in the audit", () => {
    const composition = composeLibraries({
      libraries: [library],
      rules: { "no-drop": "warn", "general/table-name-length": ["error", { max: 3 }] },
    });
    const byId = new Map(composition.rules.map((rule) => [rule.id, rule]));
    expect(byId.get("no-drop")?.severity).toBe("warning");
    expect(byId.get("table-name-length")?.options).toEqual({ max: 3 });
    expect(composition.audit.overridden).toEqual([
      { rule: "no-drop", library: "general", severity: { from: "error", to: "warning" }, options: false },
      { rule: "table-name-length", library: "general", severity: { from: "warning", to: "error" }, options: true },
    ]);
    const disabled = composeLibraries({ libraries: [library], rules: { "no-drop": "off" } });
    expect(disabled.audit.disabled).toEqual([{ rule: "no-drop", library: "general", reason: "config" }]);
    expect(disabled.audit.libraries).toEqual([{ name: "general", version: "1.0.0" }]);
  });

  it("fills option defaults and refuses invalid options naming the rule and the key", () => {
    const composition = composeLibraries({ libraries: [library] });
    expect(composition.rules.find((rule) => rule.id === "table-name-length")?.options).toEqual({ max: 10 });
    expect(() => composeLibraries({ libraries: [library], rules: { "table-name-length": ["warn", { max: -1 }] } })).toThrow(
      RuleOptionsError,
    );
    expect(() => composeLibraries({ libraries: [library], rules: { "table-name-length": ["warn", { max: -1 }] } })).toThrow(
      /table-name-length.*max/,
    );
  });

  it("refuses an unknown rule with a suggestion", () => {
    const attempt = () => composeLibraries({ libraries: [library], rules: { "no-drops": "error" } });
    expect(attempt).toThrow(UnknownRuleError);
    expect(attempt).toThrow(/did you mean "no-drop"/);
  });
});

describe("versioning", () => {
  const replacement = kindRule("require-lock-timeout", "create_index");
  const deprecated = defineRule({
    id: "require-timeouts",
    version: "1.0.0",
    meta: {
      description: "Require timeouts.",
      severity: "warning",
      messages: { missing: "Missing." },
      deprecated: { since: "1.4.0", replacedBy: "require-lock-timeout" },
      removed: {
        in: "3.0.0",
        migrationPath: 'replace "require-timeouts" with "require-lock-timeout" and "require-statement-timeout"',
      },
    },
    create: () => ({}),
  });

  it("leaves a deprecated rule off by default, and warns naming the replacement when enabled", () => {
    const library = libraryOf("general", [replacement, deprecated], "2.0.0");
    expect(composeLibraries({ libraries: [library] }).warnings).toEqual([]);
    const composition = composeLibraries({ libraries: [library], rules: { "require-timeouts": "warn" } });
    expect(composition.warnings[0]).toMatch(
      /deprecated since 1\.4\.0; use "require-lock-timeout" instead \(it will be removed in 3\.0\.0\)/,
    );
    expect(composition.audit.deprecations).toMatchObject([
      { rule: "require-timeouts", since: "1.4.0", replacedBy: "require-lock-timeout" },
    ]);
  });

  it("fails when the config enables a removed rule, naming the migration path", () => {
    const library = libraryOf("general", [replacement, deprecated], "3.0.0");
    const composition = composeLibraries({ libraries: [library] });
    expect(composition.audit.disabled).toContainEqual({ rule: "require-timeouts", library: "general", reason: "removed" });
    const attempt = () => composeLibraries({ libraries: [library], rules: { "require-timeouts": "error" } });
    expect(attempt).toThrow(RemovedRuleError);
    expect(attempt).toThrow(/removed from library "general" in 3\.0\.0: replace "require-timeouts" with "require-lock-timeout"/);
    expect(() => composeLibraries({ libraries: [library], rules: { "require-timeouts": "off" } })).not.toThrow();
  });

  it("refuses a library object that needs another engine major", () => {
    const future = { ...libraryOf("future", [replacement]), engine: "^2.0.0" };
    expect(() => composeLibraries({ libraries: [future] })).toThrow(/needs rule engine \^2\.0\.0/);
  });
});
