import type { RiskConfig } from "./config.js";
import { linearCurve, logarithmicCurve } from "./curves.js";

/** Severities of lint findings, as `@confiture/linting` names them. */
export type FindingSeverity = "info" | "warning" | "error" | "critical";

/** Where an input of the formula came from. */
/** `lock_model`: no table is blocked, so the factor has no table to weigh. */
export type InputSource = "database" | "snapshot" | "assumptions" | "migration" | "lint" | "prediction" | "lock_model";

/** The names of the five factors. */
export type FactorName = "data_volume" | "lock_time" | "dependencies" | "anomalies" | "concurrent_load";

/** One factor of the score: its value on 0..1, its weight, and the raw input it was computed from. */
export interface RiskFactor {
  name: FactorName;
  /** 0..1 after the factor's curve. */
  value: number;
  weight: number;
  /** The raw input: bytes, milliseconds, a count, a severity, a ratio. */
  input: number | string;
  unit: string;
  /** Where the input came from. */
  source: InputSource;
}

/** The raw inputs of the five factors. */
export interface FactorInputs {
  /** Bytes (heap, indexes and TOAST) of the tables whose reads or writes the migration blocks. */
  dataBytes: number;
  /** Milliseconds write-blocking locks are held. */
  lockMs: number;
  /** Objects that depend on the blocked tables: foreign keys in and out, views, triggers. */
  dependencies: number;
  /** Lint findings: only the severity matters. */
  findings: readonly { severity: FindingSeverity | string }[];
  /** connections / max_connections on the server, 0..1. */
  connectionUsage: number;
  sources: { dataBytes: InputSource; lockMs: InputSource; dependencies: InputSource; connectionUsage: InputSource };
}

const SEVERITY_ORDER: readonly FindingSeverity[] = ["info", "warning", "error", "critical"];

/**
 * The anomalies factor is the MAXIMUM over the findings of their severity's value, never the mean:
 * one critical finding must not be diluted by ten informational ones (a mean would score
 * `1 critical + 9 infos` lower than `1 critical` alone, rewarding noise).
 */
export function anomaliesValue(
  findings: readonly { severity: string }[],
  values: RiskConfig["curves"]["anomalies"],
): { value: number; worst: FindingSeverity | "none" } {
  let worst: FindingSeverity | "none" = "none";
  let value = 0;
  for (const finding of findings) {
    const severity = finding.severity as FindingSeverity;
    if (!SEVERITY_ORDER.includes(severity)) continue;
    if (worst === "none" || SEVERITY_ORDER.indexOf(severity) > SEVERITY_ORDER.indexOf(worst)) worst = severity;
    value = Math.max(value, values[severity]);
  }
  return { value, worst };
}

/** Computes the five factors, in the published order, from their raw inputs. */
export function computeFactors(inputs: FactorInputs, config: RiskConfig): RiskFactor[] {
  const { curves, weights } = config;
  const anomalies = anomaliesValue(inputs.findings, curves.anomalies);
  return [
    {
      name: "data_volume",
      value: logarithmicCurve(inputs.dataBytes, curves.dataVolume.lowBytes, curves.dataVolume.highBytes),
      weight: weights.dataVolume,
      input: inputs.dataBytes,
      unit: "bytes",
      source: inputs.sources.dataBytes,
    },
    {
      name: "lock_time",
      value: logarithmicCurve(inputs.lockMs, curves.lockTime.lowMs, curves.lockTime.highMs),
      weight: weights.lockTime,
      input: inputs.lockMs,
      unit: "ms",
      source: inputs.sources.lockMs,
    },
    {
      name: "dependencies",
      value: linearCurve(inputs.dependencies, 0, curves.dependencies.high),
      weight: weights.dependencies,
      input: inputs.dependencies,
      unit: "objects",
      source: inputs.sources.dependencies,
    },
    {
      name: "anomalies",
      value: anomalies.value,
      weight: weights.anomalies,
      input: anomalies.worst,
      unit: "worst severity",
      source: "lint",
    },
    {
      name: "concurrent_load",
      value: linearCurve(inputs.connectionUsage, curves.concurrentLoad.low, curves.concurrentLoad.high),
      weight: weights.concurrentLoad,
      input: inputs.connectionUsage,
      unit: "share of max_connections",
      source: inputs.sources.connectionUsage,
    },
  ];
}
