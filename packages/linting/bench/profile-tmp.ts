import { analyzeStatement, applyStatement, createSchemaModel, loadParser, parseSqlSync } from "@confiture/sql";
import { largeCorpus } from "./corpus.js";
import { readFileSync, rmSync } from "node:fs";
import { lint } from "../src/index.js";
const corpus = largeCorpus();
const files = corpus.files.map((path) => ({ path, source: readFileSync(path, "utf8") }));
await loadParser();
await lint({ files: files.slice(0, 3), libraries: [] });
for (let round = 0; round < 2; round++) {
let t = performance.now();
const parsed = files.map((f) => parseSqlSync(f.source, { file: f.path }));
const parseMs = performance.now() - t;
t = performance.now();
for (const p of parsed) for (const s of p.statements) analyzeStatement(s, { pgVersion: 18 });
const analyzeMs = performance.now() - t;
t = performance.now();
const model = createSchemaModel();
for (const p of parsed) for (const s of p.statements) applyStatement(model, s);
const applyMs = performance.now() - t;
t = performance.now();
await lint({ files, libraries: [] });
const lintMs = performance.now() - t;
console.log({ parseMs, analyzeMs, applyMs, lintMs });
}
rmSync(corpus.directory, { recursive: true, force: true });
