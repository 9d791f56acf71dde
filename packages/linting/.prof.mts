import { readFileSync } from "node:fs";
import { writeCorpus } from "../../tooling/bench/corpus.ts";
import { lint } from "./src/index.js";
import { general } from "./src/library/index.js";
const corpus = writeCorpus(5000, 100);
const files = corpus.files.map((path) => ({ path, source: readFileSync(path, "utf8") }));
const ids = Object.keys(general.rules);
const none = Object.fromEntries(ids.map((id) => [id, "off" as const]));
const all = Object.fromEntries(ids.map((id) => [id, "warn" as const]));
const half = Object.fromEntries(ids.map((id, i) => [id, i % 2 === 0 ? ("warn" as const) : ("off" as const)]));
for (let round = 0; round < 2; round++) for (const [label, rules] of [["none", none], ["half", half], ["all", all]] as const) {
  const t = performance.now();
  const r = await lint({ files, libraries: [general], config: { rules }, settings: { runnerWrapsInTransaction: false } });
  console.log(label, Math.round(performance.now() - t), r.findings.length);
}
