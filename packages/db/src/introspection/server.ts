import type { Queryable } from "../types.js";

/** One server setting as `SHOW` prints it, with the raw value and unit from `pg_settings`. */
export interface Setting {
  /** As `SHOW` prints it, e.g. `4MB`, `0`, `on`. */
  value: string;
  /** `pg_settings.setting`, in `unit`s (e.g. `4096` with unit `kB`). */
  setting: string;
  unit: string | null;
}

/** What the server is, and the settings that matter to migrations. */
export interface ServerInfo {
  /** `version()`, e.g. `PostgreSQL 15.8 on x86_64-pc-linux-gnu ...`. */
  version: string;
  /** `server_version_num`, e.g. 150008. */
  versionNumber: number;
  majorVersion: number;
  settings: Record<string, Setting>;
}

/** The settings `getServerInfo` reports: timeouts, connection limit, memory for index builds, WAL. */
export const settingsOfInterest = [
  "server_version",
  "max_connections",
  "lock_timeout",
  "statement_timeout",
  "idle_in_transaction_session_timeout",
  "maintenance_work_mem",
  "max_parallel_maintenance_workers",
  "work_mem",
  "shared_buffers",
  "max_wal_size",
  "wal_level",
  "default_transaction_isolation",
  "server_encoding",
  "TimeZone",
] as const;

/** Look settings up by name (case-insensitive, like `SHOW`); unknown names are left out of the result. */
export async function getSettings(database: Queryable, names: readonly string[]): Promise<Record<string, Setting>> {
  const { rows } = await database.query<{ requested: string; value: string; setting: string; unit: string | null }>(
    `SELECT requested.name AS requested, current_setting(s.name) AS value, s.setting, s.unit
     FROM unnest($1::text[]) AS requested(name)
     JOIN pg_settings s ON lower(s.name) = lower(requested.name)`,
    [[...names]],
  );
  const settings: Record<string, Setting> = {};
  for (const row of rows) settings[row.requested] = { value: row.value, setting: row.setting, unit: row.unit };
  return settings;
}

/** The server's version and the settings of interest (`settingsOfInterest`). */
export async function getServerInfo(database: Queryable): Promise<ServerInfo> {
  const { rows } = await database.query<{ version: string; version_number: number }>(
    "SELECT version() AS version, current_setting('server_version_num')::int AS version_number",
  );
  const row = rows[0];
  const versionNumber = Number(row?.version_number);
  return {
    version: String(row?.version),
    versionNumber,
    majorVersion: Math.floor(versionNumber / 10_000),
    settings: await getSettings(database, settingsOfInterest),
  };
}
