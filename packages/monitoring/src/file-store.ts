import { mkdir, readFile, rename, writeFile, appendFile } from "node:fs/promises";
import { dirname } from "node:path";
import { MonitoringError } from "./errors.js";
import { type Sample, sampleSchema } from "./sample.js";

/** Where samples persist between runs. */
export interface MetricsStore {
  append(samples: readonly Sample[]): Promise<void>;
  readAll(): Promise<Sample[]>;
}

/**
 * Samples as JSON lines (`.confiture/metrics.jsonl`), bounded: when the file holds more than
 * `maxSamples`, the oldest are dropped by rewriting it atomically (write then rename), so a crash
 * never leaves a half-written file. Unreadable lines are skipped, not fatal: metrics are advisory.
 */
export class FileMetricsStore implements MetricsStore {
  constructor(
    readonly path: string,
    readonly maxSamples = 50_000,
  ) {}

  async append(samples: readonly Sample[]): Promise<void> {
    if (samples.length === 0) return;
    await mkdir(dirname(this.path), { recursive: true });
    await appendFile(this.path, samples.map((sample) => `${JSON.stringify(sample)}\n`).join(""));
    const all = await this.readAll();
    if (all.length > this.maxSamples) await this.#rewrite(all.slice(all.length - this.maxSamples));
  }

  async readAll(): Promise<Sample[]> {
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw new MonitoringError(`Cannot read metrics file ${this.path}: ${(error as Error).message}`, { cause: error });
    }
    const samples: Sample[] = [];
    for (const line of text.split("\n")) {
      if (line.trim() === "") continue;
      try {
        const parsed = sampleSchema.safeParse(JSON.parse(line));
        if (parsed.success) samples.push(parsed.data);
      } catch {
        // A torn last line from an interrupted write: skip it.
      }
    }
    return samples;
  }

  async #rewrite(samples: Sample[]): Promise<void> {
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, samples.map((sample) => `${JSON.stringify(sample)}\n`).join(""));
    await rename(temporary, this.path);
  }
}
