import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HookPhase } from "../events.js";
import { HookExecutor } from "../executor.js";
import { webhookHook } from "./webhook-hook.js";

interface Received {
  method: string | undefined;
  contentType: string | undefined;
  body: Record<string, unknown>;
}

let server: Server;
let url = "";
let received: Received[] = [];
/** The status the server answers with, request by request (then 200). */
let statuses: number[] = [];

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    request.setEncoding("utf8").on("data", (chunk: string) => {
      text += chunk;
    });
    request.on("end", () => resolve(text));
  });
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readBody(request);
    received.push({ method: request.method, contentType: request.headers["content-type"], body: JSON.parse(body) });
    response.statusCode = statuses.shift() ?? 200;
    response.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/slack`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received = [];
  statuses = [];
});

const context = { reason: "lock timeout", migration: { version: "20240101", name: "add_index" }, environment: "production" };

describe("webhook hooks", () => {
  it("POSTs the context as JSON with a Slack-compatible text line", async () => {
    const target = new HookExecutor();
    target.register(webhookHook({ name: "slack", phase: HookPhase.AFTER_ROLLBACK, url }));
    const result = await target.runPhase(HookPhase.AFTER_ROLLBACK, context);
    expect(result.results[0]?.status).toBe("completed");
    expect(received).toHaveLength(1);
    expect(received[0]?.method).toBe("POST");
    expect(received[0]?.contentType).toBe("application/json");
    expect(received[0]?.body.text).toBe(
      "[confiture] after_rollback · migration 20240101_add_index · reason: lock timeout · env production · (hook slack)",
    );
    expect(received[0]?.body).toMatchObject({ phase: "after_rollback", hook: "slack", context: { reason: "lock timeout" } });
  });

  it("retries 5xx answers, then succeeds", async () => {
    statuses = [500, 503];
    const target = new HookExecutor();
    target.register(webhookHook({ name: "flaky", phase: HookPhase.AFTER_ROLLBACK, url, retries: 3, retryDelayMs: 1 }));
    const result = await target.runPhase(HookPhase.AFTER_ROLLBACK, context);
    expect(result.results[0]).toMatchObject({ status: "completed", data: { status: 200, attempts: 3 } });
    expect(received).toHaveLength(3);
  });

  it("gives up after its retries, and does not retry a 4xx", async () => {
    statuses = [500, 500, 500];
    const target = new HookExecutor({ defaults: { errorStrategy: "fail-safe" } });
    target.register(webhookHook({ name: "down", phase: HookPhase.AFTER_ROLLBACK, url, retries: 2, retryDelayMs: 1 }));
    const down = await target.runPhase(HookPhase.AFTER_ROLLBACK, context);
    expect(down.results[0]?.error?.message).toMatch(/failed: HTTP 500/);
    // Webhook paths are secrets (Slack's are): only the origin is shown.
    expect(down.results[0]?.error?.message).not.toContain("/hooks/slack");
    expect(received).toHaveLength(3);

    received = [];
    statuses = [404];
    const missing = await target.runPhase(HookPhase.AFTER_ROLLBACK, context);
    expect(missing.results[0]?.error?.message).toMatch(/HTTP 404/);
    expect(received).toHaveLength(1);
  });

  it("fails when nothing listens", async () => {
    const target = new HookExecutor({ defaults: { errorStrategy: "fail-safe" } });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    target.register(
      webhookHook({
        name: "nobody",
        phase: HookPhase.AFTER_ROLLBACK,
        url: `http://127.0.0.1:${port}/`,
        retries: 1,
        retryDelayMs: 1,
      }),
    );
    const result = await target.runPhase(HookPhase.AFTER_ROLLBACK, context);
    expect(result.results[0]?.status).toBe("failed");
  });
});
