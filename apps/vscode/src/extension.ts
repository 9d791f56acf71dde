import { type ExtensionContext, workspace } from "vscode";
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from "vscode-languageclient/node";
import { serverCommand } from "./server-command.js";

let client: LanguageClient | undefined;

/** Starts `confiture lsp --stdio` (the language client adds `--stdio`) for SQL files of the workspace. */
export async function activate(context: ExtensionContext): Promise<void> {
  const root = workspace.workspaceFolders?.[0]?.uri.fsPath;
  const command = serverCommand(root, workspace.getConfiguration("confiture").get<string>("path"));
  const server: ServerOptions = {
    command,
    args: ["lsp"],
    transport: TransportKind.stdio,
    options: root === undefined ? {} : { cwd: root },
  };
  const clientOptions: LanguageClientOptions = { documentSelector: [{ scheme: "file", language: "sql" }] };
  client = new LanguageClient("confiture", "Confiture", server, clientOptions);
  context.subscriptions.push({ dispose: () => void client?.stop() });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
