import { spawn } from "node:child_process";
import { appendFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FileMetricsStore } from "./file-store.js";

const here = dirname(fileURLToPath(import.meta.url));
const tsx = join(here, "..", "node_modules", ".bin", "tsx");

function runWriter(path: string, writer: number, count: number, cap: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [join(here, "__fixtures__", "append-writer.ts"), path, String(writer), String(count), String(cap)], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? -1));
  });
}

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

  it("loses no sample when 8 processes append to a file at its cap", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "confiture-metrics-")), "metrics.jsonl");
    const cap = 200;
    // At the cap, every append compacts: the moment concurrent writers used to lose samples.
    const old = Array.from({ length: cap }, (_, index) => JSON.stringify({ operation: "old", value: index, timestamp: index }));
    await writeFile(path, `${old.join("\n")}\n`);
    const writers = 8;
    const perWriter = 6;
    const codes = await Promise.all(Array.from({ length: writers }, (_, writer) => runWriter(path, writer, perWriter, cap)));
    expect(codes).toEqual(Array(writers).fill(0));
    const samples = await new FileMetricsStore(path, cap).readAll();
    const written = samples.filter((sample) => sample.operation.startsWith("writer-"));
    expect(written).toHaveLength(writers * perWriter);
    for (let writer = 0; writer < writers; writer += 1) {
      const values = written.filter((sample) => sample.operation === `writer-${writer}`).map((sample) => sample.value);
      expect(values).toEqual([0, 1, 2, 3, 4, 5]);
    }
    expect(samples).toHaveLength(cap);
    expect((await readFile(path, "utf8")).trim().split("\n")).toHaveLength(cap);
  }, 180_000);
});
