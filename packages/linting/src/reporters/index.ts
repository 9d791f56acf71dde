import type { LintResult } from "../engine/types.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import type { ReporterOptions, ReportFormat } from "./options.js";
import { formatSarif } from "./sarif.js";
import { formatText } from "./text.js";

/** Formats a lint result as `text`, `json`, `sarif`, `github` or `junit`. */
export function formatFindings(result: LintResult, format: ReportFormat, options: ReporterOptions = {}): string {
  switch (format) {
    case "text":
      return formatText(result, options);
    case "json":
      return formatJson(result);
    case "sarif":
      return formatSarif(result, options);
    case "github":
      return formatGithub(result, options);
    case "junit":
      return formatJunit(result, options);
  }
}
