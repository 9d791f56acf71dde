import { describe, expect, it } from "vitest";
import { parseExplain } from "./explain.js";

const plan = [
  {
    Plan: {
      "Node Type": "Sort",
      "Sort Space Type": "Disk",
      "Sort Space Used": 2048,
      "Plan Rows": 1000,
      "Actual Rows": 50000,
      "Actual Loops": 1,
      "Shared Hit Blocks": 10,
      "Shared Read Blocks": 300,
      "Temp Written Blocks": 256,
      Plans: [{ "Node Type": "Seq Scan", "Relation Name": "orders", "Plan Rows": 1000, "Actual Rows": 50000, "Actual Loops": 1 }],
    },
    "Planning Time": 0.2,
    "Execution Time": 41.5,
  },
];

describe("parseExplain", () => {
  it("turns a plan into facts", () => {
    const facts = parseExplain(plan);
    expect(facts).toMatchObject({
      executionTimeMs: 41.5,
      planningTimeMs: 0.2,
      sequentialScans: [{ relation: "orders", rows: 50000, large: true }],
      diskSorts: [{ spaceKb: 2048 }],
      worstRowEstimateError: 50,
      sharedHitBlocks: 10,
      sharedReadBlocks: 300,
      tempWrittenBlocks: 256,
      modifiesData: false,
    });
  });

  it("counts rows over loops and reads JSON text", () => {
    const text = JSON.stringify([
      {
        Plan: {
          "Node Type": "ModifyTable",
          Plans: [{ "Node Type": "Index Scan", "Plan Rows": 1, "Actual Rows": 1, "Actual Loops": 4 }],
        },
      },
    ]);
    const facts = parseExplain(text);
    expect(facts.modifiesData).toBe(true);
    expect(facts.worstRowEstimateError).toBe(1);
    expect(facts.sequentialScans).toEqual([]);
  });

  it("rejects output that is not a plan", () => {
    expect(() => parseExplain([{ nope: 1 }])).toThrow();
  });
});
