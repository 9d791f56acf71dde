import { DEFAULT_PG_VERSION, type LockAcquisition, type PgVersion } from "@confiture/sql";
import { analyseFiles, lockModelVersion } from "./analysis.js";
import type { Calibration } from "./calibration-schema.js";
import { parseRiskConfig, type RiskConfig, type RiskConfigInput, type RiskLevel } from "./config.js";
import { combineDowntimes, type Downtime, migrationDowntime, type TimedStatement } from "./downtime.js";
import { emitTiming } from "./events.js";
import { computeFactors, type InputSource, type RiskFactor } from "./factors.js";
import type { HistoryRecord } from "./history-record.js";
import { classifyOperation, sizedRelation } from "./operations.js";
import { type DurationPrediction, predictDuration } from "./predict.js";
import { levelOf, scoreOf } from "./score.js";
import { relationsOf, sourceOfAll } from "./statement-relations.js";
import { type RiskInputs, statisticsFor, type TableStatistics } from "./table-statistics.js";

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

/** The downtime of one migration file. */
export interface MigrationRisk {
  file: string;
  transactional: boolean;
  downtime: Downtime;
}

/** The JSON contract of `confiture risk`. */
export interface RiskReport {
  score: number;
  level: RiskLevel;
  factors: RiskFactor[];
  downtime: Downtime;
  statements: RiskStatement[];
  migrations: MigrationRisk[];
  inputs: {
    source: RiskInputs["source"];
    takenAt?: string;
    serverMajorVersion?: number;
    tables: { relation: string; source: InputSource; rowEstimate: number; totalBytes: number }[];
    connectionUsage: { value: number; source: InputSource };
  };
}

/** What `assessRisk` takes. Everything but `files` is optional. */
export interface AssessRiskOptions {
  files: readonly RiskFile[];
  /** Sizes, dependencies and activity (see `collectInputs`); the configured assumptions when absent. */
  inputs?: RiskInputs;
  /** Lint findings; only their severity is used. */
  findings?: readonly { severity: string }[];
  calibration?: Calibration;
  history?: readonly HistoryRecord[];
  config?: RiskConfig | RiskConfigInput;
  pgVersion?: PgVersion;
}

const assumedInputs: RiskInputs = { source: "assumptions", tables: [] };

/**
 * Assesses a set of migration files, in order: the score and its five factors, the predicted downtime
 * of every statement, migration and of the whole set, and where every input came from. No I/O (it is
 * async only because the parser loads once); emits the `risk_assessment` timing event.
 */
export async function assessRisk(options: AssessRiskOptions): Promise<RiskReport> {
  const started = performance.now();
  const config = parseRiskConfig(options.config ?? {});
  const inputs = options.inputs ?? assumedInputs;
  const pgVersion =
    options.pgVersion ??
    (inputs.serverMajorVersion === undefined ? DEFAULT_PG_VERSION : lockModelVersion(inputs.serverMajorVersion));
  const context = { config, calibration: options.calibration, history: options.history };
  const createdBefore = new Set<string>();
  const statements: RiskStatement[] = [];
  const migrations: MigrationRisk[] = [];
  const predictions: DurationPrediction[] = [];
  const used = new Map<string, TableStatistics>();

  for (const { file, statements: analysed } of (await analyseFiles(options.files, { pgVersion })).files) {
    const transactional = file.transactional ?? analysed.every(({ analysis }) => analysis.transactional);
    const createdInFile = new Set<string>();
    const timed: TimedStatement[] = [];
    for (const { statement, analysis } of analysed) {
      const relations = relationsOf(statement);
      // A table is empty and invisible to other sessions from the statement that creates it on.
      for (const created of relations.created) {
        createdInFile.add(created);
        createdBefore.add(created);
      }
      const operation = classifyOperation(analysis);
      const relation = sizedRelation(analysis);
      const table = relation === undefined ? undefined : statisticsFor(relation, inputs, config, createdBefore);
      for (const lock of analysis.locks) {
        const statistics = statisticsFor(lock.relation, inputs, config, createdBefore);
        if (statistics.source !== "migration") used.set(lock.relation, statistics);
      }
      const prediction = predictDuration({ kind: analysis.kind, operation, table }, context);
      predictions.push(prediction);
      const visible = new Set(
        analysis.locks
          .map((lock) => lock.relation)
          .filter((name) => !(createdInFile.has(name) && (transactional || relations.created.includes(name)))),
      );
      timed.push({ prediction, locks: analysis.locks, visibleRelations: visible });
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
        downtime: { ...prediction, relation: relation ?? null, sizeSource: table?.source ?? null },
      });
    }
    migrations.push({ file: file.file, transactional, downtime: migrationDowntime(timed, transactional) });
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
  const tables = [...used.values()];
  const connectionUsage =
    inputs.activity !== undefined && inputs.activity.maxConnections > 0
      ? { value: inputs.activity.connections / inputs.activity.maxConnections, source: inputs.source as InputSource }
      : { value: config.assumptions.connectionUsage, source: "assumptions" as InputSource };
  const tableSource = sourceOfAll(tables, inputs.source);
  const factors = computeFactors(
    {
      dataBytes: tables.reduce((sum, table) => sum + table.totalBytes, 0),
      lockMs: downtime.estimateMs,
      dependencies: tables.reduce((sum, table) => sum + (table.dependencies ?? config.assumptions.dependencies), 0),
      findings: options.findings ?? [],
      connectionUsage: connectionUsage.value,
      sources: {
        dataBytes: tableSource,
        lockMs: "prediction",
        dependencies: tableSource,
        connectionUsage: connectionUsage.source,
      },
    },
    config,
  );
  const score = scoreOf(factors);
  const report: RiskReport = {
    score,
    level: levelOf(score, config.levels),
    factors,
    downtime,
    statements,
    migrations,
    inputs: {
      source: inputs.source,
      ...(inputs.takenAt === undefined ? {} : { takenAt: inputs.takenAt }),
      ...(inputs.serverMajorVersion === undefined ? {} : { serverMajorVersion: inputs.serverMajorVersion }),
      tables: tables.map((table) => ({
        relation: table.relation,
        source: table.source,
        rowEstimate: table.rowEstimate,
        totalBytes: table.totalBytes,
      })),
      connectionUsage,
    },
  };
  emitTiming("risk_assessment", started);
  return report;
}
