import type { Database } from "@confiture/db";
import type { PgVersion } from "@confiture/sql";
import { analyseFiles, lockModelVersion } from "./analysis.js";
import type { RiskFile } from "./assess.js";
import type { Calibration } from "./calibration-schema.js";
import { loadCalibration } from "./calibration-store.js";
import type { HistoryRecord } from "./history-record.js";
import { readHistory } from "./history.js";
import { type StatisticsSnapshot, snapshotInputs, takeSnapshot } from "./snapshot.js";
import type { RiskInputs } from "./table-statistics.js";

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
  db?: Database;
  snapshot?: StatisticsSnapshot;
  /** Directory of `.confiture/calibration.json` when there is no database. */
  directory?: string;
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
  if (db !== undefined) {
    const relations = await lockedRelations(files, lockModelVersion(await db.serverMajorVersion()));
    const [live, calibration, history] = await Promise.all([
      takeSnapshot(db, { tables: relations }),
      loadCalibration({ db }),
      readHistory(db),
    ]);
    return { inputs: snapshotInputs(live, "database"), calibration, history };
  }
  const calibration = await loadCalibration({ directory });
  if (snapshot !== undefined) return { inputs: snapshotInputs(snapshot), calibration, history: [] };
  return { inputs: { source: "assumptions", tables: [] }, calibration, history: [] };
}
