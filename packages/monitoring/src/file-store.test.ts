import { mkdtemp, readFile, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileMetricsStore } from "./file-store.js";

describe("FileMetricsStore", () => {
  it("keeps samples across instances, bounded to the newest", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "confiture-metrics-")), ".confiture", "metrics.jsonl");
    const first = new FileMetricsStore(path, 3);
    await first.append([1, 2].map((value) => ({ operation: "op", value, timestamp: value })));
    await new FileMetricsStore(path, 3).append([3, 4].map((value) => ({ operation: "op", value, timestamp: value })));
    const samples = await new FileMetricsStore(path, 3).readAll();
    expect(samples.map((sample) => sample.value)).toEqual([2, 3, 4]);
    expect((await readFile(path, "utf8")).trim().split("\n")).toHaveLength(3);
  });

  it("skips a torn line instead of failing", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "confiture-metrics-")), "metrics.jsonl");
    const store = new FileMetricsStore(path);
    await store.append([{ operation: "op", value: 1, timestamp: 1 }]);
    await appendFile(path, '{"operation":"op","val');
    expect(await store.readAll()).toHaveLength(1);
  });

  it("reads nothing when the file does not exist", async () => {
    expect(await new FileMetricsStore(join(tmpdir(), "does-not-exist", "m.jsonl")).readAll()).toEqual([]);
  });
});
