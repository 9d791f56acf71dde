import { describe, expect, it } from "vitest";
import { formatBytes, formatDuration } from "./units.js";

describe("formatDuration", () => {
  it.each([
    [12.4, "12 ms"],
    [999, "999 ms"],
    [3400, "3.4 s"],
    [42_000, "42 s"],
    [125_000, "2 min 5 s"],
    [3_780_000, "1 h 3 min"],
  ])("%s ms is %s", (milliseconds, text) => {
    expect(formatDuration(milliseconds)).toBe(text);
  });
});

describe("formatBytes", () => {
  it.each([
    [512, "512 bytes"],
    [1536, "1.5 KiB"],
    [128 * 1024 ** 2, "128 MiB"],
    [3 * 1024 ** 4, "3.0 TiB"],
  ])("%s bytes is %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
