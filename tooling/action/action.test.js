// @ts-check
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userRepository } from "../ci/user-repository.js";
import { commentBody, GITHUB_COMMENT_LIMIT, MARKER } from "./comment.mjs";

// The action's script against a recorded pull_request event and a local server standing in for the
// GitHub REST API: what it asks of GitHub is what is asserted.
const exec = promisify(execFile);
const script = resolve(import.meta.dirname, "run.mjs");
const payload = readFileSync(resolve(import.meta.dirname, "__fixtures__", "pull_request.synchronize.json"), "utf8");

/** @type {Array<{ method: string, url: string, authorization: string | undefined, body: any }>} */
const requests = [];
/** @type {Array<{ id: number, body: string, user: { login: string } }>} */
const comments = [{ id: 1, body: "LGTM", user: { login: "reviewer" } }];
let nextId = 100;
const server = createServer((request, response) => {
  let text = "";
  request.on("data", (chunk) => {
    text += chunk;
  });
  request.on("end", () => {
    const body = text === "" ? undefined : JSON.parse(text);
    requests.push({ method: request.method ?? "", url: request.url ?? "", authorization: request.headers.authorization, body });
    const send = (/** @type {number} */ status, /** @type {unknown} */ value) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(value));
    };
    if (request.method === "GET" && request.url?.startsWith("/repos/acme/shop/issues/42/comments")) return send(200, comments);
    if (request.method === "POST" && request.url === "/repos/acme/shop/issues/42/comments") {
      const comment = { id: nextId++, body: body.body, user: { login: "github-actions[bot]" } };
      comments.push(comment);
      return send(201, comment);
    }
    const patch = /^\/repos\/acme\/shop\/issues\/comments\/(\d+)$/.exec(request.url ?? "");
    const existing = comments.find((comment) => comment.id === Number(patch?.[1]));
    if (request.method === "PATCH" && existing) {
      existing.body = body.body;
      return send(200, existing);
    }
    send(404, { message: "Not Found" });
  });
});

let api = "";
beforeAll(async () => {
  await new Promise((done) => server.listen(0, "127.0.0.1", () => done(undefined)));
  const address = server.address();
  api = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(() => new Promise((done) => server.close(() => done(undefined))));

/** @param {string} cwd @param {string[]} args */
const git = (cwd, args) => exec("git", ["-c", "user.name=dev", "-c", "user.email=dev@example.com", ...args], { cwd });

/** Runs the action's script as the composite step does, and returns its step outputs. */
async function runAction(/** @type {string} */ repository, /** @type {string} */ base) {
  const eventPath = join(repository, "event.json");
  writeFileSync(eventPath, payload.replace("BASE_SHA", base));
  const outputPath = join(repository, "github-output");
  writeFileSync(outputPath, "");
  await exec("node", [script], {
    cwd: repository,
    env: {
      ...process.env,
      GITHUB_WORKSPACE: repository,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_API_URL: api,
      GITHUB_REPOSITORY: "acme/shop",
      GITHUB_OUTPUT: outputPath,
      INPUT_TOKEN: "test-token",
      INPUT_DIRECTORY: "migrations",
    },
  });
  return Object.fromEntries(
    readFileSync(outputPath, "utf8")
      .trim()
      .split("\n")
      .map((line) => line.split("=")),
  );
}

describe("the GitHub Action", () => {
  it("comments once, then updates that comment on the next push; writes SARIF; reports the exit code", async () => {
    const repository = userRepository({
      ".gitignore": "node_modules/\nevent.json\ngithub-output\nconfiture.sarif\n",
      "migrations/0001_orders.up.sql":
        "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, total numeric);\n",
    });
    await git(repository, ["init", "-q", "-b", "main"]);
    await git(repository, ["add", "."]);
    await git(repository, ["commit", "-qm", "base"]);
    const base = (await git(repository, ["rev-parse", "HEAD"])).stdout.trim();
    writeFileSync(
      join(repository, "migrations", "0002_orders_total.up.sql"),
      "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY orders_total_idx ON orders (total);\n",
    );
    await git(repository, ["add", "."]);
    await git(repository, ["commit", "-qm", "index"]);

    const first = await runAction(repository, base);
    expect(first["exit-code"]).toBe("1");
    expect(requests.map((request) => `${request.method} ${request.url.split("?")[0]}`)).toEqual([
      "GET /repos/acme/shop/issues/42/comments",
      "POST /repos/acme/shop/issues/42/comments",
    ]);
    expect(requests.every((request) => request.authorization === "Bearer test-token")).toBe(true);
    const created = requests[1]?.body.body;
    expect(created.startsWith(MARKER)).toBe(true);
    expect(created).toMatch(/0002_orders_total/);
    expect(created).not.toMatch(/0001_orders/);
    const sarif = JSON.parse(readFileSync(join(repository, "confiture.sarif"), "utf8"));
    expect(sarif.version).toBe("2.1.0");

    // The next push: a fix of the migration. The same comment is updated; no second comment.
    requests.length = 0;
    writeFileSync(
      join(repository, "migrations", "0002_orders_total.up.sql"),
      "-- confiture: no-transaction\nSET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY orders_total_idx ON orders (total);\n",
    );
    await git(repository, ["commit", "-qam", "no transaction"]);
    await runAction(repository, base);
    expect(requests.map((request) => `${request.method} ${request.url.split("?")[0]}`)).toEqual([
      "GET /repos/acme/shop/issues/42/comments",
      `PATCH /repos/acme/shop/issues/comments/${comments[1]?.id}`,
    ]);
    expect(comments).toHaveLength(2);
    expect(comments[0]?.body).toBe("LGTM");
    expect(comments[1]?.body.startsWith(MARKER)).toBe(true);
  }, 400_000);

  it("caps the comment below GitHub's limit with a note saying where the whole report is", () => {
    const report = `## Confiture preflight\n\n${"| `m.sql:1` | warning | `rule` | a long message |\n".repeat(3000)}`;
    const body = commentBody(report, { runUrl: "https://github.example/run/1" });
    expect(report.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
    expect(body.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(body.startsWith(`${MARKER}\n## Confiture preflight`)).toBe(true);
    expect(body).toMatch(/over GitHub's comment limit.*SARIF.*\[workflow run\]\(https:\/\/github\.example\/run\/1\)/s);
    expect(commentBody("short")).toBe(`${MARKER}\nshort`);
  });
});
