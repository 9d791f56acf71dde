import { mkdir, open, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import lockfile from "proper-lockfile";
import { MonitoringError } from "./errors.js";
import { type Sample, sampleSchema } from "./sample.js";

/** Where samples persist between runs. */
export interface MetricsStore {
  append(samples: readonly Sample[]): Promise<void>;
  readAll(): Promise<Sample[]>;
}

/**
 * Samples as JSON lines (`.confiture/metrics.jsonl`), bounded to the newest `maxSamples`.
 *
 * Several commands may end at the same moment (CI jobs, editor and pre-commit), so:
 * - every record is appended with `O_APPEND` in one `write` of its whole line: the kernel places
 *   each write at the end of the file, so concurrent appends never overwrite or interleave;
 * - appending and compacting (dropping the oldest by writing a new file and renaming it over the
 *   old one) happen under one lock (`proper-lockfile`: a lock directory whose staleness is judged
 *   by its mtime, so a killed process cannot leave it held). Without the lock, a record appended
 *   to the old file between the compactor's read and its rename would be lost with that file.
 * If the lock cannot be had in time, the record is still appended (atomically) and compaction
 * waits for a later command: metrics are advisory and never fail or hang a command.
 */
export class FileMetricsStore implements MetricsStore {
  constructor(
    readonly path: string,
    readonly maxSamples = 50_000,
    readonly lockWaitMs = 10_000,
  ) {}

  async append(samples: readonly Sample[]): Promise<void> {
    if (samples.length === 0) return;
    await mkdir(dirname(this.path), { recursive: true });
    let release: (() => Promise<void>) | undefined;
    try {
      release = await lockfile.lock(this.path, {
        realpath: false,
        stale: 10_000,
        retries: { retries: Math.ceil(this.lockWaitMs / 50), minTimeout: 20, maxTimeout: 100, factor: 1.2 },
      });
    } catch {
      release = undefined;
    }
    try {
      await this.#appendRecords(samples);
      if (release) await this.#compact();
    } finally {
      await release?.().catch(() => undefined);
    }
  }

  async #appendRecords(samples: readonly Sample[]): Promise<void> {
    const handle = await open(this.path, "a");
    try {
      for (const sample of samples) await handle.write(`${JSON.stringify(sample)}\n`);
    } finally {
      await handle.close();
    }
  }

  /** Called under the lock: keeps the newest `maxSamples`. */
  async #compact(): Promise<void> {
    const all = await this.#readEvery();
    if (all.length <= this.maxSamples) return;
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(
      temporary,
      all
        .slice(all.length - this.maxSamples)
        .map((sample) => `${JSON.stringify(sample)}\n`)
        .join(""),
    );
    await rename(temporary, this.path);
  }

  async readAll(): Promise<Sample[]> {
    const samples = await this.#readEvery();
    // A compaction waits for the lock, so the file may briefly hold more than the cap.
    return samples.length > this.maxSamples ? samples.slice(samples.length - this.maxSamples) : samples;
  }

  async #readEvery(): Promise<Sample[]> {
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
}
