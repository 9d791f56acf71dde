/**
 * The context as JSON for processes and web services: the SQL executor (a live connection) and any
 * function are left out; everything else is kept.
 */
export function serializeContext(context: unknown): string {
  return JSON.stringify(context, (key, value) => (key === "sql" || typeof value === "function" ? undefined : value));
}

/** One line a person can read in a chat channel: phase, migration, environment. */
export function summaryText(phase: string, hook: string, context: unknown): string {
  const data = (typeof context === "object" && context !== null ? context : {}) as {
    environment?: string;
    migration?: { version?: string; name?: string };
    migrations?: unknown[];
    reason?: string;
  };
  const parts = [`[confiture] ${phase}`];
  if (data.migration?.version !== undefined) parts.push(`migration ${data.migration.version}_${data.migration.name ?? ""}`);
  else if (Array.isArray(data.migrations)) parts.push(`${data.migrations.length} migration(s)`);
  if (data.reason !== undefined) parts.push(`reason: ${data.reason}`);
  parts.push(`env ${data.environment ?? "local"}`);
  parts.push(`(hook ${hook})`);
  return parts.join(" · ");
}
