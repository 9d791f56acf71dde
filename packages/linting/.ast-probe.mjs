import { loadModule, parseSync } from "libpg-query";
await loadModule();
const sql = process.argv[2];
console.log(JSON.stringify(parseSync(sql).stmts.map(s=>s.stmt), null, 1));
