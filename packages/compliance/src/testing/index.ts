import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Finding, type Library, type LiveDatabase, lint } from "@confiture/linting";
import { describe, expect, it } from "vitest";

/** What a pack promises about its own structure. */
export interface PackExpectations {
  /** The pack's package directory (where README.md and src/ are). */
  packageDirectory: string;
  framework: string;
  /** Every control id of the pack must match. */
  controlPattern: RegExp;
  /** The original design's seed ids the README must map (e.g. hipaa_001..hipaa_015). */
  seeds: string[];
  minimumRules: number;
  /** A test file that covers the live rules (their ids as quoted strings). */
  liveTestFile?: string;
}

/**
 * Declares the structure tests every compliance pack shares: enough rules, each mapped to a control
 * of the framework, a folder per rule with code, README (bad, good, how to comply) and tests, and a
 * README mapping every seed rule of the original design.
 */
export function describePackStructure(library: Library, expectations: PackExpectations): void {
  const rulesDirectory = join(expectations.packageDirectory, "src", "rules");
  const folders = readdirSync(rulesDirectory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const liveTest = expectations.liveTestFile ? readFileSync(expectations.liveTestFile, "utf8") : "";

  describe(`the ${library.name} pack`, () => {
    it(`has at least ${expectations.minimumRules} rules, each mapped to a ${expectations.framework} control`, () => {
      const rules = Object.values(library.rules);
      expect(rules.length).toBeGreaterThanOrEqual(expectations.minimumRules);
      for (const rule of rules) {
        expect(rule.meta.compliance?.length, rule.id).toBeGreaterThan(0);
        for (const control of rule.meta.compliance ?? []) {
          expect(control.framework, rule.id).toBe(expectations.framework);
          expect(control.control, rule.id).toMatch(expectations.controlPattern);
        }
      }
      expect(folders.sort()).toEqual(Object.keys(library.rules).sort());
    });

    it.each(folders)("rule %s has code, a README and tests", (folder) => {
      expect(existsSync(join(rulesDirectory, folder, "index.ts"))).toBe(true);
      expect(readFileSync(join(rulesDirectory, folder, "README.md"), "utf8")).toMatch(
        /## Bad[\s\S]*## Good[\s\S]*## How to comply/,
      );
      const ownTest = existsSync(join(rulesDirectory, folder, `${folder}.test.ts`));
      expect(ownTest || liveTest.includes(`"${folder}"`), `${folder} needs ${folder}.test.ts or a case in the live test`).toBe(
        true,
      );
    });

    it("maps every seed rule of the original design in its README", () => {
      const readme = readFileSync(join(expectations.packageDirectory, "README.md"), "utf8");
      for (const seed of expectations.seeds) expect(readme, seed).toContain(seed);
    });
  });
}

/** Seed ids `prefix001` .. `prefixNNN`. */
export function seedIds(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${String(index + 1).padStart(3, "0")}`);
}

/** Runs only the given live rules of a library against a database and returns their findings. */
export async function liveFindings(library: Library, database: LiveDatabase, ruleIds: readonly string[]): Promise<Finding[]> {
  const rules = Object.fromEntries(Object.keys(library.rules).map((id) => [id, ruleIds.includes(id) ? "error" : "off"] as const));
  const result = await lint({ files: [], libraries: [library], config: { useGeneral: false, rules }, database });
  return result.findings;
}

/** A server setting as pg_settings shows it. */
export async function serverSetting(database: LiveDatabase, name: string): Promise<string | undefined> {
  const result = await database.query<{ setting: string }>("SELECT setting FROM pg_settings WHERE name = $1", [name]);
  return result.rows[0]?.setting;
}
