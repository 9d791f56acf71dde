import { loadModule } from "libpg-query";
import { beforeAll, describe, expect, it } from "vitest";
import { fileComments } from "./comments.js";

beforeAll(async () => {
  await loadModule();
});

describe("fileComments", () => {
  it("finds line and block comments with their lines, not dashes inside strings", () => {
    const source = "-- change: OPS-42\nSELECT '-- not a comment' /* block\nspans */;\nSELECT 1; -- trailing é\n";
    expect(fileComments(source)).toEqual([
      { line: 1, text: "change: OPS-42" },
      { line: 2, text: "block\nspans" },
      { line: 4, text: "trailing é" },
    ]);
  });

  it("returns nothing for a source the scanner refuses", () => {
    expect(fileComments("SELECT 'unterminated")).toEqual([]);
  });
});
