import { describe, expect, it } from "vitest";
import { Mutex } from "./mutex.js";

describe("Mutex", () => {
  it("runs holders one at a time, in arrival order, and survives a failure", async () => {
    const mutex = new Mutex();
    const events: string[] = [];
    const hold = (name: string, fail = false) =>
      mutex.run(async () => {
        events.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([hold("a"), hold("b", true), hold("c")]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(events).toEqual(["a start", "a end", "b start", "b end", "c start", "c end"]);
  });
});
