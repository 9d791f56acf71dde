export {
  environmentLatencyFactor,
  environmentSchema,
  objectiveLabel,
  objectiveSchema,
  objectivesFor,
  productionObjectives,
  sloConfigSchema,
  sloDefinitionSchema,
} from "./definitions.js";
export type { Environment, Objective, SloConfig, SloDefinition } from "./definitions.js";
export { evaluateDefinition, evaluateObjective, summarize } from "./evaluate.js";
export type { ObjectiveResult, OperationSummary, TimedSamples } from "./evaluate.js";
export { burnRateRules, burnRateSeverity, severityCutoffs, violationSeverity, windowBurn } from "./severity.js";
export type { TimedOutcome, ViolationSeverity, WindowBurn } from "./severity.js";
export { SloMonitor } from "./monitor.js";
export type { SloReport, TimingSource } from "./monitor.js";
export { sampleSchema } from "./sample.js";
export type { Sample, TimingEvent } from "./sample.js";
export { FileMetricsStore } from "./file-store.js";
export type { MetricsStore } from "./file-store.js";
export { DatabaseMetricsStore } from "./database-store.js";
export type { MetricsQueryable } from "./database-store.js";
export { servePrometheus, toPrometheus } from "./prometheus.js";
export { formatSloReportText } from "./text-report.js";
export { MonitoringError } from "./errors.js";
