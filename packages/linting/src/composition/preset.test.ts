import { describe, expect, it } from "vitest";
import { general } from "../library/index.js";
import { composeLibraries } from "./composer.js";

const enabled = (preset?: "recommended" | "all") =>
  composeLibraries({ libraries: [general], ...(preset === undefined ? {} : { preset }) })
    .rules.filter((rule) => rule.enabled)
    .map((rule) => rule.id);

/** Issue 14: rules that are mostly noise on real projects are opt-in, as ESLint separates `recommended` from `all`. */
describe("presets", () => {
  const optIn = ["column-naming-convention", "index-naming-convention", "require-statement-timeout", "prefer-text-field"];

  it("leaves the opt-in rules out of recommended, the default", () => {
    for (const id of optIn) expect(enabled(), id).not.toContain(id);
    expect(enabled()).toContain("require-lock-timeout");
  });

  it("enables every rule that is not deprecated with preset all", () => {
    const all = enabled("all");
    for (const id of optIn) expect(all, id).toContain(id);
    const deprecated = Object.values(general.rules)
      .filter((rule) => rule.meta.deprecated !== undefined)
      .map((rule) => rule.id);
    for (const id of deprecated) expect(all).not.toContain(id);
    expect(all.length).toBeGreaterThan(enabled().length);
  });
});
