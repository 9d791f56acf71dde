import { describe, expect, it } from "vitest";
import { libraryOf } from "../__fixtures__/libraries.js";
import { defineRule } from "../define-rule.js";
import { formatFindings } from "../reporters/index.js";
import { lint } from "./lint.js";

const FINDINGS = 200_000;

/** Reports one finding per step at the end of the file: a volume no spread of arguments survives. */
const floodRule = defineRule({
  id: "flood",
  version: "1.0.0",
  meta: { description: "Disallow nothing in particular, many times.", severity: "warning", messages: { flood: "finding {{n}}" } },
  create: (context) => ({
    fileEnd() {
      for (let n = 0; n < FINDINGS; n++) context.report({ messageId: "flood", data: { n } });
    },
  }),
});

describe("lint with a very large number of findings", () => {
  it("keeps 200,000 findings of one file without overflowing the call stack, with and without suppressions", async () => {
    for (const source of ["SELECT 1;", "-- confiture-ignore-file some-other-rule\nSELECT 1;"]) {
      const result = await lint({ files: [{ path: "m/001_a.up.sql", source }], libraries: [libraryOf("test", [floodRule])] });
      expect(result.findings).toHaveLength(FINDINGS);
      expect(result.summary.warnings).toBe(FINDINGS);
      expect(JSON.parse(formatFindings(result, "json")).findings).toHaveLength(FINDINGS);
    }
  }, 60_000);
});
