import { lockModeStrength } from "../lock-modes.js";
import { relationKey } from "../relations.js";
import type { SchemaModel } from "../schema/types.js";
import type { LockAcquisition, LockMode, PgVersion, RelationReference } from "../types.js";

/** A column's type as the lock model needs it to decide whether a type change rewrites. */
export interface ColumnType {
  /** PostgreSQL's internal name: `int4`, `varchar`, `bpchar`, `numeric`, `timestamptz`, `text`, or a user type. */
  name: string;
  /** `varchar(255)` -> [255]; `numeric(10, 2)` -> [10, 2]. */
  modifiers: number[];
  isArray: boolean;
}

/** Looks up the current type of `relation.column` (relation named as `relationKey` names it). */
export type ColumnTypeLookup = (relation: string, column: string) => ColumnType | undefined;

/** What the analysers know besides the statement. */
export interface AnalysisContext {
  pgVersion: PgVersion;
  /** The session's TimeZone, when known: timestamp <-> timestamptz changes skip the rewrite in UTC from PG 12. */
  timeZone?: string | undefined;
  columnType?: ColumnTypeLookup | undefined;
  /** The catalog as the statement finds it: names the relations it locks without naming them. */
  schema?: SchemaModel | undefined;
}

/** Accumulates one statement's verdict: the strongest lock per relation, rewrite, scan, notes. */
export class Verdict {
  private readonly locks = new Map<string, LockMode>();
  rewrite = false;
  scan = false;
  transactional = true;
  readonly notes: string[] = [];

  /** Record a lock on a relation the statement names. Relations the statement creates are skipped: nobody else can see them. */
  lock(relation: RelationReference | undefined, mode: LockMode): void {
    if (relation === undefined || relation.created === true) return;
    const key = relationKey(relation);
    const current = this.locks.get(key);
    if (current === undefined || lockModeStrength(mode) > lockModeStrength(current)) this.locks.set(key, mode);
  }

  /** Add an explanation once. */
  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  /** The locks, in the order first taken. */
  lockList(): LockAcquisition[] {
    return [...this.locks].map(([relation, mode]) => ({ relation, mode }));
  }
}
