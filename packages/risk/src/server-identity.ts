import type { Database } from "@confiture/db";
import type { Calibration } from "./calibration-schema.js";
import type { ServerIdentity } from "./table-statistics.js";

/**
 * Identifies the server behind a connection: its version, its driver, and a fingerprint of the
 * cluster (the system identifier from pg_control_system() where the role may read it, else the
 * server's address, port and data directory's cluster name). PGlite is PostgreSQL compiled to
 * WebAssembly running inside this process: its speed says little about a server's.
 */
export async function identifyServer(db: Database): Promise<ServerIdentity> {
  const majorVersion = await db.serverMajorVersion();
  const { rows } = await db.query<{ version: string }>("SELECT version() AS version");
  let fingerprint: string | undefined;
  if (db.driver === "pglite") fingerprint = "pglite";
  else {
    fingerprint = await db
      .query<{ id: string }>("SELECT system_identifier::text AS id FROM pg_control_system()")
      .then((result) => (result.rows[0]?.id === undefined ? undefined : `system:${result.rows[0].id}`))
      .catch(() => undefined);
    fingerprint ??= await db
      .query<{ address: string | null; port: number | null; cluster: string }>(
        "SELECT host(inet_server_addr()) AS address, inet_server_port() AS port, current_setting('cluster_name') AS cluster",
      )
      .then((result) => {
        const row = result.rows[0];
        return row === undefined ? undefined : `address:${row.address ?? "socket"}:${row.port ?? ""}:${row.cluster}`;
      })
      .catch(() => undefined);
  }
  return {
    majorVersion,
    driver: db.driver,
    ...(rows[0]?.version === undefined ? {} : { version: rows[0].version }),
    ...(fingerprint === undefined ? {} : { fingerprint }),
  };
}

/** How a calibration's server reads for people: `PostgreSQL 15 server (system:7714...)`. */
export function describeServer(server: Calibration["server"] | ServerIdentity): string {
  const kind = server.driver === "pglite" ? "PGlite (WebAssembly, in-process)" : "server";
  return `PostgreSQL ${server.majorVersion} ${kind}${server.fingerprint === undefined || server.driver === "pglite" ? "" : ` ${server.fingerprint}`}`;
}

/**
 * Whether a calibration measured the server a prediction is for. A calibration on another server,
 * another major version or on PGlite (WebAssembly) says little about the target: the confidence is
 * halved and the caveat says why. When the target is unknown (assumptions, an old snapshot) it is
 * lowered by a quarter.
 */
export function serverCaveat(
  measured: Calibration["server"],
  target: ServerIdentity | undefined,
): { factor: number; caveat: string | undefined } {
  const described = describeServer(measured);
  if (measured.driver === "pglite" && target?.driver !== "pglite") {
    return {
      factor: 0.5,
      caveat: `Calibrated on ${described}: a WebAssembly build inside this process, not a server; run \`confiture calibrate --db <url>\` on the target.`,
    };
  }
  if (target === undefined) {
    return { factor: 0.75, caveat: `Calibrated on ${described}; the target server is not known, so it may differ.` };
  }
  const sameVersion = target.majorVersion === measured.majorVersion;
  const sameCluster =
    target.fingerprint === undefined || measured.fingerprint === undefined || target.fingerprint === measured.fingerprint;
  if (!sameVersion || !sameCluster) {
    return {
      factor: 0.5,
      caveat: `Calibrated on another server (${described}) than the target (${describeServer(target)}): its speed may differ; calibrate on the target.`,
    };
  }
  if (target.fingerprint === undefined || measured.fingerprint === undefined) {
    return { factor: 0.75, caveat: `Calibrated on ${described}; whether it is the target server cannot be told.` };
  }
  return { factor: 1, caveat: `Calibrated on this server (${described}).` };
}
