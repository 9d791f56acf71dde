/**
 * A child process for the embedded-lock tests: opens `pglite:<directory>` (waiting up to lockWaitMs
 * for another process), inserts `rows` rows into `t` in one transaction, prints "opened" on stderr,
 * then holds the database open for `holdMs` before closing (-1: until stdin closes). Prints one JSON line on stdout; exits 3
 * when the directory stayed locked, as the CLI does. Usage: hold-embedded.ts <directory> <lockWaitMs> <rows> <holdMs>
 */
import { DatabaseLockedError } from "../errors.js";
import { openDatabase } from "../open-database.js";

const [directory, lockWait, rows, hold] = process.argv.slice(2);
if (directory === undefined) throw new Error("usage: hold-embedded.ts <directory> <lockWaitMs> <rows> <holdMs>");
try {
  const database = await openDatabase(`pglite:${directory}`, {
    lockWaitMs: Number(lockWait ?? 0),
    onLockWait: () => process.stderr.write("waiting\n"),
  });
  await database.exec("CREATE TABLE IF NOT EXISTS t (id int)");
  await database.transaction(async (tx) => {
    await tx.query("INSERT INTO t SELECT generate_series(1, $1::int)", [Number(rows ?? 0)]);
  });
  process.stderr.write("opened\n");
  const holdMs = Number(hold ?? 0);
  await new Promise((resolve) => {
    if (holdMs >= 0) setTimeout(resolve, holdMs);
    else process.stdin.on("end", resolve).resume();
  });
  await database.close();
  process.stdout.write(`${JSON.stringify({ status: "ok" })}\n`);
} catch (error) {
  const { message, code } = error as { message: string; code?: string };
  process.stdout.write(`${JSON.stringify({ status: "error", code, message })}\n`);
  process.exitCode = DatabaseLockedError.isInstance(error) ? 3 : 1;
}
