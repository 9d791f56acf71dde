/**
 * `pnpm eval`: precision and recall of the sox pack on its labelled corpus (corpus/<rule-id>/*.sql,
 * `-- expect: <rule-id>` on each line a finding is expected), and no finding on the example
 * migrations, which carry no sensitive data.
 */
import { join } from "node:path";
import { evaluateCorpus, findingsOnCleanMigrations, formatCorpusEvaluation } from "@confiture/compliance/corpus";
import sox from "../src/index.js";

const packageDirectory = join(import.meta.dirname, "..");
const evaluation = await evaluateCorpus(sox, join(packageDirectory, "corpus"));
console.log(formatCorpusEvaluation(evaluation));
const clean = await findingsOnCleanMigrations([sox], join(packageDirectory, "..", "..", "examples", "migrations"));
console.log(`  findings on the example migrations (must be 0): ${clean.length}`);
for (const finding of clean) console.log(`    ${finding.file}:${finding.line} ${finding.ruleId}`);
if (evaluation.precision < 1 || evaluation.recall < 1 || clean.length > 0) process.exitCode = 1;
