import { describe, expect, it } from "vitest";
import { DatabaseConnectionError, DatabaseError, UnsupportedDatabaseUrlError } from "./errors.js";
import { openDatabase } from "./open-database.js";
import { parseDatabaseUrl, redactUrl } from "./url.js";

describe("redactUrl", () => {
  it("masks the password of a server URL and keeps the rest", () => {
    expect(redactUrl("postgres://alice:s3cret@db.example.com:6543/app?sslmode=require")).toBe(
      "postgres://alice:***@db.example.com:6543/app?sslmode=require",
    );
  });
  it("masks password parameters", () => {
    expect(redactUrl("postgresql://db/app?user=bob&password=hunter2")).toBe("postgresql://db/app?user=bob&password=***");
  });
  it("leaves URLs without a password unchanged", () => {
    expect(redactUrl("postgres://postgres@127.0.0.1:5432/test")).toBe("postgres://postgres@127.0.0.1:5432/test");
    expect(redactUrl("pglite:")).toBe("pglite:");
  });
  it("masks passwords in URLs the URL parser rejects", () => {
    expect(redactUrl("postgres://alice:p@ss:word@[bad/db")).not.toContain("word");
  });
});

describe("parseDatabaseUrl", () => {
  it("picks the driver from the scheme", () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ driver: "pglite", directory: undefined });
    expect(parseDatabaseUrl("pglite:")).toEqual({ driver: "pglite", directory: undefined });
    expect(parseDatabaseUrl("pglite:./data/db")).toEqual({ driver: "pglite", directory: "./data/db" });
    expect(parseDatabaseUrl("pglite:///var/lib/x")).toEqual({ driver: "pglite", directory: "/var/lib/x" });
    expect(parseDatabaseUrl("postgresql://u@h/d")).toEqual({ driver: "pg", connectionString: "postgresql://u@h/d" });
  });
  it("rejects other schemes with a typed error that hides the password and says what to use", () => {
    let caught: unknown;
    try {
      parseDatabaseUrl("mysql://root:topsecret@localhost/app");
    } catch (error) {
      caught = error;
    }
    expect(UnsupportedDatabaseUrlError.isInstance(caught)).toBe(true);
    expect(DatabaseError.isInstance(caught)).toBe(true);
    const error = caught as UnsupportedDatabaseUrlError;
    expect(error.message).not.toContain("topsecret");
    expect(error.message).toContain("mysql://root:***@localhost/app");
    expect(error.message).toContain("postgres://");
    expect(error.message).toContain("pglite:");
  });
});

describe("openDatabase connection failures", () => {
  it("turns a refused connection into a DatabaseConnectionError without the password", async () => {
    const error = await openDatabase("postgres://alice:topsecret@127.0.0.1:1/app").catch((failure: unknown) => failure);
    expect(DatabaseConnectionError.isInstance(error)).toBe(true);
    const connectionError = error as DatabaseConnectionError;
    expect(connectionError.message).not.toContain("topsecret");
    expect(connectionError.displayUrl).toBe("postgres://alice:***@127.0.0.1:1/app");
    expect(connectionError.message).toMatch(/start PostgreSQL|host and port/);
  });
});
