import type { PgVersion, SqlSyntaxError, Statement, StatementAnalysis } from "@confiture/sql";
import { type AnalysedFile, analyseFiles } from "./analysis.js";
import type { RiskFile } from "./assess.js";
import type { RiskConfig } from "./config.js";
import { costOf, featuresOf, indexBuildCost, type OperationClass } from "./cost-model.js";
import { childNodes, field, nodeOf, relationOf } from "./node-access.js";
import { relationsOf } from "./statement-relations.js";
import { type StatementPart, statementParts } from "./statement-work.js";
import { type RiskInputs, statementKey, statisticsFor, type TableStatistics } from "./table-statistics.js";

/** A statement with the lock model's verdict and the work it does. */
export interface DescribedStatement {
  statement: Statement;
  analysis: StatementAnalysis;
  parts: StatementPart[];
  /** The part expected to take longest. */
  operation: OperationClass;
  /** The table whose size drives that part. */
  table: TableStatistics | undefined;
  /** Relations the statement creates: invisible to other sessions until COMMIT (or its own end outside a transaction). */
  created: string[];
  /** Statistics of every relation the statement locks, as sized at this point of the set. */
  lockedTables: Map<string, TableStatistics>;
}

/** A file's described statements and the syntax errors that kept the others out. */
export interface DescribedFile {
  file: RiskFile;
  statements: DescribedStatement[];
  errors: SqlSyntaxError[];
}

/** How tables created by earlier files of the set are sized. */
export type EarlierFiles = "pending" | "applied";

/** Foreign keys the migrations add, so a later VALIDATE CONSTRAINT knows its referenced table. */
function recordForeignKeys(node: unknown, registry: Map<string, string>): void {
  const relation = relationOf(field(node, "relation"));
  if (relation === undefined) return;
  for (const command of childNodes(nodeOf(node, "AlterTableStmt")?.cmds)) {
    const constraint = nodeOf(nodeOf(command, "AlterTableCmd")?.def, "Constraint");
    const parent = relationOf(constraint?.pktable);
    if (constraint?.contype === "CONSTR_FOREIGN" && typeof constraint.conname === "string" && parent !== undefined) {
      registry.set(`${relation}\u0000${constraint.conname}`, parent);
    }
  }
}

/**
 * Analyses files and describes every statement's work: sizes from the inputs, tables created earlier
 * in the same file empty, and tables created by earlier files empty too when those files are
 * `pending` (they will run just before) or at the inputs' (else the assumed) sizes when they are
 * `applied` (judging each file as if the ones before it had run long ago). Both the assessment and
 * calibration go through here, so they cost statements the same way.
 */
export async function describeFiles(
  files: readonly RiskFile[],
  inputs: RiskInputs,
  config: RiskConfig,
  options: { pgVersion?: PgVersion; earlierFiles?: EarlierFiles } = {},
): Promise<DescribedFile[]> {
  const analysed: AnalysedFile[] = (await analyseFiles(files, { pgVersion: options.pgVersion })).files;
  const foreignKeys = new Map<string, string>();
  let createdBefore = new Set<string>();
  const heuristicIndex = indexBuildCost(config.heuristic.index_build);
  return analysed.map(({ file, statements, errors }) => {
    if (options.earlierFiles === "applied") createdBefore = new Set();
    const described = statements.map(({ statement, analysis, declaredTypes }): DescribedStatement => {
      const created = relationsOf(statement).created;
      for (const relation of created) createdBefore.add(relation);
      const statistics = (relation: string) => statisticsFor(relation, inputs, config, createdBefore);
      const parts = statementParts({
        analysis,
        node: statement.node,
        statistics,
        declaredTypes,
        foreignKeyTarget: (relation, constraint) =>
          foreignKeys.get(`${relation}\u0000${constraint}`) ??
          statistics(relation).foreignKeys?.find((key) => key.name === constraint)?.referencedRelation,
        touchedRows: inputs.statementRows?.[statementKey(file.file, analysis.line, analysis.column)],
      });
      recordForeignKeys(statement.node, foreignKeys);
      const costs = parts.map((part) =>
        costOf(featuresOf(part.operation, part.work, heuristicIndex), config.heuristic[part.operation]),
      );
      const dominant = parts[costs.indexOf(Math.max(...costs))] ?? parts[0]!;
      return {
        statement,
        analysis,
        parts,
        operation: dominant.operation,
        table: dominant.relation === undefined ? undefined : statistics(dominant.relation),
        created,
        lockedTables: new Map(analysis.locks.map((lock) => [lock.relation, statistics(lock.relation)])),
      };
    });
    return { file, statements: described, errors };
  });
}
