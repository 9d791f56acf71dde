import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import hipaa from "./index.js";

const rulesDirectory = join(import.meta.dirname, "rules");
const folders = readdirSync(rulesDirectory, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
const liveTest = readFileSync(join(import.meta.dirname, "live-rules.db.test.ts"), "utf8");

describe("the hipaa pack", () => {
  it("has at least the 15 rules of the original design, each mapped to a HIPAA control", () => {
    const rules = Object.values(hipaa.rules);
    expect(rules.length).toBeGreaterThanOrEqual(15);
    for (const rule of rules) {
      expect(rule.meta.compliance?.length, rule.id).toBeGreaterThan(0);
      expect(rule.meta.compliance?.every((control) => control.framework === "HIPAA" && /^45 CFR 164\./.test(control.control)), rule.id).toBe(true);
    }
  });

  it.each(folders)("rule %s has code, a README and tests", (folder) => {
    expect(existsSync(join(rulesDirectory, folder, "index.ts"))).toBe(true);
    expect(readFileSync(join(rulesDirectory, folder, "README.md"), "utf8")).toMatch(/## Bad[\s\S]*## Good[\s\S]*## How to comply/);
    const hasOwnTest = existsSync(join(rulesDirectory, folder, `${folder}.test.ts`));
    expect(hasOwnTest || liveTest.includes(`"${folder}"`), `${folder} needs ${folder}.test.ts or a case in live-rules.db.test.ts`).toBe(true);
    expect(hipaa.rules[folder]?.id).toBe(folder);
  });

  it("maps every seed rule of the original design in its README", () => {
    const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
    for (let seed = 1; seed <= 15; seed += 1) expect(readme).toContain(`hipaa_${String(seed).padStart(3, "0")}`);
  });
});
