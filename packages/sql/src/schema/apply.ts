import type { Node } from "@pgsql/types";
import type { ParsedFile, Statement } from "../types.js";
import { unwrapNode } from "./ast.js";
import { applyAlterTable } from "./alter-table.js";
import { type ApplyOptions, createContext } from "./context.js";
import { applyGrant } from "./grants.js";
import { applyCreateIndex } from "./indexes.js";
import { cloneSchemaModel, createSchemaModel } from "./model.js";
import { DEFAULT_SCHEMA, TEMPORARY_SCHEMA } from "./names.js";
import { applyComment, applyDrop, applyRename, applySecurityLabel, applySetSchema } from "./objects.js";
import { applyAlterPolicy, applyCreatePolicy } from "./policies.js";
import { applyAlterRole, applyCreateRole, applyDropRole, applyGrantRole } from "./roles.js";
import {
  applyAlterEnum,
  applyAlterFunction,
  applyAlterOwner,
  applyCreateEnum,
  applyCreateExtension,
  applyCreateFunction,
  applyCreateSchema,
} from "./routines.js";
import { applyCreateForeignTable, applyCreateTable, applyCreateTableAs, applyCreateView, applySelectInto } from "./tables.js";
import { applyCreateTrigger } from "./triggers.js";
import type { SchemaModel } from "./types.js";

// biome-ignore lint/suspicious/noExplicitAny: each handler narrows the payload of the tag it is registered for.
type Handler = (context: ReturnType<typeof createContext>, payload: any) => void;

/** The statement kinds the model replays, by libpg-query node tag. */
const HANDLERS: Record<string, Handler> = {
  CreateStmt: (context, statement) => applyCreateTable(context, statement),
  CreateForeignTableStmt: applyCreateForeignTable,
  CreateTableAsStmt: applyCreateTableAs,
  SelectStmt: applySelectInto,
  ViewStmt: applyCreateView,
  AlterTableStmt: applyAlterTable,
  IndexStmt: applyCreateIndex,
  DropStmt: applyDrop,
  RenameStmt: applyRename,
  AlterObjectSchemaStmt: applySetSchema,
  CommentStmt: applyComment,
  SecLabelStmt: applySecurityLabel,
  CreatePolicyStmt: applyCreatePolicy,
  AlterPolicyStmt: applyAlterPolicy,
  CreateTrigStmt: applyCreateTrigger,
  GrantStmt: applyGrant,
  GrantRoleStmt: applyGrantRole,
  CreateFunctionStmt: applyCreateFunction,
  AlterFunctionStmt: applyAlterFunction,
  AlterOwnerStmt: applyAlterOwner,
  CreateEnumStmt: applyCreateEnum,
  AlterEnumStmt: applyAlterEnum,
  CreateExtensionStmt: applyCreateExtension,
  CreateSchemaStmt: applyCreateSchema,
  CreateRoleStmt: applyCreateRole,
  AlterRoleStmt: applyAlterRole,
  DropRoleStmt: applyDropRole,
};

/**
 * Replays one statement into the model (mutating it). Statements with syntax errors, kinds the
 * model does not track (DML, most SET, ...), and statements PostgreSQL would reject (creating a
 * table that exists) leave it unchanged; `SET search_path` changes the schema of later unqualified
 * names until {@link closeSession}. Returns whether the statement's kind is one the model replays.
 */
export function applyStatement(model: SchemaModel, statement: Statement, options: ApplyOptions = {}): boolean {
  if (model.session !== undefined && model.session.file !== statement.file) closeSession(model);
  model.session ??= statement.file === undefined ? {} : { file: statement.file };
  if (statement.error !== undefined || statement.node === undefined) return false;
  const searchPath = searchPathDefault(statement);
  if (searchPath !== undefined) {
    model.session.defaultSchema = searchPath;
    return true;
  }
  const unwrapped = unwrapNode(statement.node);
  const handler = unwrapped === undefined ? undefined : HANDLERS[unwrapped.tag];
  if (unwrapped === undefined || handler === undefined) return false;
  // Of all SELECTs, only SELECT ... INTO creates something.
  if (unwrapped.tag === "SelectStmt" && unwrapped.value.intoClause === undefined) return false;
  try {
    handler(createContext(model, statement, options), unwrapped.value);
  } catch {
    // The model is best effort: an AST shape no handler expected must not stop linting or a run.
    return false;
  }
  if (unwrapped.tag === "CreateSchemaStmt") {
    // CREATE SCHEMA s CREATE TABLE t ...: the elements are created in the new schema.
    const schema = unwrapped.value.schemaname as string | undefined;
    for (const element of (unwrapped.value.schemaElts as Node[] | undefined) ?? []) {
      applyStatement(model, { ...statement, node: element }, { ...options, defaultSchema: schema ?? options.defaultSchema });
    }
  }
  return true;
}

/** The schema a `SET search_path` statement makes the default, `public` for RESET, undefined for other statements. */
export function searchPathDefault(statement: Statement): string | undefined {
  const set = unwrapNode(statement.node);
  if (set?.tag !== "VariableSetStmt") return undefined;
  const value = set.value as { kind?: string; name?: string; args?: Node[] };
  if (value.kind === "VAR_RESET_ALL") return DEFAULT_SCHEMA;
  if (value.name !== "search_path") return undefined;
  if (value.kind !== "VAR_SET_VALUE") return DEFAULT_SCHEMA;
  const first = value.args?.[0] as { A_Const?: { sval?: { sval?: string } } } | undefined;
  const schema = first?.A_Const?.sval?.sval;
  // `SET search_path = "$user", public` resolves to the role's schema when it exists; public otherwise.
  return schema === undefined || schema === "$user" || schema === "" ? DEFAULT_SCHEMA : schema;
}

/**
 * Ends the session of a file: forgets `SET search_path` and drops temporary tables, as when each
 * migration file runs in its own session. {@link applyStatement} does it by itself when a
 * statement of another file arrives; {@link buildSchemaModel} does it at the end of each file.
 */
export function closeSession(model: SchemaModel): void {
  delete model.session;
  for (const key of [...model.tables.keys()]) if (key.startsWith(`${TEMPORARY_SCHEMA}.`)) model.tables.delete(key);
  for (const key of [...model.indexes.keys()]) if (key.startsWith(`${TEMPORARY_SCHEMA}.`)) model.indexes.delete(key);
}

/** Options of {@link buildSchemaModel} and {@link replayFile}. */
export interface BuildOptions extends Omit<ApplyOptions, "defaultSchema"> {
  /** Start from this model (copied, not changed) instead of an empty catalog. */
  model?: SchemaModel;
  /** Called with the model as it is before each statement (for rules that look at the catalog before a change). */
  beforeStatement?: (statement: Statement, model: SchemaModel) => void;
}

/** Replays one file into a model (mutating it) in a session of its own. */
export function replayFile(model: SchemaModel, file: ParsedFile, options: BuildOptions = {}): SchemaModel {
  closeSession(model);
  const applyOptions: ApplyOptions =
    options.createdInMigrations === undefined ? {} : { createdInMigrations: options.createdInMigrations };
  for (const statement of file.statements) {
    options.beforeStatement?.(statement, model);
    applyStatement(model, statement, applyOptions);
  }
  closeSession(model);
  return model;
}

/** The catalog a list of files builds when replayed in order. */
export function buildSchemaModel(files: readonly ParsedFile[], options: BuildOptions = {}): SchemaModel {
  const model = options.model === undefined ? createSchemaModel() : cloneSchemaModel(options.model);
  for (const file of files) replayFile(model, file, options);
  return model;
}
