export {
  DatabaseConnectionError,
  DatabaseError,
  DatabaseLockedError,
  DatabaseQueryError,
  DatabaseUsageError,
  RelationNotFoundError,
  UnsupportedDatabaseUrlError,
} from "./errors.js";
export type { DatabaseQueryErrorDetails } from "./errors.js";
export { getActivity } from "./introspection/activity.js";
export type { Activity } from "./introspection/activity.js";
export { getTableDependencies } from "./introspection/dependencies.js";
export type { DependentViewInfo, ForeignKeyInfo, TableDependencies, TriggerInfo } from "./introspection/dependencies.js";
export { formatRelationName } from "./introspection/relation-names.js";
export { getServerInfo, getSettings, settingsOfInterest } from "./introspection/server.js";
export type { ServerInfo, Setting } from "./introspection/server.js";
export { estimateStatementRows } from "./introspection/explain.js";
export { getTableShapes } from "./introspection/shapes.js";
export type { ColumnShape, ForeignKeyShape, IndexShape, TableShape } from "./introspection/shapes.js";
export { getIndexes, getTableSizes, listTables } from "./introspection/tables.js";
export type { IndexInfo, TableInfo, TableSize } from "./introspection/tables.js";
export { lockModes, lockModeStrength, strongestLockPerRelation } from "./tracer/lock-modes.js";
export type { LockMode } from "./tracer/lock-modes.js";
export { traceScript, traceStatement } from "./tracer/trace.js";
export type { TracedLock, TraceOptions, TraceResult } from "./tracer/types.js";
export type { DatabaseLogger, OpenDatabaseOptions } from "./logger.js";
export { openDatabase } from "./open-database.js";
export { embeddedLockStaleMs, lockEmbeddedDirectory } from "./directory-lock.js";
export type { DirectoryLockOptions } from "./directory-lock.js";
export type { Database, QueryResult, Queryable, Row } from "./types.js";
export { parseDatabaseUrl, redactUrl } from "./url.js";
export type { DatabaseLocation } from "./url.js";
