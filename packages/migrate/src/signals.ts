/**
 * An AbortSignal that fires on SIGINT or SIGTERM, for `migrateUp({ signal })`: the runner stops,
 * interrupts the running statement and rolls the migration back. A second signal exits at once
 * (code 130); the server still rolls back the open transaction when the connection drops.
 * Call `dispose()` when the run ends to remove the handlers.
 */
export function cancelOnSignals(signals: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM"]): {
  signal: AbortSignal;
  dispose(): void;
} {
  const controller = new AbortController();
  const handler = (received: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort(new Error(`received ${received}`));
  };
  for (const name of signals) process.on(name, handler);
  return {
    signal: controller.signal,
    dispose() {
      for (const name of signals) process.off(name, handler);
    },
  };
}
