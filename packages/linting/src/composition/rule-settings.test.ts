import { describe, expect, it } from "vitest";
import { z } from "zod";
import { libraryOf } from "../__fixtures__/libraries.js";
import { defineRule } from "../define-rule.js";
import { composeLibraries } from "./composer.js";
import { defaultRuleOptions } from "./rule-settings.js";

const withDefaults = defineRule({
  id: "max-length",
  version: "1.0.0",
  meta: {
    description: "Enforce a maximum length",
    severity: "warning",
    messages: { long: "too long" },
    options: z.object({ max: z.number().default(63) }),
  },
  create: () => ({}),
});

const required = defineRule({
  id: "pattern",
  version: "1.0.0",
  meta: {
    description: "Enforce a pattern",
    severity: "warning",
    messages: { bad: "bad" },
    options: z.object({ pattern: z.string() }),
  },
  create: () => ({}),
});

describe("rule options when the config gives none", () => {
  it("are the schema's defaults, or undefined when the schema needs a value", () => {
    expect(defaultRuleOptions({ rule: withDefaults })).toEqual({ max: 63 });
    expect(defaultRuleOptions({ rule: required })).toBeUndefined();
  });

  it("stay filled when the rule is set with a bare level", () => {
    const composition = composeLibraries({ libraries: [libraryOf("demo", [withDefaults])], rules: { "max-length": "error" } });
    const rule = composition.rules.find((composed) => composed.id === "max-length");
    expect(rule).toMatchObject({ enabled: true, severity: "error", options: { max: 63 } });
  });
});
