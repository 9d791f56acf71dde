/**
 * Child process of open-cold-warm.ts: opens the default embedded database once, asks it one query and
 * prints how long `openDatabase()` took as JSON. `--no-cache` passes `snapshotCache: false`.
 */
import { openDatabase } from "../src/index.js";

const snapshotCache = !process.argv.includes("--no-cache");
const started = performance.now();
const database = await openDatabase(undefined, { snapshotCache });
const openMs = performance.now() - started;
await database.query("SELECT 1");
await database.close();
console.log(JSON.stringify({ openMs }));
