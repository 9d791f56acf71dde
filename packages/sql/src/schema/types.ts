/**
 * The schema model: the catalog that a set of migrations builds, replayed statically in order.
 * Rules use it to reason across statements and files (a column added in one file, encrypted or
 * commented in another). Names are as PostgreSQL folds them; keys of the maps are
 * `schema.name` with the schema defaulting to `public`.
 */

/** Where an object was created or last changed. */
export interface SourceReference {
  file?: string;
  line: number;
  column: number;
  /** Index of the statement in its file. */
  statementIndex: number;
}

/** A column: its type as PostgreSQL stores it, nullability, default, generation, identity, comment and security labels. */
export interface ColumnModel {
  name: string;
  /** Normalised type name as PostgreSQL stores it (`int4`, `varchar`, `timestamptz`, `numeric`, `text`, a user type's name). */
  type: string;
  /** Type modifiers (`varchar(255)` -> [255], `numeric(10,2)` -> [10, 2]). */
  typeModifiers: number[];
  isArray: boolean;
  notNull: boolean;
  /** The default expression as deparsed SQL, if any. */
  defaultExpression?: string;
  /** Whether the default is volatile (from pg_proc volatility), when there is one. */
  defaultVolatile?: boolean;
  generated?: "stored" | "virtual";
  identity?: "always" | "by_default";
  comment?: string;
  securityLabels: Record<string, string>;
  createdAt?: SourceReference;
  /** The generation expression (deparsed) of a generated column. */
  generatedExpression?: string;
  /** Collation when one is written (`COLLATE "C"`). */
  collation?: string;
  /** Like `pg_attribute.attnum`: increasing per table, never reused; lets a diff tell a rename from a drop and an add. */
  position?: number;
  /** True when the type is not known statically (a column of CREATE TABLE AS or a view over an expression). */
  typeUnknown?: boolean;
}

/** Kinds of table constraints, as `pg_constraint.contype` distinguishes them. */
export type ConstraintType = "primary_key" | "unique" | "foreign_key" | "check" | "exclusion" | "not_null";

/** A table constraint, with the name PostgreSQL gives it when none is written. */
export interface ConstraintModel {
  name?: string;
  type: ConstraintType;
  columns: string[];
  /** For foreign keys. */
  references?: { table: string; columns: string[]; onDelete?: string; onUpdate?: string };
  /** False while a NOT VALID constraint has not been validated. */
  validated: boolean;
  createdAt?: SourceReference;
  /** The CHECK (or exclusion WHERE) expression, deparsed. */
  expression?: string;
  deferrable?: boolean;
  initiallyDeferred?: boolean;
  /** False for `NOT ENFORCED` constraints (PostgreSQL 18). */
  enforced?: boolean;
  /** Name of the index that backs a primary key, unique or exclusion constraint. */
  index?: string;
}

/** An index; keyed in `SchemaModel.indexes` by `schema.name` (indexes live in their table's schema). */
export interface IndexModel {
  name: string;
  /** Key of the table (`schema.name`). */
  table: string;
  columns: string[];
  /** Expressions (deparsed) for expression indexes, in key order with columns. */
  expressions: string[];
  unique: boolean;
  method: string;
  where?: string;
  createdAt?: SourceReference;
  /** INCLUDE columns. */
  include?: string[];
  /** Name of the constraint this index backs (primary key, unique, exclusion), if any. */
  constraint?: string;
  primary?: boolean;
  /**
   * Names PostgreSQL gives the index's attributes (key columns, `lower` / `expr` for expressions,
   * INCLUDE columns); its default name is made of them, and so are the names of its copies.
   */
  attributeNames?: string[];
  /** Created with CREATE INDEX CONCURRENTLY. */
  concurrently?: boolean;
  nullsNotDistinct?: boolean;
}

/** A row level security policy. `roles` holds `PUBLIC` when the policy names none. */
export interface PolicyModel {
  name: string;
  command: "all" | "select" | "insert" | "update" | "delete";
  roles: string[];
  permissive: boolean;
  using?: string;
  withCheck?: string;
  createdAt?: SourceReference;
}

/** A trigger on a table or view. */
export interface TriggerModel {
  name: string;
  function: string;
  timing: "before" | "after" | "instead_of";
  events: Array<"insert" | "update" | "delete" | "truncate">;
  forEachRow: boolean;
  enabled: boolean;
  /** How `ALTER TABLE ... ENABLE/DISABLE TRIGGER` left it: `origin` fires normally; `replica` fires only on replicas. */
  firing?: "origin" | "always" | "replica" | "disabled";
  /** UPDATE OF columns. */
  columns?: string[];
  /** The WHEN condition, deparsed. */
  when?: string;
  /** A constraint trigger. */
  constraint?: boolean;
  createdAt?: SourceReference;
}

/**
 * Privileges a role holds on a table: one entry per grantee for table-level privileges, one per
 * grantee and privilege for column-level ones. Privilege names are upper case; ALL is expanded.
 */
export interface GrantModel {
  grantee: string;
  privileges: string[];
  /** Columns when the grant is column-level. */
  columns?: string[];
  /** Privileges also granted WITH GRANT OPTION. */
  withGrantOption?: boolean;
  createdAt?: SourceReference;
}

/** A table, partitioned table, view, materialized view or foreign table. */
export interface TableModel {
  schema: string;
  name: string;
  kind: "table" | "view" | "materialized_view" | "partitioned_table" | "foreign_table";
  columns: Map<string, ColumnModel>;
  constraints: ConstraintModel[];
  /** Names of indexes on this table (keys into SchemaModel.indexes). */
  indexes: string[];
  comment?: string;
  securityLabels: Record<string, string>;
  rowLevelSecurity: boolean;
  forceRowLevelSecurity: boolean;
  policies: PolicyModel[];
  triggers: TriggerModel[];
  grants: GrantModel[];
  /** Partition parent, when attached. */
  partitionOf?: string;
  /** The DEFAULT partition of its parent (attaching or creating another partition scans and locks it). */
  partitionDefault?: boolean;
  createdAt?: SourceReference;
  /** True when created earlier in the migration set being linted (not pre-existing). */
  createdInMigrations: boolean;
  /** Parents named in INHERITS (keys). */
  inherits?: string[];
  owner?: string;
  /** `UNLOGGED` tables (not crash-safe, not replicated). */
  unlogged?: boolean;
  /** Temporary tables live in `pg_temp` and are dropped at the end of each file by buildSchemaModel. */
  temporary?: boolean;
  /** False when the columns could not all be derived (CREATE TABLE AS / views over `*` of unknown tables). */
  columnsKnown?: boolean;
  /** The defining query of a view or materialized view, deparsed. */
  query?: string;
  /** Like `pg_class.oid`: stable across renames, so a diff can tell a rename from a drop and an add. */
  objectId?: number;
}

/** A function or procedure created by the migrations; overloads share one entry (the last one wins). */
export interface FunctionModel {
  schema: string;
  name: string;
  securityDefiner: boolean;
  /** `search_path` pinned with SET search_path in the function definition. */
  searchPath?: string;
  language: string;
  volatility: "immutable" | "stable" | "volatile";
  createdAt?: SourceReference;
  kind?: "function" | "procedure";
  /** Argument types as written, normalised like column types. */
  argumentTypes?: string[];
  /** Return type (`trigger`, `int4`, `void`, ...); absent for procedures. */
  returns?: string;
  owner?: string;
}

/** A role created or altered by the migrations. */
export interface RoleModel {
  login: boolean;
  superuser: boolean;
  hasPassword: boolean;
  /** Roles this role was granted (GRANT role TO this). */
  memberOf?: string[];
  createdAt?: SourceReference;
}

/** The catalog the migrations build. Plain data: copy it with `cloneSchemaModel`, serialise it with `schemaModelToJson`. */
export interface SchemaModel {
  tables: Map<string, TableModel>;
  indexes: Map<string, IndexModel>;
  functions: Map<string, FunctionModel>;
  /** Enum types and their labels in order. */
  enums: Map<string, string[]>;
  extensions: Set<string>;
  /** Database roles created by the migrations. */
  roles: Map<string, RoleModel>;
  /** Schemas known to exist (`public` and those created by the migrations). */
  schemas: Set<string>;
  /**
   * Where objects without a `createdAt` field were created: keys are `enum:<schema.name>`,
   * `extension:<name>`, `schema:<name>`.
   */
  sources: Map<string, SourceReference>;
  /** Counter behind `TableModel.objectId`. */
  nextObjectId: number;
  /**
   * Session state of the file being replayed: which file, and the schema `SET search_path` made
   * the default for unqualified names. A statement from another file starts a new session (its
   * temporary tables and search path are gone), as does `closeSession`.
   */
  session?: { file?: string; defaultSchema?: string };
}
