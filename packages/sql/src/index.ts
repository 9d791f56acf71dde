export { analyzeParsedFile, analyzeSql } from "./analyze.js";
export { STATEMENT_KINDS, subcommandKinds } from "./classify/index.js";
export { ColumnTypeTracker } from "./column-tracker.js";
export { compareWithMeasurement } from "./compare-measurement.js";
export type { Disagreement, MeasuredStatement } from "./compare-measurement.js";
export {
  describeEscapingEffects,
  findEscapingEffects,
  findEscapingEffectsInSql,
} from "./escapes/find-escaping-effects.js";
export type { EscapingEffect } from "./escapes/find-escaping-effects.js";
export { ESCAPE_KIND_DESCRIPTIONS, ESCAPING_FUNCTIONS, ESCAPING_STATEMENTS } from "./escapes/escaping-functions.js";
export type { EscapeKind } from "./escapes/escaping-functions.js";
export { ParserNotLoadedError, SqlPackageError } from "./errors.js";
export { analyzeStatement } from "./lock-model/analyze-statement.js";
export type { AnalyzeStatementOptions } from "./lock-model/analyze-statement.js";
export { columnTypeOf, typeChangeVerdict } from "./lock-model/column-types.js";
export type { TypeChangeVerdict } from "./lock-model/column-types.js";
export type { ColumnType, ColumnTypeLookup } from "./lock-model/verdict.js";
export { LOCK_MODEL_CASES } from "./lock-model-cases.js";
export type { LockModelCase } from "./lock-model-cases.js";
export { describeLockMode, isLockMode, LOCK_MODES, lockModesConflict, lockModeStrength, strongestLock } from "./lock-modes.js";
export type { LockModeDescription } from "./lock-modes.js";
export { parseSql, parseSqlSync } from "./parse.js";
export type { ParseOptions } from "./parse.js";
export { isParserLoaded, loadParser } from "./parser.js";
export { relationKey } from "./relations.js";
export { statementLocation } from "./statement-location.js";
export { DEFAULT_PG_VERSION, SUPPORTED_PG_VERSIONS, isSupportedPgVersion } from "./versions.js";
export { getFunctionVolatility, isVolatileExpression } from "./volatility.js";
export type { VolatilityCode, VolatilityOptions } from "./volatility.js";
export type {
  AnalyzeOptions,
  LockAcquisition,
  LockMode,
  ParsedFile,
  PgVersion,
  RelationReference,
  SourcePosition,
  SqlSyntaxError,
  Statement,
  StatementAnalysis,
  StatementKind,
} from "./types.js";
export type {
  ColumnModel,
  ConstraintModel,
  ConstraintType,
  FunctionModel,
  GrantModel,
  IndexModel,
  PolicyModel,
  RoleModel,
  SchemaModel,
  SourceReference,
  TableModel,
  TriggerModel,
} from "./schema/types.js";
export { applyStatement, buildSchemaModel, closeSession, replayFile, searchPathDefault } from "./schema/apply.js";
export type { BuildOptions } from "./schema/apply.js";
export type { ApplyOptions } from "./schema/context.js";
export { diffSchemaModels } from "./schema/diff.js";
export { emptySchemaDiff, isSchemaDiffEmpty } from "./schema/diff-types.js";
export type { ColumnChange, SchemaDiff } from "./schema/diff-types.js";
export { grantsFor } from "./schema/grants.js";
export { schemaModelFromJson, schemaModelToJson } from "./schema/json.js";
export type { Jsonified, SchemaModelJson } from "./schema/json.js";
export { cloneSchemaModel, createSchemaModel } from "./schema/model.js";
export { findTable, normaliseTypeName, objectKey, parseWrittenName } from "./schema/names.js";
export type { NormalisedType } from "./schema/names.js";
