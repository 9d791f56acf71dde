import { ColumnTypeTracker } from "./column-tracker.js";
import { analyzeStatement, type AnalyzeStatementOptions } from "./lock-model/analyze-statement.js";
import { parseSql } from "./parse.js";
import { applyStatement } from "./schema/apply.js";
import { cloneSchemaModel, createSchemaModel } from "./schema/model.js";
import type { ParsedFile, StatementAnalysis } from "./types.js";

/**
 * Parse a SQL file and run the lock model on every statement, in order. Column types declared by
 * earlier statements of the same file are used to judge later type changes. Never rejects for bad
 * SQL: a statement with a syntax error gets an analysis with no locks and a note.
 */
export async function analyzeSql(sql: string, options: AnalyzeStatementOptions = {}): Promise<StatementAnalysis[]> {
  const parsed = await parseSql(sql, options.file === undefined ? {} : { file: options.file });
  return analyzeParsedFile(parsed, options);
}

/** The lock model over an already parsed file (see {@link analyzeSql}). */
export function analyzeParsedFile(parsed: ParsedFile, options: AnalyzeStatementOptions = {}): StatementAnalysis[] {
  const tracker = new ColumnTypeTracker(options.columnType);
  // The catalog as each statement finds it, so the relations it locks without naming them are known.
  const schema = options.schema === undefined ? createSchemaModel() : cloneSchemaModel(options.schema);
  return parsed.statements.map((statement) => {
    const analysis = analyzeStatement(statement, { ...options, columnType: tracker.lookup, schema });
    tracker.observe(statement.node);
    applyStatement(schema, statement);
    return analysis;
  });
}
