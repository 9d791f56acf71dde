import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { alerts, stateEvents } from "@confiture/hooks";
import { describe, expect, it } from "vitest";

/** The source of the packages that fire events and alerts (not their tests). */
async function sources(directory: string): Promise<string> {
  const names = (await readdir(directory, { recursive: true })).filter(
    (name) => name.endsWith(".ts") && !name.endsWith(".test.ts") && !name.includes("__fixtures__"),
  );
  return (await Promise.all(names.map((name) => readFile(join(directory, name), "utf8")))).join("\n");
}

/** Issue 13 defect 6: no event or alert name that nothing fires is presented as a feature. */
describe("the state events and alerts of @confiture/hooks", () => {
  it("are each fired by Confiture, or documented in the hooks README as fired by users only", async () => {
    const root = join(import.meta.dirname, "..", "..");
    const fired = (await sources(join(root, "migrate", "src"))) + (await sources(join(root, "performance", "src")));
    const readme = await readFile(join(root, "hooks", "README.md"), "utf8");
    const userOnly = readme.slice(readme.indexOf("**Nothing in\nConfiture fires**"), readme.indexOf("one vocabulary"));
    expect(userOnly.length).toBeGreaterThan(0);
    for (const name of [...stateEvents, ...alerts]) {
      const firedHere =
        fired.includes(`"${name}"`) || (name === "performance_degraded" && fired.includes("PERFORMANCE_DEGRADED"));
      const documented = userOnly.includes(`\`${name}\``);
      expect(
        firedHere !== documented,
        `${name}: fired by Confiture (${firedHere}) xor documented as user-fired (${documented})`,
      ).toBe(true);
    }
  });
});
