#!/usr/bin/env node
// @ts-check
// The script of the Confiture GitHub Action (action.yml at the repository root): preflight of the
// migrations the pull request adds or changes, against its base commit, with the project's installed
// CLI; a SARIF file for code scanning; one pull request comment kept up to date. It writes the
// preflight's exit code to the step's outputs and exits 0, so the SARIF upload runs before the
// action's last step fails the job.
import { execFile } from "node:child_process";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { commentBody, upsertComment } from "./comment.mjs";

const run = promisify(execFile);
const env = process.env;
const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
const directory = env.INPUT_DIRECTORY || "migrations";
const sarifPath = resolve(workspace, env.INPUT_SARIF_FILE || "confiture.sarif");
const extra = (env.INPUT_ARGS ?? "").split(/\s+/).filter(Boolean);

/** @param {string} name @param {string} value */
function output(name, value) {
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

/** The installed CLI, as `npx --no-install` finds it in the workspace's node_modules/.bin. */
async function confiture(/** @type {string[]} */ args) {
  return run("npx", ["--no-install", "confiture", ...args], { cwd: workspace, maxBuffer: 256 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error) => ({
      code: typeof error.code === "number" ? error.code : 2,
      stdout: error.stdout ?? "",
      stderr: error.stderr ?? String(error),
    }),
  );
}

/** The base commit is needed by `--base`; a shallow checkout may lack it. */
async function ensureCommit(/** @type {string} */ sha) {
  const present = await run("git", ["cat-file", "-e", `${sha}^{commit}`], { cwd: workspace }).then(
    () => true,
    () => false,
  );
  if (!present) await run("git", ["fetch", "--no-tags", "--depth=1", "origin", sha], { cwd: workspace });
}

async function main() {
  const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? "", "utf8"));
  const pull = event.pull_request;
  if (pull === undefined) {
    console.log("confiture: not a pull_request event; nothing to compare against");
    output("exit-code", "0");
    return;
  }
  const base = pull.base.sha;
  await ensureCommit(base);
  const args = ["preflight", directory, "--base", base, ...extra];
  const [markdown, sarif] = await Promise.all([
    confiture([...args, "--format", "markdown"]),
    confiture([...args, "--format", "sarif"]),
  ]);
  process.stderr.write(markdown.stderr);
  process.stdout.write(markdown.stdout);
  if (sarif.stdout.trim().startsWith("{")) writeFileSync(sarifPath, sarif.stdout);
  output("exit-code", String(markdown.code));
  output("sarif-file", sarifPath);
  if (env.INPUT_COMMENT === "false") return;
  const report =
    markdown.code === 2
      ? `## Confiture preflight could not run\n\n\`\`\`\n${markdown.stderr.slice(-4000)}\n\`\`\`\n`
      : markdown.stdout;
  const runUrl = env.GITHUB_RUN_ID
    ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
    : undefined;
  const result = await upsertComment({
    api: env.GITHUB_API_URL ?? "https://api.github.com",
    token: env.INPUT_TOKEN ?? env.GITHUB_TOKEN ?? "",
    repository: env.GITHUB_REPOSITORY ?? event.repository.full_name,
    issue: pull.number,
    body: commentBody(report, runUrl === undefined ? {} : { runUrl }),
  });
  console.log(`confiture: ${result.action} the pull request comment ${result.id}`);
}

main().catch((error) => {
  console.error(`confiture action: ${error instanceof Error ? error.message : String(error)}`);
  output("exit-code", "2");
});
