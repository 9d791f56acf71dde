import { DEFAULT_PG_VERSION, type LockAcquisition, type PgVersion } from "@confiture/sql";
import { lockModelVersion } from "./analysis.js";
import type { Calibration } from "./calibration-schema.js";
import { parseRiskConfig, RISK_LEVELS, type RiskConfig, type RiskConfigInput, type RiskLevel } from "./config.js";
import { combineDowntimes, type Downtime, migrationDowntime, type TimedStatement } from "./downtime.js";
import { emitTiming } from "./events.js";
import type { InputSource, RiskFactor } from "./factors.js";
import type { HistoryRecord } from "./history-record.js";
import { type MigrationScore, scoreMigration } from "./migration-score.js";
import { blocksWrites } from "./operations.js";
import { type DurationPrediction, predictDuration } from "./predict.js";
import { type RiskInputs, statisticsFor, type TableStatistics } from "./table-statistics.js";
import { type EarlierFiles, describeFiles } from "./work-description.js";

/** A migration file to assess. */
export interface RiskFile {
  file: string;
  source: string;
  /** Whether the runner wraps the file in a transaction; by default, when every statement may run in one. */
  transactional?: boolean;
}

/** Where a statement is and what it locks: the shape every per-statement report (risk, trace) shares. */
export interface StatementFacts {
  file: string;
  line: number;
  column: number;
  sql: string;
  kind: string;
  locks: LockAcquisition[];
  rewrite: boolean;
  scan: boolean;
  transactional: boolean;
}

/** One statement of the report: the lock model's verdict and its predicted duration. */
export interface RiskStatement extends StatementFacts {
  notes: string[];
  downtime: DurationPrediction & { relation: string | null; sizeSource: InputSource | null };
}

/** A statement that does not parse: its file cannot be judged. */
export interface UnjudgedStatement {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** The downtime and score of one migration file, judged on its own: migrations commit one after another. */
export interface MigrationRisk extends MigrationScore {
  file: string;
  transactional: boolean;
  downtime: Downtime;
  /** False when a statement of the file does not parse: what parsed is reported, but the file cannot be judged. */
  judged: boolean;
}

/** The JSON contract of `confiture risk`. */
export interface RiskReport {
  /** The riskiest migration's score, level and factors: the risk of running the set. */
  score: number;
  level: RiskLevel;
  factors: RiskFactor[];
  levelReason?: string;
  downtime: Downtime;
  statements: RiskStatement[];
  migrations: MigrationRisk[];
  /** Statements that do not parse. When any, the set cannot be judged: `confiture risk` exits 1. */
  unjudged: UnjudgedStatement[];
  inputs: {
    source: RiskInputs["source"];
    takenAt?: string;
    serverMajorVersion?: number;
    /** How tables created by earlier files of the set were sized: empty (`pending`) or as found (`applied`). */
    earlierFiles: EarlierFiles;
    tables: {
      relation: string;
      source: InputSource;
      rowEstimate: number;
      totalBytes: number;
      tableBytes: number;
      indexBytes: number;
      toastBytes: number;
    }[];
    connectionUsage: { value: number; source: InputSource };
  };
}

/** What `assessRisk` takes. Everything but `files` is optional. */
export interface AssessRiskOptions {
  files: readonly RiskFile[];
  /** Sizes, dependencies and activity (see `gatherRiskContext`); the configured assumptions when absent. */
  inputs?: RiskInputs;
  /** Lint findings: their severity, and their file when they have one (a finding counts for its own migration). */
  findings?: readonly { severity: string; file?: string }[];
  calibration?: Calibration;
  history?: readonly HistoryRecord[];
  config?: RiskConfig | RiskConfigInput;
  pgVersion?: PgVersion;
  /**
   * `pending` (default): the files run one after another on the target, so a table an earlier file
   * creates is empty. `applied`: judge each file as if the ones before it ran long ago, so their tables
   * have the sizes the inputs give (or the assumed ones): what `confiture risk` on that file alone says.
   */
  earlierFiles?: EarlierFiles;
}

const assumedInputs: RiskInputs = { source: "assumptions", tables: [] };
const ROW_LOCKING: ReadonlySet<string> = new Set(["update", "delete", "merge"]);

const rank = (migration: MigrationRisk) => RISK_LEVELS.indexOf(migration.level) * 10 + migration.score;

/**
 * Assesses a set of migration files, in order: the predicted downtime of every statement and
 * migration, each migration's score and level (judged on its own, since each commits before the next
 * starts), the set's (its riskiest migration's), and where every input came from. No I/O (it is
 * async only because the parser loads once); emits the `risk_assessment` timing event.
 */
export async function assessRisk(options: AssessRiskOptions): Promise<RiskReport> {
  const started = performance.now();
  const config = parseRiskConfig(options.config ?? {});
  const inputs = options.inputs ?? assumedInputs;
  const earlierFiles = options.earlierFiles ?? "pending";
  const pgVersion =
    options.pgVersion ??
    (inputs.serverMajorVersion === undefined ? DEFAULT_PG_VERSION : lockModelVersion(inputs.serverMajorVersion));
  const context = {
    config,
    calibration: options.calibration,
    history: options.history,
    ...(inputs.server === undefined ? {} : { target: inputs.server }),
  };
  const statements: RiskStatement[] = [];
  const migrations: MigrationRisk[] = [];
  const predictions: DurationPrediction[] = [];
  const unjudged: UnjudgedStatement[] = [];
  const used = new Map<string, TableStatistics>();
  const connectionUsage =
    inputs.activity !== undefined && inputs.activity.maxConnections > 0
      ? { value: inputs.activity.connections / inputs.activity.maxConnections, source: inputs.source as InputSource }
      : { value: config.assumptions.connectionUsage, source: "assumptions" as InputSource };

  for (const { file, statements: described, errors } of await describeFiles(options.files, inputs, config, {
    pgVersion,
    earlierFiles,
  })) {
    for (const error of errors)
      unjudged.push({ file: file.file, line: error.line, column: error.column, message: error.message });
    const transactional = file.transactional ?? described.every(({ analysis }) => analysis.transactional);
    const createdInFile = new Set<string>();
    const timed: TimedStatement[] = [];
    const tablesOf = new Map<string, TableStatistics>();
    const rowShare = new Map<string, number>();
    for (const item of described) {
      const { statement, analysis } = item;
      for (const created of item.created) createdInFile.add(created);
      for (const [relation, statistics] of item.lockedTables) {
        if (!tablesOf.has(relation)) tablesOf.set(relation, statistics);
        if (statistics.source !== "migration") used.set(relation, statistics);
      }
      if (item.table !== undefined && !tablesOf.has(item.table.relation)) tablesOf.set(item.table.relation, item.table);
      const prediction = predictDuration(
        { kind: analysis.kind, operation: item.operation, table: item.table, parts: item.parts },
        context,
      );
      predictions.push(prediction);
      const visible = new Set(
        analysis.locks
          .map((lock) => lock.relation)
          .filter((name) => !(createdInFile.has(name) && (transactional || item.created.includes(name)))),
      );
      const rowLocks: string[] = [];
      const target = item.parts[0];
      if (ROW_LOCKING.has(analysis.kind) && target?.relation !== undefined && (target.work.touchedRows ?? 0) > 0) {
        rowLocks.push(target.relation);
        const rows = Math.max(1, target.work.rows);
        rowShare.set(
          target.relation,
          Math.max(rowShare.get(target.relation) ?? 0, Math.min(1, (target.work.touchedRows ?? 0) / rows)),
        );
        visible.add(target.relation);
      }
      timed.push({ prediction, locks: analysis.locks, visibleRelations: visible, rowLocks });
      statements.push({
        file: file.file,
        line: analysis.line,
        column: analysis.column,
        sql: statement.text,
        kind: analysis.kind,
        locks: analysis.locks,
        rewrite: analysis.rewrite,
        scan: analysis.scan,
        transactional: analysis.transactional,
        notes: analysis.notes,
        downtime: { ...prediction, relation: item.table?.relation ?? null, sizeSource: item.table?.source ?? null },
      });
    }
    const downtime = migrationDowntime(timed, transactional);
    const blocked = downtime.blocked.map(({ relation }) => {
      const lockedWhole = timed.some((item) =>
        item.locks.some((lock) => lock.relation === relation && blocksWrites(lock.mode) && item.visibleRelations.has(relation)),
      );
      const table = tablesOf.get(relation) ?? statisticsFor(relation, inputs, config, new Set());
      return { table, share: lockedWhole ? 1 : (rowShare.get(relation) ?? 1) };
    });
    const findings = (options.findings ?? []).filter((finding) => finding.file === undefined || finding.file === file.file);
    const scored = scoreMigration(downtime, { blocked, findings, connectionUsage }, config);
    migrations.push({ file: file.file, transactional, downtime, judged: errors.length === 0, ...scored });
  }

  const downtime = combineDowntimes(
    migrations.map((migration) => migration.downtime),
    predictions,
  );
  if (downtime.lock?.blocksWrites) {
    downtime.caveats.push(
      "Excludes the time spent waiting for the lock behind long-running transactions, during which every later query on the table queues too: set lock_timeout.",
    );
  }
  const longest = inputs.activity?.longestTransactionSeconds ?? 0;
  if (downtime.lock?.blocksWrites && longest >= 1) {
    downtime.caveats.push(
      `A transaction has been open for ${Math.round(longest)} s on the server: the lock would wait for it to end while every later query on the table waits behind the lock.`,
    );
  }
  const worst = migrations.reduce<MigrationRisk | undefined>(
    (best, migration) => (best === undefined || rank(migration) > rank(best) ? migration : best),
    undefined,
  );
  const empty = scoreMigration(
    { ...downtime, estimateMs: 0, blocked: [], blockedRelation: null },
    { blocked: [], findings: [], connectionUsage },
    config,
  );
  const report: RiskReport = {
    score: worst?.score ?? empty.score,
    level: worst?.level ?? empty.level,
    factors: worst?.factors ?? empty.factors,
    ...(worst?.levelReason === undefined ? {} : { levelReason: `${worst.file}: ${worst.levelReason}` }),
    downtime,
    statements,
    migrations,
    unjudged,
    inputs: {
      source: inputs.source,
      ...(inputs.takenAt === undefined ? {} : { takenAt: inputs.takenAt }),
      ...(inputs.serverMajorVersion === undefined ? {} : { serverMajorVersion: inputs.serverMajorVersion }),
      earlierFiles,
      tables: [...used.values()].map((table) => ({
        relation: table.relation,
        source: table.source,
        rowEstimate: table.rowEstimate,
        totalBytes: table.totalBytes,
        tableBytes: table.tableBytes,
        indexBytes: table.indexBytes,
        toastBytes: table.toastBytes,
      })),
      connectionUsage,
    },
  };
  emitTiming("risk_assessment", started);
  return report;
}
