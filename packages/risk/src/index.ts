export type {
  AssessRiskOptions,
  MigrationRisk,
  RiskFile,
  RiskReport,
  RiskStatement,
  StatementFacts,
  UnjudgedStatement,
} from "./assess.js";
export { assessRisk } from "./assess.js";
export { calibrate } from "./calibrate.js";
export type { CalibrateOptions } from "./calibrate.js";
export type { CalibratedModel, Calibration, CalibrationMeasurement } from "./calibration-schema.js";
export { calibrationSchema } from "./calibration-schema.js";
export type { CalibrationLocation } from "./calibration-store.js";
export { calibrationFilePath, loadCalibration, saveCalibration } from "./calibration-store.js";
export type { AnalysedFile, AnalysedStatement } from "./analysis.js";
export { analyseFiles, lockModelVersion } from "./analysis.js";
export type { MeasuredStatement } from "./compare-trace.js";
export { compareTrace, describeDisagreement } from "./compare-trace.js";
export type { OperationClass, RiskConfig, RiskConfigInput, RiskLevel } from "./config.js";
export { defaultRiskConfig, OPERATION_CLASSES, parseRiskConfig, RISK_LEVELS, riskConfigSchema } from "./config.js";
export { clampUnit, linearCurve, logarithmicCurve } from "./curves.js";
export type { Bounds, Downtime, TimedStatement } from "./downtime.js";
export type { DependencyCounts } from "./dependency-counts.js";
export { getDependencyCounts } from "./dependency-counts.js";
export { combineDowntimes, migrationDowntime } from "./downtime.js";
export { CalibrationError, RiskConfigError, RiskError, SnapshotError, TraceError } from "./errors.js";
export type { RiskErrorCode } from "./errors.js";
export type { RiskEvents, RiskOperation, RiskTimingEvent } from "./events.js";
export { riskEvents } from "./events.js";
export type { FactorInputs, FactorName, FindingSeverity, InputSource, RiskFactor } from "./factors.js";
export { anomaliesValue, computeFactors } from "./factors.js";
export type { Coefficients, IndexBuild, KeyShape, Work } from "./cost-model.js";
export { costOf, FEATURES, featuresOf } from "./cost-model.js";
export type { FitSample } from "./robust-fit.js";
export { crossValidatedResiduals, fitLogMedian, residualInterval } from "./robust-fit.js";
export type { TimedPart } from "./calibration-fit.js";
export { fitCalibration } from "./calibration-fit.js";
export { describeServer, identifyServer, serverCaveat } from "./server-identity.js";
export type { EarlierFiles } from "./work-description.js";
export { formatRiskMarkdown, formatRiskText } from "./format.js";
export { readHistory } from "./history.js";
export type { HistoryRecord } from "./history-record.js";
export type { InputSources, RiskContext } from "./inputs.js";
export { gatherRiskContext, lockedRelations } from "./inputs.js";
export type { ModelledStatement } from "./operations.js";
export { blocksWrites, classifyOperation, lockRank } from "./operations.js";
export type { DurationPrediction, PredictionContext, PredictionMethod, PredictionRequest } from "./predict.js";
export { predictDuration } from "./predict.js";
export { predictHistorical } from "./predict-historical.js";
export { levelExceeds, levelOf, scoreOf } from "./score.js";
export type { StatisticsSnapshot } from "./snapshot.js";
export {
  parseSnapshot,
  readAppliedVersions,
  readSnapshot,
  snapshotInputs,
  statisticsSnapshotSchema,
  takeSnapshot,
  writeSnapshot,
} from "./snapshot.js";
export type { PredictionInterval } from "./t-distribution.js";
export { predictionInterval, tCriticalValue } from "./t-distribution.js";
export type {
  ColumnStatistics,
  IndexStatistics,
  RiskInputs,
  ServerActivity,
  ServerIdentity,
  TableStatistics,
} from "./table-statistics.js";
export { normaliseRelation, statementKey, statisticsFor } from "./table-statistics.js";
export type { TraceOptions, TraceReport, TracedStatement } from "./trace.js";
export { traceMigrations } from "./trace.js";
export { formatBytes, formatDuration } from "./units.js";
