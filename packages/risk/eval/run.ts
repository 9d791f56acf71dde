import { openTestDatabase } from "@confiture/db/testing";
import { loadavg } from "node:os";
import { evaluateOutOfSample } from "./out-of-sample.js";
import { keepCalibration, readPreviousCalibration, readRun } from "./kept-calibrations.js";
import { boundsWith, stability } from "./out-of-sample.js";
import { printOutOfSample } from "./print-out-of-sample.js";
import { evaluateAgreement } from "./agreement.js";
import { evaluateSpeed } from "./speed.js";

// `pnpm eval` (packages/risk): lock model vs trace, prediction accuracy on the real server
// (DATABASE_URL), and speed. Prints figures; runs in a few minutes at most.
const log = (message: string) => process.stderr.write(`[eval] ${message}\n`);
const url = process.env.DATABASE_URL?.trim() || undefined;
const targets: { name: "pglite" | "postgres"; url?: string }[] = [
  { name: "pglite" },
  ...(url ? [{ name: "postgres" as const, url }] : []),
];
const started = performance.now();
// `pnpm eval` runs every part; `tsx eval/run.ts accuracy` (or agreement, speed) runs one.
const only = process.argv[2];
const runs = (part: string) => only === undefined || only === part;

if (runs("agreement")) log("(a) lock model vs trace");
const agreement = runs("agreement") ? await evaluateAgreement(targets) : [];
if (runs("agreement")) {
  console.log("\n## (a) Lock model vs trace\n");
  console.log("| Target | Migrations | Statements | Traced | Agree | Disagree | Not run (no transaction) | Failed |");
  console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const row of agreement) {
    const s = row.summary;
    console.log(
      `| ${row.target} | ${row.set} | ${s.statements} | ${s.traced} | ${s.agreed} | ${s.disagreed} | ${s.notTraced} | ${s.failed} |`,
    );
  }
  for (const row of agreement) for (const text of row.disagreements) console.log(`- ${row.target}/${row.set}: ${text}`);
}

if (!runs("accuracy")) {
  // skipped by the command line
} else if (url === undefined) {
  console.log("\n## (b) Out-of-sample prediction accuracy\n\nSkipped: set DATABASE_URL to measure on the real server.");
} else {
  log("(b) out-of-sample prediction accuracy on the server");
  const db = await openTestDatabase({ name: "postgres", url });
  const loadBefore = loadavg();
  const accuracyStarted = performance.now();
  try {
    const seed = Number(process.env.EVAL_SEED ?? 1001);
    const previous = await readPreviousCalibration();
    const result = await evaluateOutOfSample(db, {
      seed,
      repeats: Number(process.env.EVAL_REPEATS ?? 3),
      log,
      scale: Number(process.env.EVAL_SCALE ?? 1),
      previous,
    });
    log(`kept in ${await keepCalibration(result.calibration, result.cases)}`);
    printOutOfSample(result, {
      seed,
      minutes: (performance.now() - accuracyStarted) / 60_000,
      loadBefore,
      loadAfter: loadavg(),
    });
  } finally {
    await db.close();
  }
}

// `tsx eval/run.ts stability <run A> <run B>`: two kept runs (eval-results/*.json), each with its own
// fresh calibration; every case of both runs predicted with both calibrations.
if (only === "stability") {
  const [first, second] = await Promise.all([readRun(process.argv[3]!), readRun(process.argv[4]!)]);
  const cases = [
    ...first.cases.map((item) => ({
      ...item,
      first: boundsWith(item, first.calibration),
      second: boundsWith(item, second.calibration),
    })),
    ...second.cases.map((item) => ({
      ...item,
      first: boundsWith(item, first.calibration),
      second: boundsWith(item, second.calibration),
    })),
  ];
  console.log(
    `\n## Two calibrations of the same server (${first.calibration.takenAt} and ${second.calibration.takenAt}): max(upper ratio, lower ratio) over ${cases.length} cases\n`,
  );
  console.log("| Operation | Median | Worst | Within x1.5 |\n| --- | ---: | ---: | ---: |");
  for (const row of stability(cases)) {
    console.log(`| ${row.operation} | ${row.median.toFixed(2)} | ${row.worst.toFixed(2)} | ${(row.within * 100).toFixed(0)}% |`);
  }
}

const speedTarget = targets[targets.length - 1]!;
const speedDb = runs("speed") ? await openTestDatabase(speedTarget) : undefined;
if (speedDb !== undefined)
  try {
    log("(c) speed");
    const speed = await evaluateSpeed(speedDb, 20);
    console.log(`\n## (c) Speed (${speedTarget.name})\n`);
    console.log(
      `Risk assessment of a ${speed.statements}-statement migration against ${speed.tables} tables (catalog inputs included), ${speed.runs} runs: median ${speed.medianMs.toFixed(1)} ms, p95 ${speed.p95Ms.toFixed(1)} ms, max ${speed.maxMs.toFixed(1)} ms (first run, loading the parser: ${speed.coldMs.toFixed(1)} ms). Goal < 250 ms.`,
    );
  } finally {
    await speedDb.close();
  }
log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
