/**
 * A child process for the multi-process tests: runs `migrateUp` against a database and prints one
 * JSON line on stdout with the outcome and the names of what fired. Progress goes to stderr, so the
 * parent can tell when a migration has started. Usage: run-up.ts <url> <directory> [lockWaitMs]
 */
import { openDatabase } from "@confiture/db";
import { cancelOnSignals, createMigrateEvents, migrateUp, recordingLifecycle } from "../index.js";

const [url, directory, lockWait] = process.argv.slice(2);
if (url === undefined || directory === undefined) throw new Error("usage: run-up.ts <url> <directory> [lockWaitMs]");
const database = await openDatabase(url);
const lifecycle = recordingLifecycle();
const events = createMigrateEvents();
events.on("progress", (progress) => process.stderr.write(`${progress.message}\n`));
const cancel = cancelOnSignals();
try {
  const result = await migrateUp({ database, directory, lifecycle, events, signal: cancel.signal, settings: { lockWaitMs: Number(lockWait ?? 60_000) } });
  process.stdout.write(
    `${JSON.stringify({ status: result.status, completed: result.completed.map((outcome) => outcome.version), failure: result.failure, fired: lifecycle.fired.map((entry) => entry.name) })}\n`,
  );
} catch (error) {
  const { name, message, code } = error as { name: string; message: string; code?: string };
  process.stdout.write(`${JSON.stringify({ error: { name, message, code }, fired: lifecycle.fired.map((entry) => entry.name) })}\n`);
} finally {
  cancel.dispose();
  await database.close();
}
