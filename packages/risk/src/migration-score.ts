import { type RiskConfig, type RiskLevel, RISK_LEVELS } from "./config.js";
import type { Downtime } from "./downtime.js";
import { computeFactors, type InputSource, type RiskFactor } from "./factors.js";
import { levelOf, scoreOf } from "./score.js";
import { sourceOfAll } from "./statement-relations.js";
import type { TableStatistics } from "./table-statistics.js";

/** The score of one migration and why its level is what it is. */
export interface MigrationScore {
  score: number;
  level: RiskLevel;
  factors: RiskFactor[];
  /** Set when the level is not the score's own: the block budget raised it, or nothing is blocked. */
  levelReason?: string;
}

/** What scoring a migration needs besides its downtime. */
export interface ScoringInputs {
  /** Statistics of every table the migration blocks reads or writes of, with the share of its rows blocked (1 for a table lock). */
  blocked: { table: TableStatistics; share: number }[];
  findings: readonly { severity: string }[];
  connectionUsage: { value: number; source: InputSource };
}

const maxLevel = (left: RiskLevel, right: RiskLevel): RiskLevel =>
  RISK_LEVELS.indexOf(left) >= RISK_LEVELS.indexOf(right) ? left : right;

/**
 * Scores one migration. `data_volume` and `dependencies` weigh only the tables whose reads or writes
 * the migration blocks (a lock that conflicts with SELECT or with INSERT/UPDATE/DELETE, or row locks
 * held by UPDATE/DELETE, counted for the share of rows they lock): a COMMENT ON a 1 TB table touches
 * it but blocks nobody. The level is the score's, with two rules on top: blocking reads or writes
 * longer than the budget (`budget.blockMs`) makes it at least `budget.level`; blocking nothing at all
 * makes it LOW.
 */
export function scoreMigration(downtime: Downtime, inputs: ScoringInputs, config: RiskConfig): MigrationScore {
  const tables = inputs.blocked.map((entry) => entry.table);
  const tableSource = sourceOfAll(tables, "lock_model");
  const factors = computeFactors(
    {
      dataBytes: inputs.blocked.reduce((sum, entry) => sum + entry.table.totalBytes * entry.share, 0),
      lockMs: downtime.estimateMs,
      dependencies: tables.reduce((sum, table) => sum + (table.dependencies ?? config.assumptions.dependencies), 0),
      findings: inputs.findings,
      connectionUsage: inputs.connectionUsage.value,
      sources: {
        dataBytes: tableSource,
        lockMs: "prediction",
        dependencies: tableSource,
        connectionUsage: inputs.connectionUsage.source,
      },
    },
    config,
  );
  const score = scoreOf(factors);
  const scored = levelOf(score, config.levels);
  if (downtime.blocked.length === 0) {
    return {
      score,
      level: "LOW",
      factors,
      ...(scored === "LOW" ? {} : { levelReason: "blocks neither reads nor writes of any table other sessions use" }),
    };
  }
  if (downtime.estimateMs > config.budget.blockMs) {
    const level = maxLevel(scored, config.budget.level);
    return {
      score,
      level,
      factors,
      ...(level === scored
        ? {}
        : {
            levelReason: `blocks ${downtime.blockedRelation} for about ${Math.round(downtime.estimateMs)} ms, over the budget of ${config.budget.blockMs} ms`,
          }),
    };
  }
  return { score, level: scored, factors };
}
