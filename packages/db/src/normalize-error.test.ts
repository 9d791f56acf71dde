import { describe, expect, it } from "vitest";
import { DatabaseConnectionError, DatabaseQueryError } from "./errors.js";
import { isConnectionFailure, toConnectionError, toQueryError } from "./normalize-error.js";

function serverError(fields: Record<string, string>): Error {
  return Object.assign(new Error(fields.message ?? "failed"), fields);
}

describe("toQueryError", () => {
  it("keeps what the server said, with the position as a number", () => {
    const error = toQueryError(serverError({ message: "boom", code: "42P01", position: "15", hint: "check", detail: "" }));
    expect(DatabaseQueryError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ message: "boom", sqlState: "42P01", position: 15, hint: "check", detail: undefined });
  });
  it("passes through errors that are not server errors", () => {
    const plain = new Error("socket closed");
    expect(toQueryError(plain)).toBe(plain);
    const node = Object.assign(new Error("refused"), { code: "ECONNREFUSED" });
    expect(toQueryError(node)).toBe(node);
  });
});

describe("connection errors", () => {
  it("recognises network failures and login refusals, not ordinary query errors", () => {
    expect(isConnectionFailure(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isConnectionFailure(serverError({ code: "3D000" }))).toBe(true);
    expect(isConnectionFailure(serverError({ code: "08006" }))).toBe(true);
    expect(isConnectionFailure(serverError({ code: "42P01" }))).toBe(false);
  });
  it("says what to do for each cause", () => {
    const missing = toConnectionError(
      serverError({ message: 'database "nope" does not exist', code: "3D000" }),
      "postgres://u@h/nope",
    );
    expect(DatabaseConnectionError.isInstance(missing)).toBe(true);
    expect(missing.sqlState).toBe("3D000");
    expect(missing.message).toContain("create it");
    const login = toConnectionError(serverError({ code: "28P01" }), "postgres://u:***@h/d");
    expect(login.message).toContain("check the user and password");
    const embedded = toConnectionError(new Error("bad header"), "pglite:/tmp/x", "pglite");
    expect(embedded.message).toContain("PGlite data directory");
  });
});
