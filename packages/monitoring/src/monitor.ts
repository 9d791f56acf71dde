import type { Environment, SloDefinition } from "./definitions.js";
import { type ObjectiveResult, type OperationSummary, evaluateDefinition, summarize } from "./evaluate.js";
import type { Sample, TimingEvent } from "./sample.js";

/** The SLO report of a set of samples. */
export interface SloReport {
  environment: Environment;
  generatedAt: string;
  /** Percentiles per operation, for every operation with samples (with or without an objective). */
  operations: OperationSummary[];
  /** Every objective with samples. */
  objectives: ObjectiveResult[];
  /** Objectives not met, worst first. */
  violations: ObjectiveResult[];
  /** Objectives with no samples yet. */
  unmeasured: string[];
  /** True when every measured objective is met. */
  met: boolean;
}

/** The slice of an event emitter the monitor listens on: its `timing` events (eventemitter3 and node's both fit). */
export interface TimingSource {
  on(event: "timing", listener: (event: TimingEvent) => void): unknown;
  off(event: "timing", listener: (event: TimingEvent) => void): unknown;
}

const severityRank = { critical: 0, error: 1, warning: 2 } as const;

/** Collects samples and evaluates objectives on them. */
export class SloMonitor {
  readonly #samples: Sample[] = [];
  readonly #environment: Environment;
  readonly #now: () => number;

  constructor(options: { environment?: Environment; now?: () => number } = {}) {
    this.#environment = options.environment ?? "local";
    this.#now = options.now ?? Date.now;
  }

  /** Records one observation. */
  record(operation: string, value: number, timestamp = this.#now()): void {
    if (!Number.isFinite(value)) return;
    this.#samples.push({ operation, value, timestamp, environment: this.#environment });
  }

  /** Adds samples read from a store (earlier runs). */
  load(samples: Iterable<Sample>): void {
    for (const sample of samples) this.#samples.push(sample);
  }

  /** Subscribes to a package's `timing` events; returns the unsubscribe function. */
  observe(source: TimingSource): () => void {
    const listener = (event: TimingEvent) => this.record(event.operation, event.durationMs);
    source.on("timing", listener);
    return () => source.off("timing", listener);
  }

  /** Samples recorded in this process or loaded, oldest first. */
  samples(): readonly Sample[] {
    return this.#samples;
  }

  /** Evaluates the given objectives on the samples of this monitor's environment. */
  report(definitions: SloDefinition[]): SloReport {
    const byOperation = new Map<string, number[]>();
    const timedByOperation = new Map<string, Sample[]>();
    for (const sample of this.#samples) {
      if (sample.environment !== undefined && sample.environment !== this.#environment) continue;
      const values = byOperation.get(sample.operation) ?? [];
      values.push(sample.value);
      byOperation.set(sample.operation, values);
      const timed = timedByOperation.get(sample.operation) ?? [];
      timed.push(sample);
      timedByOperation.set(sample.operation, timed);
    }
    const now = this.#now();
    for (const values of byOperation.values()) values.sort((a, b) => a - b);

    const operations = [...byOperation.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([operation, values]) => summarize(operation, values));
    const objectives: ObjectiveResult[] = [];
    const unmeasured: string[] = [];
    for (const definition of definitions) {
      const values = byOperation.get(definition.operation);
      if (values === undefined || values.length === 0) unmeasured.push(definition.operation);
      else
        objectives.push(
          ...evaluateDefinition(definition, values, { samples: timedByOperation.get(definition.operation) ?? [], now }),
        );
    }
    const violations = objectives
      .filter((result) => !result.met)
      .sort((a, b) => severityRank[a.severity ?? "warning"] - severityRank[b.severity ?? "warning"]);
    return {
      environment: this.#environment,
      generatedAt: new Date(now).toISOString(),
      operations,
      objectives,
      violations,
      unmeasured,
      met: violations.length === 0,
    };
  }
}
