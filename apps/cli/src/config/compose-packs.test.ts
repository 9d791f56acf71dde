import { composeLibraries, general, lint } from "@confiture/linting";
import { gdpr } from "@confiture/rules-gdpr";
import { hipaa } from "@confiture/rules-hipaa";
import { pci } from "@confiture/rules-pci";
import { sox } from "@confiture/rules-sox";
import { describe, expect, it } from "vitest";

describe("composing the general library with every compliance pack", () => {
  const libraries = [general, hipaa, gdpr, sox, pci];

  it("works with the default resolutions and records every shared rule id in the audit", () => {
    const composition = composeLibraries({ libraries });
    expect(composition.audit.libraries.map((library) => library.name)).toEqual(["general", "hipaa", "gdpr", "sox", "pci"]);
    expect(composition.audit.conflicts.every((conflict) => conflict.resolution === "warn" && conflict.winner === null)).toBe(
      true,
    );
    for (const conflict of composition.audit.conflicts.filter((entry) => entry.kind === "duplicate")) {
      expect(new Set(conflict.rules.map((rule) => rule.library)).size).toBe(conflict.rules.length);
    }
  });

  it("lints with all of them, and names each finding's library", async () => {
    const result = await lint({
      files: [
        {
          path: "20240101000000_audit.up.sql",
          source: "CREATE TABLE audit_log (id bigint PRIMARY KEY, note text);\nTRUNCATE audit_log;",
        },
      ],
      libraries,
    });
    expect(result.findings.filter((finding) => finding.ruleId === "rule-error")).toEqual([]);
    expect(new Set(result.findings.map((finding) => finding.library)).has("general")).toBe(true);
  });

  it("lets config pick one of two rules sharing an id with library/id", () => {
    const shared = composeLibraries({ libraries }).audit.conflicts.find((conflict) => conflict.kind === "duplicate");
    expect(shared).toBeDefined();
    const [first, second] = shared!.rules;
    const composition = composeLibraries({ libraries, rules: { [`${first!.library}/${first!.rule}`]: "off" } });
    const state = (library: string) =>
      composition.rules.find((rule) => rule.library === library && rule.id === first!.rule)?.enabled;
    expect(state(first!.library)).toBe(false);
    expect(state(second!.library)).toBe(true);
  });
});
