// @ts-check
// The pull request comment of the Confiture GitHub Action: one comment, found again by a marker and
// updated on every push, never a new one. Plain fetch against the REST API (GITHUB_API_URL), so a
// local server can stand in for GitHub in tests.

/** Marks the comment this action owns, so the next run finds and updates it. */
export const MARKER = "<!-- confiture-preflight -->";

/** GitHub refuses an issue comment body of 65,536 characters or more. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/**
 * The comment body: the marker and the Markdown report, or, when that would not fit, the report cut at
 * a line boundary with a note saying how long it was and where the whole of it is.
 * @param {string} markdown
 * @param {{ limit?: number, runUrl?: string }} [options]
 */
export function commentBody(markdown, options = {}) {
  const limit = (options.limit ?? GITHUB_COMMENT_LIMIT) - 1;
  const full = `${MARKER}\n${markdown}`;
  if (full.length <= limit) return full;
  const where = options.runUrl ? `the [workflow run](${options.runUrl})` : "the workflow run";
  const note = `\n\n---\n**The report is ${markdown.length.toLocaleString("en-US")} characters, over GitHub's comment limit; this is its beginning.** Every finding is in code scanning (the SARIF upload) and in ${where}'s log.\n`;
  const room = limit - MARKER.length - 1 - note.length;
  const cut = markdown.lastIndexOf("\n", room);
  return `${MARKER}\n${markdown.slice(0, cut > 0 ? cut : room)}${note}`;
}

/**
 * @param {{ api: string, token: string }} client
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 */
async function request(client, method, path, body) {
  const response = await fetch(`${client.api}${path}`, {
    method,
    headers: {
      accept: "application/vnd.github+json",
      authorization: `Bearer ${client.token}`,
      "x-github-api-version": "2022-11-28",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`GitHub API ${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * Creates the action's comment on the pull request, or updates it when a run left one already.
 * @param {{ api: string, token: string, repository: string, issue: number, body: string }} options
 * @returns {Promise<{ action: "created" | "updated", id: number }>}
 */
export async function upsertComment(options) {
  const client = { api: options.api.replace(/\/$/, ""), token: options.token };
  const base = `/repos/${options.repository}/issues`;
  for (let page = 1; ; page++) {
    /** @type {Array<{ id: number, body?: string }>} */
    const comments = await request(client, "GET", `${base}/${options.issue}/comments?per_page=100&page=${page}`);
    const mine = comments.find((comment) => comment.body?.startsWith(MARKER));
    if (mine !== undefined) {
      await request(client, "PATCH", `${base}/comments/${mine.id}`, { body: options.body });
      return { action: "updated", id: mine.id };
    }
    if (comments.length < 100) break;
  }
  const created = await request(client, "POST", `${base}/${options.issue}/comments`, { body: options.body });
  return { action: "created", id: created.id };
}
