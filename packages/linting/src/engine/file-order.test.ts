import { describe, expect, it } from "vitest";
import { orderFiles } from "./file-order.js";

const file = (path: string) => ({ path, source: "" });

describe("orderFiles", () => {
  it("sorts migrations by version as strings and pairs down files with their up file", () => {
    const { steps, orphanDowns } = orderFiles([
      file("db/20240102_b.up.sql"),
      file("db/20240101_a.down.sql"),
      file("other/20240101_a.up.sql"),
      file("db/20230101_z.down.sql"),
      file("db/seed.sql"),
    ]);
    expect(steps.map((step) => [step.file.path, step.downs.map((down) => down.path)])).toEqual([
      ["other/20240101_a.up.sql", ["db/20240101_a.down.sql"]],
      ["db/20240102_b.up.sql", []],
      ["db/seed.sql", []],
    ]);
    expect(orphanDowns.map((down) => down.path)).toEqual(["db/20230101_z.down.sql"]);
  });

  it("sorts other files by name, then path", () => {
    const { steps } = orderFiles([file("b/002.sql"), file("a/010.sql"), file("c/002.sql")]);
    expect(steps.map((step) => step.file.path)).toEqual(["b/002.sql", "c/002.sql", "a/010.sql"]);
  });
});
