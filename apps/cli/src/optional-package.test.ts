import { describe, expect, it } from "vitest";
import { UsageError } from "./errors.js";
import { loadOptional, missingPackageOf } from "./optional-package.js";

const notFound = (message: string, code = "ERR_MODULE_NOT_FOUND") => Object.assign(new Error(message), { code });

describe("optional packages", () => {
  it("names the package an import could not find", () => {
    expect(missingPackageOf(notFound("Cannot find package '@confiture/risk' imported from /app/dist/commands/risk.js"))).toBe(
      "@confiture/risk",
    );
    expect(missingPackageOf(notFound("Cannot find package 'pg' imported from /x/db.js"))).toBe("pg");
    expect(missingPackageOf(notFound("Cannot find module 'pg'\nRequire stack:", "MODULE_NOT_FOUND"))).toBe("pg");
    expect(missingPackageOf(new Error("wrapped", { cause: notFound("Cannot find package 'pg' imported from /x") }))).toBe("pg");
  });

  it("leaves other errors alone: a missing relative file is a bug, not a missing install", () => {
    expect(missingPackageOf(notFound("Cannot find module '/app/dist/commands/lint.js' imported from /app/dist/main.js"))).toBe(
      undefined,
    );
    expect(missingPackageOf(new Error("Cannot find package 'pg'"))).toBe(undefined);
  });

  it("turns a missing package into a usage error that says what to install", async () => {
    const error = await loadOptional(async () => {
      throw notFound("Cannot find package '@confiture/db' imported from /x");
    }, "confiture lint --db").catch((caught: unknown) => caught);
    expect(UsageError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      "confiture lint --db needs @confiture/db, which is not installed (a lint-only install leaves it out): npm install --save-dev @confiture/db",
    );
  });
});
