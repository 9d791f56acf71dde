import { describe, expect, it } from "vitest";
import { isSecretKey, redactConfigLine, redactConfigText, redactSecrets, redactUrl } from "./redact.js";

describe("redactSecrets", () => {
  it.each([
    ["webhook https://alice:s3cret@hooks.example.com/x failed", "webhook https://alice:***@hooks.example.com/x failed"],
    [
      "Request cannot be constructed from a URL that includes credentials: http://u:p%40ss@127.0.0.1:9/hook",
      "Request cannot be constructed from a URL that includes credentials: http://u:***@127.0.0.1:9/hook",
    ],
    ["postgres://app:pa:ss@db:5432/app down", "postgres://app:***@db:5432/app down"],
    ["https://h/x?token=abc&page=2", "https://h/x?token=***&page=2"],
    ["connect password=hunter2 host=db", "connect password=*** host=db"],
    ["no secret here: a@b, x:y", "no secret here: a@b, x:y"],
  ])("%s", (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });
});

describe("redactUrl", () => {
  it("masks the password and secret parameters, keeps the rest", () => {
    expect(redactUrl("postgres://app:hunter2@db:5432/app?sslmode=require&password=x")).toBe(
      "postgres://app:***@db:5432/app?sslmode=require&password=***",
    );
    expect(redactUrl("pglite:./data")).toBe("pglite:./data");
  });
});

describe("redactConfigLine", () => {
  it.each([
    ["  password: hunter2", "  password: ***"],
    ['  "apiKey": "abc",', '  "apiKey": ***,'],
    ["  X-Api-Key: abc", "  X-Api-Key: ***"],
    ["  url: postgres://app:hunter2@db/app", "  url: postgres://app:***@db/app"],
    ["  name: orders", "  name: orders"],
  ])("%s", (input, expected) => {
    expect(redactConfigLine(input)).toBe(expected);
  });

  it("masks JSON pairs inside a parser's message, line by line", () => {
    expect(redactConfigText('Unexpected token x, ..."password": "hunter2" x... is not valid JSON\nline 2')).toBe(
      'Unexpected token x, ..."password": *** x... is not valid JSON\nline 2',
    );
  });

  it("knows secret keys", () => {
    expect(["password", "PGPASSWORD", "token", "x-api-key", "clientSecret", "Authorization"].every(isSecretKey)).toBe(true);
    expect(["name", "url", "timeoutMs", "passes"].some(isSecretKey)).toBe(false);
  });
});
