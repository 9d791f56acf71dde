import { analyzeSql } from "@confiture/sql";
import { lintCase } from "./src/testing/index.js";
import { changingColumnType } from "./src/rules/changing-column-type/index.js";
for (const sql of ["ALTER TABLE billing.subscriptions ALTER COLUMN created_at TYPE timestamptz", "ALTER TABLE payments ALTER COLUMN score TYPE bigint"]) console.log(JSON.stringify(await analyzeSql(sql)));
const r = await lintCase(changingColumnType, { sql: "CREATE TABLE IF NOT EXISTS t2 (created_at timestamptz NOT NULL DEFAULT now());\nALTER TABLE billing.subscriptions ALTER COLUMN created_at TYPE timestamptz;" });
console.log(r.findings);
