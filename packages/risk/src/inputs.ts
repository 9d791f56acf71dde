import { type Database, estimateStatementRows } from "@confiture/db";
import type { PgVersion } from "@confiture/sql";
import { analyseFiles, lockModelVersion } from "./analysis.js";
import type { RiskFile } from "./assess.js";
import type { Calibration } from "./calibration-schema.js";
import { loadCalibration } from "./calibration-store.js";
import type { HistoryRecord } from "./history-record.js";
import { readHistory } from "./history.js";
import { type StatisticsSnapshot, snapshotInputs, takeSnapshot } from "./snapshot.js";
import { normaliseRelation, type RiskInputs, statementKey } from "./table-statistics.js";

/** Tables the statements name without locking them in the lock model's verdict (a foreign key's parent). */
async function referencedRelations(files: readonly RiskFile[], pgVersion: PgVersion): Promise<string[]> {
  const relations = new Set<string>();
  for (const file of (await analyseFiles(files, { pgVersion })).files) {
    for (const { statement } of file.statements) {
      for (const relation of statement.relations) {
        if (relation.role === "referenced") relations.add(normaliseRelation(relation.schema ?? "public", relation.name));
      }
    }
  }
  return [...relations];
}

async function validatesConstraints(files: readonly RiskFile[], pgVersion: PgVersion): Promise<boolean> {
  const analysed = (await analyseFiles(files, { pgVersion })).files;
  return analysed.some((file) => file.statements.some(({ analysis }) => analysis.kind === "validate_constraint"));
}

/** The relations the lock model says a set of files locks, in first-seen order. */
export async function lockedRelations(files: readonly RiskFile[], pgVersion?: PgVersion): Promise<string[]> {
  const relations = new Set<string>();
  for (const file of (await analyseFiles(files, { pgVersion })).files) {
    for (const { analysis } of file.statements) for (const lock of analysis.locks) relations.add(lock.relation);
  }
  return [...relations];
}

/** Where risk inputs come from: a database (preferred), a snapshot, or nothing (the configured assumptions). */
export interface InputSources {
  db?: Database | undefined;
  snapshot?: StatisticsSnapshot | undefined;
  /** Directory of `.confiture/calibration.json` when there is no database. */
  directory?: string | undefined;
  /** Do not load the stored calibration (calibration itself describes its operations this way). */
  skipCalibration?: boolean;
}

const DML_KINDS: ReadonlySet<string> = new Set(["update", "delete", "insert", "merge"]);

/**
 * The rows the planner expects each DML statement to change, by statement location: EXPLAIN without
 * ANALYZE, in a rolled-back transaction. Statements that cannot be planned yet (they use a table or
 * column an earlier statement of the migration creates) are left out: they are priced by the table's rows.
 */
async function explainStatements(
  db: Database,
  files: readonly RiskFile[],
  pgVersion: PgVersion,
): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const file of (await analyseFiles(files, { pgVersion })).files) {
    for (const { statement, analysis } of file.statements) {
      if (!DML_KINDS.has(analysis.kind)) continue;
      const estimate = await estimateStatementRows(db, statement.text);
      if (estimate !== undefined) rows[statementKey(file.file.file, analysis.line, analysis.column)] = estimate;
    }
  }
  return rows;
}

/** Everything `assessRisk` can use beyond the files and the config. */
export interface RiskContext {
  inputs: RiskInputs;
  calibration?: Calibration;
  history: HistoryRecord[];
}

/**
 * Gathers the inputs of an assessment: sizes, dependencies and activity of only the tables the files
 * lock (so it stays fast on databases with thousands of tables), the stored calibration and the
 * migration history. Without a database, the snapshot's figures, else the assumptions.
 */
export async function gatherRiskContext(files: readonly RiskFile[], sources: InputSources): Promise<RiskContext> {
  const { db, snapshot, directory } = sources;
  const load = (location: { db?: Database; directory?: string | undefined }) =>
    sources.skipCalibration === true ? Promise.resolve(undefined) : loadCalibration(location);
  if (db !== undefined) {
    const pgVersion = lockModelVersion(await db.serverMajorVersion());
    const relations = await lockedRelations(files, pgVersion);
    const live = await takeSnapshot(db, { tables: [...relations, ...(await referencedRelations(files, pgVersion))] });
    // A VALIDATE CONSTRAINT names only the child: its parent is in the catalog's foreign keys.
    const known = new Set(live.tables.map((table) => normaliseRelation(table.schema, table.name)));
    const parents = live.tables.flatMap((table) => (table.foreignKeys ?? []).map((key) => key.referencedRelation));
    const missing = [...new Set(parents)].filter((relation) => !known.has(relation));
    if (missing.length > 0 && (await validatesConstraints(files, pgVersion)))
      live.tables.push(...(await takeSnapshot(db, { tables: missing })).tables);
    const [calibration, history, statementRows] = await Promise.all([
      load({ db }),
      readHistory(db),
      explainStatements(db, files, pgVersion),
    ]);
    return { inputs: { ...snapshotInputs(live, "database"), statementRows }, calibration, history };
  }
  const calibration = await load({ directory });
  if (snapshot !== undefined) return { inputs: snapshotInputs(snapshot), calibration, history: [] };
  return { inputs: { source: "assumptions", tables: [] }, calibration, history: [] };
}
