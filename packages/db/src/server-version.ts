import type { Queryable } from "./types.js";

/** The server's major version (150004 -> 15), asked of the server itself; both drivers share it. */
export async function readServerMajorVersion(database: Pick<Queryable, "query">): Promise<number> {
  const result = await database.query<{ version: number }>("SELECT current_setting('server_version_num')::int AS version");
  return Math.floor(Number(result.rows[0]?.version) / 10_000);
}
