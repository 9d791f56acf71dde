import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CodeAction,
  CodeActionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { project } from "./lint-fixtures.js";

// The language server as an editor meets it: `confiture lsp --stdio` in a child process, driven by
// the protocol's own client library over stdin and stdout.
const root = resolve(import.meta.dirname, "..", "..", "..", "..");
const tsx = join(root, "node_modules", "tsx", "dist", "esm", "index.mjs");
const bin = join(root, "apps", "cli", "src", "bin.ts");

let child: ChildProcessWithoutNullStreams;
let client: ProtocolConnection;
let directory: string;
const published: PublishDiagnosticsParams[] = [];
const waiters: Array<() => void> = [];

/** The next diagnostics published for a document after `since` notifications. */
async function diagnosticsFor(uri: string, since: number): Promise<PublishDiagnosticsParams> {
  for (;;) {
    const found = published.slice(since).find((entry) => entry.uri === uri);
    if (found !== undefined) return found;
    await new Promise<void>((done) => waiters.push(done));
  }
}

beforeAll(async () => {
  directory = await project({
    "confiture.config.json": JSON.stringify({ lint: { settings: { runnerWrapsInTransaction: false } } }),
    "migrations/0001_orders.up.sql": "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, total numeric);\n",
    "migrations/0002_index.up.sql": "SET lock_timeout = '2s';\nCREATE INDEX orders_total_idx ON orders (total);\n",
  });
  child = spawn(process.execPath, ["--conditions=@confiture/source", "--import", tsx, bin, "lsp", "--stdio"], { cwd: directory });
  client = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  client.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const wake of waiters.splice(0)) wake();
  });
  client.listen();
  const initialized = await client.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(directory).href,
    capabilities: {},
    workspaceFolders: null,
  });
  expect(initialized.capabilities.hoverProvider).toBe(true);
  await client.sendNotification(InitializedNotification.type, {});
}, 120_000);

afterAll(async () => {
  await client.sendRequest(ShutdownRequest.type);
  await client.sendNotification(ExitNotification.type);
  const code = await new Promise((done) => child.once("exit", done));
  expect(code).toBe(0);
  client.dispose();
});

describe("confiture lsp", () => {
  it("publishes diagnostics with the rule id and docs link, hovers a statement's locks, fixes and suppresses by code action", async () => {
    const path = join(directory, "migrations", "0002_index.up.sql");
    const uri = pathToFileURL(path).href;
    let document = TextDocument.create(
      uri,
      "sql",
      1,
      "SET lock_timeout = '2s';\nCREATE INDEX orders_total_idx ON orders (total);\n",
    );
    let since = published.length;
    await client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: "sql", version: 1, text: document.getText() },
    });
    const opened = await diagnosticsFor(uri, since);
    const diagnostic = opened.diagnostics.find((entry) => entry.code === "require-concurrent-index-creation");
    expect(diagnostic).toMatchObject({ range: { start: { line: 1 } }, source: "confiture (general)" });
    expect(diagnostic?.codeDescription?.href).toMatch(/^file:.*require-concurrent-index-creation\/README\.md$/);
    // The table comes from the other file: the cross-file schema knows `orders` (no unknown-table noise).
    expect(opened.diagnostics.map((entry) => entry.code)).not.toContain("parse-error");

    const hover = await client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 3 } });
    const text = typeof hover?.contents === "object" && "value" in hover.contents ? hover.contents.value : "";
    expect(text).toMatch(/`ShareLock` on `orders`: blocks writes/);
    expect(text).toMatch(/Rewrites the table: no/);
    expect(text).toMatch(/Scans every row: \*\*yes\*\*/);

    const actions = (await client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic!.range,
      context: { diagnostics: [diagnostic!] },
    })) as CodeAction[];
    expect(actions.map((action) => action.title)).toEqual([
      "Fix require-concurrent-index-creation",
      "Ignore require-concurrent-index-creation on this line (with a reason)",
    ]);
    const ignore = actions[1]?.edit?.changes?.[uri]?.[0];
    expect(ignore?.newText).toBe("-- confiture-ignore-next-line require-concurrent-index-creation -- reason\n");

    // Apply the fix as an editor does, send the change, and the finding is gone.
    const fixed = TextDocument.applyEdits(document, actions[0]!.edit!.changes![uri]!);
    expect(fixed).toContain("CREATE INDEX CONCURRENTLY orders_total_idx");
    document = TextDocument.update(document, [{ text: fixed }], 2);
    since = published.length;
    await client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: fixed }],
    });
    const after = await diagnosticsFor(uri, since);
    expect(after.version).toBe(2);
    expect(after.diagnostics.map((entry) => entry.code)).not.toContain("require-concurrent-index-creation");

    since = published.length;
    await client.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    expect((await diagnosticsFor(uri, since)).diagnostics).toEqual([]);
  }, 180_000);
});
