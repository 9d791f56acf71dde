import { readFileSync } from "node:fs";
import { parseSql } from "./src/index.js";
for (const f of ["errors.sql", "create_function_sql.sql"]) {
  const p = await parseSql(readFileSync(`src/__fixtures__/regress/${f}`, "utf8"));
  console.log(f, p.statements.length, p.errors.length);
  for (const s of p.statements.filter(s => s.error || s.text.includes("ATOMIC") || s.text.includes("\\g"))) console.log(" ", s.start.line, s.kind, JSON.stringify(s.text.slice(0, 60)), s.error ? `${s.error.line}:${s.error.column} ${s.error.message}` : "");
}
