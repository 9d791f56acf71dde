import { parseSql } from "./parse.js";
const f = await parseSql(process.argv[2] ?? "");
for (const s of f.statements)
  console.log(
    s.index,
    s.kind,
    JSON.stringify(s.start),
    JSON.stringify(s.end),
    JSON.stringify(s.text),
    JSON.stringify(s.relations),
    s.error ? JSON.stringify(s.error) : "",
  );
