import { describe, expect, it } from "vitest";
import { announceTarget, databaseTarget } from "./database-target.js";
import { memoryIo } from "./io.js";
import { CommandMetrics } from "./metrics.js";

describe("the database a command acts on", () => {
  it("names a server without its password", () => {
    const target = databaseTarget("postgres://deploy:hunter2@db.internal:5432/app?password=hunter2", "/work");
    expect(target.driver).toBe("pg");
    expect(target.description).toMatch(/^PostgreSQL server postgres:\/\/deploy:\*\*\*@db\.internal:5432\/app/);
    expect(JSON.stringify(target)).not.toContain("hunter2");
  });

  it("names the embedded database's directory, resolved from the working directory, or says it is in memory", () => {
    expect(databaseTarget("pglite:.confiture/db", "/srv/app")).toMatchObject({
      driver: "pglite",
      directory: "/srv/app/.confiture/db",
      description: "embedded PGlite at /srv/app/.confiture/db",
    });
    expect(databaseTarget(undefined, "/srv/app").description).toMatch(/^embedded PGlite in memory/);
    expect(databaseTarget("pglite:", "/srv/app").directory).toBeNull();
  });

  it("says it on stderr and keeps it for the JSON document", () => {
    const io = memoryIo();
    const runtime = { io, exitCode: 0, metrics: new CommandMetrics(), verbose: false, json: true, wroteJson: false };
    announceTarget(runtime, "migrating", "postgres://u:secret@h/db");
    expect(io.err()).toBe("confiture: migrating PostgreSQL server postgres://u:***@h/db\n");
    expect(runtime).toHaveProperty("target.url", "postgres://u:***@h/db");
  });
});
