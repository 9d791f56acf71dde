import { describe, expect, it } from "vitest";
import { kindRule, libraryOf } from "../__fixtures__/libraries.js";
import { lint } from "./lint.js";

/** Two packs that run the same check (one rule id, one building block), each citing its own control. */
const hipaa = libraryOf("hipaa", [kindRule("no-drop", "drop_table", { control: "164.312(b)" })]);
const pci = libraryOf("pci", [kindRule("no-drop", "drop_table", { control: "10.5.2" })]);
const files = [{ path: "m/001_a.up.sql", source: "DROP TABLE a;\nDROP TABLE b;" }];

describe("the same check from several libraries", () => {
  it("gives one finding per place, listing every library and every control", async () => {
    const result = await lint({ files, libraries: [hipaa, pci] });
    expect(result.findings.map((finding) => [finding.line, finding.libraries, finding.compliance])).toEqual([
      [
        1,
        ["hipaa", "pci"],
        [
          { framework: "HIPAA", control: "164.312(b)" },
          { framework: "HIPAA", control: "10.5.2" },
        ],
      ],
      [
        2,
        ["hipaa", "pci"],
        [
          { framework: "HIPAA", control: "164.312(b)" },
          { framework: "HIPAA", control: "10.5.2" },
        ],
      ],
    ]);
    expect(result.summary.errors).toBe(2);
  });

  it("keeps the shadowed library's control on the winner's finding under prefer-first and prefer-last", async () => {
    for (const conflictResolution of ["prefer-first", "prefer-last"] as const) {
      const result = await lint({ files, libraries: [hipaa, pci], config: { conflictResolution } });
      expect(result.findings).toHaveLength(2);
      expect(result.findings[0]?.compliance?.map((control) => control.control)).toEqual(["164.312(b)", "10.5.2"]);
    }
  });

  it("drops the control of a copy disabled in config", async () => {
    const result = await lint({ files, libraries: [hipaa, pci], config: { rules: { "pci/no-drop": "off" } } });
    expect(result.findings.map((finding) => [finding.library, finding.libraries, finding.compliance?.length])).toEqual([
      ["hipaa", undefined, 1],
      ["hipaa", undefined, 1],
    ]);
  });
});
