// pnpm bench: how long an editor waits for Confiture's diagnostics on a real 300-file migrations
// directory (read in place from ../shared/corpora, never copied): the first diagnostics of a fresh
// server (cold: parser load, composition, reading and replaying every earlier migration), then after
// each edit of the open file (the debounce included). Targets: cold <= 1 s, after an edit <= 150 ms.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-languageserver-protocol/node";

const corpora = resolve(import.meta.dirname, "..", "..", "..", "..", "shared", "corpora");
const directories = [
  join(corpora, "concourse-concourse", "atc", "db", "migration", "migrations"),
  join(corpora, "matrix-org-synapse"),
];
const RUNS = 3;
const EDITS = 10;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

/** The newest migration: the worst case, every other file is replayed before it. */
function newestFile(directory: string): string {
  const files = (readdirSync(directory, { recursive: true }) as string[]).filter(
    (name) => name.endsWith(".up.sql") || name.endsWith(".sql"),
  );
  return join(directory, files.sort().at(-1)!);
}

async function measure(directory: string): Promise<{ cold: number; edits: number[] }> {
  const child = spawn(
    process.execPath,
    ["--conditions=@confiture/source", "--import", "tsx", join(import.meta.dirname, "serve.ts"), directory],
    {
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const client = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let resolveNext: ((params: PublishDiagnosticsParams) => void) | undefined;
  client.onNotification(PublishDiagnosticsNotification.type, (params) => resolveNext?.(params));
  client.listen();
  await client.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(directory).href,
    capabilities: {},
    workspaceFolders: null,
  });
  await client.sendNotification(InitializedNotification.type, {});
  const path = newestFile(directory);
  const uri = pathToFileURL(path).href;
  let text = readFileSync(path, "utf8");
  const next = () =>
    new Promise<PublishDiagnosticsParams>((done) => {
      resolveNext = done;
    });
  let started = performance.now();
  let waiting = next();
  await client.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: "sql", version: 1, text },
  });
  await waiting;
  const cold = performance.now() - started;
  const edits: number[] = [];
  for (let version = 2; version < 2 + EDITS; version++) {
    text += `\nALTER TABLE bench_${version} ADD COLUMN note text;`;
    waiting = next();
    started = performance.now();
    await client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    await waiting;
    edits.push(performance.now() - started);
  }
  await client.sendRequest(ShutdownRequest.type);
  await client.sendNotification(ExitNotification.type);
  client.dispose();
  return { cold, edits };
}

for (const directory of directories) {
  if (!existsSync(directory)) {
    console.log(`skipped: ${directory} is not there (../shared/corpora)`);
    continue;
  }
  const count = (readdirSync(directory, { recursive: true }) as string[]).filter((name) => name.endsWith(".sql")).length;
  console.log(
    `${directory.slice(corpora.length + 1)}: ${count} SQL files; load average ${loadavg()
      .map((value) => value.toFixed(1))
      .join(" ")}`,
  );
  for (let run = 1; run <= RUNS; run++) {
    const { cold, edits } = await measure(directory);
    console.log(
      `  run ${run}: cold first diagnostics ${cold.toFixed(0)} ms (target <= 1000); after an edit median ${percentile(edits, 0.5).toFixed(0)} ms, worst ${Math.max(...edits).toFixed(0)} ms (target <= 150)`,
    );
  }
}
