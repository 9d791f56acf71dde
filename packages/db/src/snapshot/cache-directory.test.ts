import { describe, expect, it } from "vitest";
import { userCacheDirectory } from "./cache-directory.js";

describe("userCacheDirectory", () => {
  it("prefers CONFITURE_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache", () => {
    expect(userCacheDirectory({ CONFITURE_CACHE_DIR: "/c", XDG_CACHE_HOME: "/x" }, "/home/u")).toBe("/c");
    expect(userCacheDirectory({ XDG_CACHE_HOME: "/x" }, "/home/u")).toBe("/x/confiture");
    expect(userCacheDirectory({}, "/home/u")).toBe("/home/u/.cache/confiture");
  });

  it("ignores blank and relative values and has no answer without a home", () => {
    expect(userCacheDirectory({ CONFITURE_CACHE_DIR: "  ", XDG_CACHE_HOME: "relative" }, "/home/u")).toBe(
      "/home/u/.cache/confiture",
    );
    expect(userCacheDirectory({}, "")).toBeUndefined();
  });
});
