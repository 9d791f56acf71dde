import type { Queryable } from "../types.js";
import { formatRelationName } from "../introspection/relation-names.js";

/** What the tracer remembers of one user relation. */
export interface RelationState {
  relation: string;
  /** `pg_class.relkind`: r table, p partitioned table, m materialized view, i/I index, S sequence, v view, ... */
  kind: string;
  /** 0 for relations without storage (views, partitioned tables). */
  relfilenode: number;
  /** OID of the table an index belongs to, or that owns a sequence (serial, identity). */
  ownerOid?: number;
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
  const { rows } = await connection.query<{
    oid: number;
    schema: string;
    name: string;
    kind: string;
    relfilenode: number;
    owner: number | null;
  }>(
    // An index's table, or the table whose column owns a sequence (auto or internal dependency).
    `SELECT c.oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind, c.relfilenode,
            COALESCE(i.indrelid, (SELECT d.refobjid FROM pg_depend d
              WHERE c.relkind = 'S' AND d.classid = 'pg_class'::regclass AND d.objid = c.oid
                AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') LIMIT 1)) AS owner
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_index i ON i.indexrelid = c.oid
     WHERE c.oid >= $1::oid AND n.nspname NOT LIKE 'pg\\_toast%'`,
    [firstNormalObjectId],
  );
  const relations = new Map<number, RelationState>();
  for (const row of rows) {
    relations.set(Number(row.oid), {
      relation: formatRelationName(row.schema, row.name),
      kind: row.kind,
      relfilenode: Number(row.relfilenode),
      ...(row.owner === null ? {} : { ownerOid: Number(row.owner) }),
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
