import { readFile } from "node:fs/promises";
import { type Database, getActivity, getTableShapes, getTableSizes, type Queryable } from "@confiture/db";
import { getDependencyCounts } from "./dependency-counts.js";
import { z } from "zod";
import { writeFileAtomic } from "./atomic-file.js";
import { SnapshotError } from "./errors.js";
import { identifyServer } from "./server-identity.js";
import { normaliseRelation, type RiskInputs } from "./table-statistics.js";

const count = z.number().int().min(0);
const bytes = z.number().min(0);

/** The file `confiture stats export` writes: what risk needs to know about production, without production access. */
export const statisticsSnapshotSchema = z.object({
  version: z.literal(1),
  takenAt: z.string(),
  server: z.object({
    majorVersion: z.number().int(),
    version: z.string(),
    /** `pg` or `pglite`. */
    driver: z.string().optional(),
    /** The cluster's system identifier, or address and port: tells whether a calibration measured this server. */
    fingerprint: z.string().optional(),
  }),
  activity: z.object({
    connections: count,
    maxConnections: count,
    /** Age of the oldest open transaction of another session: a lock request queues behind it. */
    longestTransactionSeconds: z.number().min(0).optional(),
  }),
  /** Versions in `confiture.migrations` when the snapshot was taken: preflight treats the others as pending. */
  appliedMigrations: z.array(z.string()).optional(),
  tables: z.array(
    z.object({
      schema: z.string(),
      name: z.string(),
      totalBytes: bytes,
      tableBytes: bytes,
      indexBytes: bytes,
      toastBytes: bytes.default(0),
      rowEstimate: z.number().min(0),
      dependencies: z.object({ foreignKeysOut: count, foreignKeysIn: count, views: count, triggers: count }),
      /** Column types, average widths, collations and physical order: what sorting and copying cost. */
      columns: z
        .array(
          z.object({
            name: z.string(),
            type: z.string(),
            averageWidth: z.number().min(0).nullable(),
            collated: z.boolean(),
            correlation: z.number().nullable(),
          }),
        )
        .optional(),
      /** Indexes: a rewrite rebuilds each one. */
      indexes: z
        .array(
          z.object({
            name: z.string(),
            method: z.string(),
            unique: z.boolean(),
            columns: z.array(z.string().nullable()),
            partial: z.boolean(),
          }),
        )
        .optional(),
      foreignKeys: z.array(z.object({ name: z.string(), referencedRelation: z.string() })).optional(),
    }),
  ),
});

/** A statistics snapshot. */
export type StatisticsSnapshot = z.output<typeof statisticsSnapshotSchema>;

/** Versions listed in `confiture.migrations` (written by the migrate runner), or undefined when it does not exist. */
export async function readAppliedVersions(db: Queryable): Promise<string[] | undefined> {
  const exists = await db.query<{ found: string | null }>("SELECT to_regclass('confiture.migrations')::text AS found");
  if (exists.rows[0]?.found == null) return undefined;
  const { rows } = await db.query<{ version: string }>("SELECT version FROM confiture.migrations ORDER BY version");
  return rows.map((row) => row.version);
}

/** Reads sizes, dependency counts, activity and the server version of the given tables, or of every user table. */
export async function takeSnapshot(db: Database, options: { tables?: readonly string[] } = {}): Promise<StatisticsSnapshot> {
  const [sizes, activity, server, appliedMigrations] = await Promise.all([
    getTableSizes(db, options.tables),
    getActivity(db),
    identifyServer(db),
    readAppliedVersions(db),
  ]);
  const relations = sizes.map((table) => table.relation);
  const [counts, shapes] = await Promise.all([getDependencyCounts(db, relations), getTableShapes(db, relations)]);
  const shapeOf = new Map(shapes.map((shape) => [shape.relation, shape]));
  const none = { foreignKeysOut: 0, foreignKeysIn: 0, views: 0, triggers: 0 };
  const tables: StatisticsSnapshot["tables"] = sizes.map((table) => ({
    schema: table.schema,
    name: table.name,
    totalBytes: Number(table.totalBytes),
    tableBytes: Number(table.tableBytes),
    indexBytes: Number(table.indexBytes),
    toastBytes: Number(table.toastBytes),
    // A table never analysed has no estimate; about 100 bytes per row is a typical heap density.
    rowEstimate: table.rowEstimate === null ? Math.round(Number(table.tableBytes) / 100) : Math.max(0, table.rowEstimate),
    dependencies: counts.get(table.relation) ?? none,
    ...shapeFields(shapeOf.get(table.relation)),
  }));
  return {
    version: 1,
    takenAt: new Date().toISOString(),
    server: {
      majorVersion: server.majorVersion,
      version: server.version ?? `PostgreSQL ${server.majorVersion}`,
      ...(server.driver === undefined ? {} : { driver: server.driver }),
      ...(server.fingerprint === undefined ? {} : { fingerprint: server.fingerprint }),
    },
    ...(appliedMigrations === undefined ? {} : { appliedMigrations }),
    activity: {
      connections: activity.connections,
      maxConnections: activity.maxConnections,
      longestTransactionSeconds: activity.longestTransactionSeconds,
    },
    tables,
  };
}

function shapeFields(shape: Awaited<ReturnType<typeof getTableShapes>>[number] | undefined) {
  if (shape === undefined) return {};
  return {
    columns: shape.columns,
    indexes: shape.indexes,
    foreignKeys: shape.foreignKeys.map((key) => ({ name: key.name, referencedRelation: key.referencedRelation })),
  };
}

/** Validates a parsed snapshot; errors name the key path. */
export function parseSnapshot(value: unknown, where = "snapshot"): StatisticsSnapshot {
  const result = statisticsSnapshotSchema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new SnapshotError(`invalid statistics snapshot ${where}:\n  ${issues.join("\n  ")}`, { cause: result.error });
}

/** Reads and validates a snapshot file. */
export async function readSnapshot(path: string): Promise<StatisticsSnapshot> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new SnapshotError(`cannot read statistics snapshot ${path}`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SnapshotError(`statistics snapshot ${path} is not JSON`, { cause: error });
  }
  return parseSnapshot(value, path);
}

/** Writes a snapshot file atomically. */
export async function writeSnapshot(path: string, snapshot: StatisticsSnapshot): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(parseSnapshot(snapshot), null, 2)}\n`);
}

/** The risk inputs a snapshot gives. */
export function snapshotInputs(snapshot: StatisticsSnapshot, source: "snapshot" | "database" = "snapshot"): RiskInputs {
  return {
    source,
    takenAt: snapshot.takenAt,
    serverMajorVersion: snapshot.server.majorVersion,
    server: {
      majorVersion: snapshot.server.majorVersion,
      version: snapshot.server.version,
      ...(snapshot.server.driver === undefined ? {} : { driver: snapshot.server.driver }),
      ...(snapshot.server.fingerprint === undefined ? {} : { fingerprint: snapshot.server.fingerprint }),
    },
    activity: snapshot.activity,
    tables: snapshot.tables.map((table) => ({
      relation: normaliseRelation(table.schema, table.name),
      totalBytes: table.totalBytes,
      tableBytes: table.tableBytes,
      indexBytes: table.indexBytes,
      toastBytes: table.toastBytes,
      rowEstimate: table.rowEstimate,
      ...(table.columns === undefined ? {} : { columns: table.columns }),
      ...(table.indexes === undefined ? {} : { indexes: table.indexes }),
      ...(table.foreignKeys === undefined ? {} : { foreignKeys: table.foreignKeys }),
      dependencies:
        table.dependencies.foreignKeysIn +
        table.dependencies.foreignKeysOut +
        table.dependencies.views +
        table.dependencies.triggers,
      source,
    })),
  };
}
