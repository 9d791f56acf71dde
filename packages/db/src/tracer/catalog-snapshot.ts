import type { Queryable } from "../types.js";
import { formatRelationName } from "../introspection/relation-names.js";

/** What the tracer remembers of one user relation. */
export interface RelationState {
  relation: string;
  /** `pg_class.relkind`: r table, p partitioned table, m materialized view, i/I index, S sequence, v view, ... */
  kind: string;
  /** 0 for relations without storage (views, partitioned tables). */
  relfilenode: number;
}

/** A relation lock held by our own backend. */
export interface HeldLock {
  oid: number;
  mode: string;
  locktype: string;
}

// Objects with OIDs below FirstNormalObjectId belong to PostgreSQL itself (catalogs, pg_locks, ...).
const firstNormalObjectId = 16384;

/** Every user relation by OID (TOAST excluded): names survive a DROP, relfilenodes reveal rewrites. */
export async function snapshotRelations(connection: Queryable): Promise<Map<number, RelationState>> {
  const { rows } = await connection.query<{ oid: number; schema: string; name: string; kind: string; relfilenode: number }>(
    `SELECT c.oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind, c.relfilenode
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.oid >= $1::oid AND n.nspname NOT LIKE 'pg\\_toast%'`,
    [firstNormalObjectId],
  );
  const relations = new Map<number, RelationState>();
  for (const row of rows) {
    relations.set(Number(row.oid), {
      relation: formatRelationName(row.schema, row.name),
      kind: row.kind,
      relfilenode: Number(row.relfilenode),
    });
  }
  return relations;
}

/** Relation locks this backend holds right now, catalogs left out. */
export async function readOwnRelationLocks(connection: Queryable): Promise<HeldLock[]> {
  const { rows } = await connection.query<{ oid: number; mode: string; locktype: string }>(
    `SELECT relation AS oid, mode, locktype FROM pg_locks
     WHERE pid = pg_backend_pid() AND locktype = 'relation' AND relation >= $1::oid`,
    [firstNormalObjectId],
  );
  return rows.map((row) => ({ oid: Number(row.oid), mode: row.mode, locktype: row.locktype }));
}
