import type { Severity } from "../types.js";

/** Options every reporter accepts. */
export interface ReporterOptions {
  /** Colours in `text` output; set it only when stdout is a terminal. */
  color?: boolean;
  /** Paths in SARIF and annotations are made relative to this directory (repository root). */
  cwd?: string;
  /** The confiture version for SARIF `tool.driver`. */
  toolVersion?: string;
  /** The most GitHub annotations to print (GitHub keeps 50 per job); the rest are counted. */
  maxAnnotations?: number;
}

/** The formats `formatFindings` knows. */
export type ReportFormat = "text" | "json" | "sarif" | "github" | "junit";

/** Every report format, default first. */
export const REPORT_FORMATS: readonly ReportFormat[] = ["text", "json", "sarif", "github", "junit"];

/** Severity to SARIF level and GitHub command. */
export function severityLevel(severity: Severity): "error" | "warning" | "note" {
  if (severity === "critical" || severity === "error") return "error";
  return severity === "warning" ? "warning" : "note";
}

/** A path with forward slashes, relative to `cwd` when it is inside it. */
export function displayPath(path: string, cwd: string | undefined): string {
  const slashed = path.replace(/\\/g, "/");
  if (cwd === undefined) return slashed.replace(/^\.\//, "");
  const base = cwd.replace(/\\/g, "/").replace(/\/$/, "");
  if (slashed.startsWith(`${base}/`)) return slashed.slice(base.length + 1);
  return slashed.replace(/^\.\//, "");
}
