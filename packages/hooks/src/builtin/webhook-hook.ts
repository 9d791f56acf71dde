import { redactSecrets } from "@confiture/redact";
import type { HookDefinition, HookResult } from "../define-hook.js";
import type { HookPhase } from "../events.js";
import { serializeContext, summaryText } from "./serialize-context.js";

/** What a `webhook` hook is built from. */
export interface WebhookHookSpec<P extends HookPhase> extends Omit<HookDefinition<P>, "run" | "kind"> {
  url: string;
  /** Extra attempts after the first for network errors, 429 and 5xx. Default 3. */
  retries?: number;
  /** First delay between attempts, doubled each time. Default 200 ms. */
  retryDelayMs?: number;
  /** Each request. Default 10 s. */
  requestTimeoutMs?: number;
  headers?: Record<string, string>;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/** The URL reduced to its origin: webhook paths often are the secret (Slack's are), so they never reach messages or logs. */
function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return "(invalid url)";
  }
}

/** A webhook's default timeout (all attempts together). */
export const defaultWebhookTimeoutMs = 30_000;

/**
 * A hook that POSTs JSON to a URL: `{ text, phase, hook, context }`, where `text` is a one-line
 * summary (what Slack incoming webhooks display). Retries network errors, 429 and 5xx with backoff.
 * Runs outside the migration's transaction (after its COMMIT on `after_execute`) unless `transaction: "inside"`.
 */
export function webhookHook<P extends HookPhase>(spec: WebhookHookSpec<P>): HookDefinition<P> {
  const { url, retries = 3, retryDelayMs = 200, requestTimeoutMs = 10_000, headers, ...meta } = spec;
  const where = displayUrl(url);
  const hook: HookDefinition<P> = {
    ...meta,
    // Bounded by default, whatever the retries: the time its attempts need, at most the default hook timeout.
    timeoutMs:
      meta.timeoutMs ?? Math.min(defaultWebhookTimeoutMs, (retries + 1) * requestTimeoutMs + retryDelayMs * 2 ** (retries + 1)),
    // The network never runs inside the migration's transaction unless asked: a hanging endpoint would hold its locks.
    transaction: meta.transaction ?? "outside",
    kind: "webhook",
    run: async (context, { signal, logger }): Promise<HookResult> => {
      const body = `{"text":${JSON.stringify(summaryText(spec.phase, spec.name, context))},"phase":${JSON.stringify(spec.phase)},"hook":${JSON.stringify(spec.name)},"context":${serializeContext(context)}}`;
      let lastProblem = "";
      for (let attempt = 0; attempt <= retries; attempt += 1) {
        if (attempt > 0) await wait(retryDelayMs * 2 ** (attempt - 1), signal);
        if (signal.aborted) return { success: false, message: `webhook ${where} aborted` };
        try {
          const response = await postFollowingRedirects(
            url,
            body,
            headers ?? {},
            AbortSignal.any([signal, AbortSignal.timeout(requestTimeoutMs)]),
          );
          await response.arrayBuffer();
          if (response.ok)
            return {
              success: true,
              message: `webhook ${where}: ${response.status}`,
              data: { status: response.status, attempts: attempt + 1 },
            };
          lastProblem = `HTTP ${response.status}`;
          if (response.status !== 429 && response.status < 500) break;
        } catch (error) {
          // fetch quotes the URL in its errors, credentials included.
          lastProblem = redactSecrets(error instanceof Error ? error.message : String(error));
        }
        logger.warn({ url: where, attempt: attempt + 1, problem: lastProblem }, "webhook attempt failed");
      }
      return { success: false, message: `webhook ${where} failed: ${lastProblem}` };
    },
  };
  return hook;
}

const maxRedirects = 5;

/**
 * POSTs `body`, following redirects by hand: fetch would send the custom headers (an `X-Api-Key`)
 * to whatever origin a redirect names, and only drops `Authorization` itself. Same-origin redirects
 * keep them; a cross-origin one is followed with `content-type` only. 307/308 repeat the POST; the
 * others become a GET without body, as browsers do.
 */
async function postFollowingRedirects(
  url: string,
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<Response> {
  const origin = new URL(url).origin;
  let current = url;
  let method = "POST";
  let payload: string | undefined = body;
  for (let hop = 0; ; hop += 1) {
    const sameOrigin = new URL(current).origin === origin;
    const response = await fetch(current, {
      method,
      headers: { "content-type": "application/json", ...(sameOrigin ? headers : {}) },
      ...(payload === undefined ? {} : { body: payload }),
      redirect: "manual",
      signal,
    });
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || location === null) return response;
    await response.arrayBuffer();
    if (hop >= maxRedirects) throw new Error(`more than ${maxRedirects} redirects`);
    current = new URL(location, current).toString();
    if (response.status !== 307 && response.status !== 308) {
      method = "GET";
      payload = undefined;
    }
  }
}
