import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";
import { base, project } from "./lint-fixtures.js";

async function explain(directory: string, args: string[]) {
  const io = memoryIo({ cwd: directory });
  const code = await run(["explain", ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe("confiture explain", () => {
  it("prints a general rule's README from the installed package", async () => {
    const directory = await project({});
    const { code, out } = await explain(directory, ["require-concurrent-index-creation"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^# require-concurrent-index-creation/);
    expect(out).toMatch(/CONCURRENTLY/);
  });

  it("answers in JSON with the docs link and the README text", async () => {
    const directory = await project({});
    const { code, out } = await explain(directory, ["general/ban-drop-column", "--format", "json"]);
    expect(code).toBe(0);
    const parsed = JSON.parse(out);
    expect(parsed).toMatchObject({ id: "ban-drop-column", library: "general" });
    expect(parsed.docs).toMatch(/^file:.*\/src\/rules\/ban-drop-column\/README\.md$/);
    expect(parsed.readme).toMatch(/^# ban-drop-column/);
  });

  it("falls back to the rule's meta when its library ships no README", async () => {
    const directory = await project(base);
    const { code, out } = await explain(directory, ["no-truncate"]);
    expect(code).toBe(0);
    expect(out).toMatch(/# no-truncate \(acme\)\n\nDisallow truncate\./);
  });

  it("exits 2 on an unknown rule and suggests the closest", async () => {
    const directory = await project({});
    const { code, err } = await explain(directory, ["require-concurent-index-creation"]);
    expect(code).toBe(2);
    expect(err).toMatch(/did you mean "require-concurrent-index-creation"/);
  });
});
