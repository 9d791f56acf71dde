import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HookPhase } from "../events.js";
import { HookExecutor } from "../executor.js";
import { webhookHook } from "./webhook-hook.js";

// Issue 19: a webhook redirected to another origin received the custom secret headers, and a URL
// with user:password@ was printed in full in the failure message.
interface Hit {
  path: string | undefined;
  method: string | undefined;
  headers: IncomingHttpHeaders;
}

let elsewhere: Server;
let origin: Server;
let elsewhereUrl = "";
let originUrl = "";
const hits: Record<"origin" | "elsewhere", Hit[]> = { origin: [], elsewhere: [] };

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  // Same host, another port: another origin, as a redirect to an attacker's server would be.
  elsewhere = createServer((request, response) => {
    hits.elsewhere.push({ path: request.url, method: request.method, headers: request.headers });
    request.resume().on("end", () => response.end("ok"));
  });
  elsewhereUrl = await listen(elsewhere);
  origin = createServer((request, response) => {
    hits.origin.push({ path: request.url, method: request.method, headers: request.headers });
    request.resume().on("end", () => {
      if (request.url === "/away") {
        response.writeHead(307, { location: `${elsewhereUrl}/collect` }).end();
      } else if (request.url === "/moved") {
        response.writeHead(308, { location: "/final" }).end();
      } else response.end("ok");
    });
  });
  originUrl = await listen(origin);
});
afterAll(async () => {
  await new Promise((resolve) => origin.close(resolve));
  await new Promise((resolve) => elsewhere.close(resolve));
});

describe("webhook redirects and credentials", () => {
  it("does not send custom headers across a cross-origin redirect", async () => {
    hits.origin = [];
    hits.elsewhere = [];
    const executor = new HookExecutor();
    executor.register(
      webhookHook({
        name: "notify",
        phase: HookPhase.AFTER_ROLLBACK,
        url: `${originUrl}/away`,
        headers: { "X-Api-Key": "k-secret", Authorization: "Bearer b-secret" },
        retries: 0,
      }),
    );
    const result = await executor.runPhase(HookPhase.AFTER_ROLLBACK, { reason: "x" });
    expect(result.results[0]?.status).toBe("completed");
    expect(hits.origin[0]?.headers["x-api-key"]).toBe("k-secret");
    expect(hits.elsewhere).toHaveLength(1);
    expect(hits.elsewhere[0]?.headers["x-api-key"]).toBeUndefined();
    expect(hits.elsewhere[0]?.headers.authorization).toBeUndefined();
  });

  it("keeps them across a same-origin redirect", async () => {
    hits.origin = [];
    const executor = new HookExecutor();
    executor.register(
      webhookHook({
        name: "notify",
        phase: HookPhase.AFTER_ROLLBACK,
        url: `${originUrl}/moved`,
        headers: { "X-Api-Key": "k-secret" },
        retries: 0,
      }),
    );
    await executor.runPhase(HookPhase.AFTER_ROLLBACK, { reason: "x" });
    expect(hits.origin.map((hit) => [hit.path, hit.method, hit.headers["x-api-key"]])).toEqual([
      ["/moved", "POST", "k-secret"],
      ["/final", "POST", "k-secret"],
    ]);
  });

  it("never prints the password of a URL with user:password@", async () => {
    const executor = new HookExecutor({ defaults: { errorStrategy: "fail-safe" } });
    const withCredentials = `${originUrl.replace("http://", "http://alice:hunter2@")}/hook`;
    executor.register(webhookHook({ name: "notify", phase: HookPhase.AFTER_ROLLBACK, url: withCredentials, retries: 0 }));
    const result = await executor.runPhase(HookPhase.AFTER_ROLLBACK, { reason: "x" });
    const message = result.results[0]?.error?.message ?? result.results[0]?.message ?? "";
    expect(message).toMatch(/webhook .* failed/);
    expect(JSON.stringify(result)).not.toContain("hunter2");
  });
});
