import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer, type ServerOptions } from "./server.js";

export { startServer } from "./server.js";
export type { ServerOptions } from "./server.js";
export { isIgnored, readMigrations } from "./project.js";
export type { Project, ProjectLoader } from "./project.js";
export { toDiagnostic } from "./diagnostics.js";
export type { DiagnosticData } from "./diagnostics.js";
export { hoverMarkdown } from "./hover.js";
export type { DurationEstimate } from "./hover.js";

/** Serves LSP over the given streams (stdin and stdout for `confiture lsp`). */
export function serveStdio(
  options: ServerOptions,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): void {
  startServer(createConnection(ProposedFeatures.all, input, output), options);
}
