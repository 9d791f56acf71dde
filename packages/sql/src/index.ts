export type { VolatilityCode, VolatilityOptions } from "./volatility.js";
export { getFunctionVolatility, isVolatileExpression } from "./volatility.js";
export type { BuildOptions } from "./schema/apply.js";
export { applyStatement, buildSchemaModel, replayFile, searchPathDefault } from "./schema/apply.js";
export type { ApplyOptions } from "./schema/context.js";
export type { ColumnChange, SchemaDiff } from "./schema/diff.js";
export { diffSchemaModels, emptySchemaDiff, isSchemaDiffEmpty } from "./schema/diff.js";
export { grantsFor } from "./schema/grants.js";
export type { Jsonified, SchemaModelJson } from "./schema/json.js";
export { schemaModelFromJson, schemaModelToJson } from "./schema/json.js";
export { cloneSchemaModel, createSchemaModel } from "./schema/model.js";
export type { NormalisedType } from "./schema/names.js";
export { findTable, normaliseTypeName, objectKey, parseWrittenName } from "./schema/names.js";
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
