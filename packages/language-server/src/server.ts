import { fileURLToPath } from "node:url";
import { sep } from "node:path";
import { type Composition, composeLibraries, type LintedStatement, lint } from "@confiture/linting";
import {
  type CodeAction,
  CodeActionKind,
  type Connection,
  type Diagnostic,
  type Hover,
  MarkupKind,
  TextDocumentSyncKind,
  TextDocuments,
  type TextEdit,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { type DiagnosticData, toDiagnostic } from "./diagnostics.js";
import { type DurationEstimate, hoverMarkdown } from "./hover.js";
import { placeIn, PrefixSchemas } from "./prefix-schema.js";
import { isIgnored, type Project, type ProjectLoader, readMigrations } from "./project.js";

/** What the server needs from its host (the CLI's `confiture lsp`). */
export interface ServerOptions {
  /** The project (config, libraries, migrations directory) of a file. */
  loadProject: ProjectLoader;
  /** Quiet time after a keystroke before linting again (default 50 ms). */
  debounceMs?: number;
  /** A prediction of a statement's duration for hovers, when a stats snapshot or a database is configured. */
  predictDuration?: (statement: LintedStatement, filePath: string) => Promise<DurationEstimate | undefined>;
}

interface ProjectState {
  project: Project;
  composition: Composition;
  /** The migrations as on disk, updated on save. */
  disk: Map<string, string>;
}

interface LintedDocument {
  version: number;
  statements: LintedStatement[];
}

/**
 * Serves the Language Server Protocol on a connection: diagnostics for open `.sql` documents as
 * they change (debounced), with the migrations before them replayed for the cross-file schema;
 * hovers with the statement's locks; code actions that apply a rule's fix or add a suppression.
 */
export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const debounceMs = options.debounceMs ?? 50;
  const projects = new Map<string, Promise<ProjectState>>();
  const linted = new Map<string, LintedDocument>();
  const timers = new Map<string, NodeJS.Timeout>();
  const prefixes = new PrefixSchemas();

  async function projectOf(path: string): Promise<ProjectState> {
    const directory = path.slice(0, path.lastIndexOf(sep));
    let state = projects.get(directory);
    if (state === undefined) {
      state = (async () => {
        const project = await options.loadProject(path);
        const lintConfig = project.lint;
        const composition = composeLibraries({
          libraries: project.libraries,
          ...(lintConfig.rules === undefined ? {} : { rules: lintConfig.rules }),
          ...(lintConfig.conflictResolution === undefined ? {} : { conflictResolution: lintConfig.conflictResolution }),
        });
        return { project, composition, disk: await readMigrations(project) };
      })();
      projects.set(directory, state);
      state.catch(() => projects.delete(directory));
    }
    return state;
  }

  async function lintDocument(document: TextDocument): Promise<void> {
    const path = fileURLToPath(document.uri);
    const version = document.version;
    try {
      const state = await projectOf(path);
      if (isIgnored(state.project, path)) return void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      const inDirectory = path.startsWith(state.project.migrationsDirectory + sep);
      const texts = new Map(inDirectory ? state.disk : []);
      for (const open of documents.all()) {
        const openPath = fileURLToPath(open.uri);
        if (texts.has(openPath)) texts.set(openPath, open.getText());
      }
      texts.set(path, document.getText());
      const placement = inDirectory ? placeIn(path, texts) : undefined;
      const schema = placement === undefined ? undefined : await prefixes.schemaBefore(path, placement.before);
      const result = await lint({
        files: [{ path, source: document.getText() }],
        ...(schema === undefined ? {} : { schema, knownFiles: placement!.all }),
        composition: state.composition,
        config: state.project.lint,
        ...(state.project.pgVersion === undefined ? {} : { pgVersion: state.project.pgVersion }),
      });
      // A newer edit is waiting: its lint will publish.
      if (documents.get(document.uri)?.version !== version) return;
      linted.set(document.uri, { version, statements: result.files.find((file) => file.path === path)?.statements ?? [] });
      const diagnostics = result.findings.filter((finding) => finding.file === path).map(toDiagnostic);
      connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
    } catch (error) {
      connection.console.error(`confiture: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function schedule(document: TextDocument): void {
    clearTimeout(timers.get(document.uri));
    // The first lint of a document runs at once; edits wait for a pause in typing.
    const delay = linted.has(document.uri) ? debounceMs : 0;
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        void lintDocument(document);
      }, delay),
    );
  }

  function statementAt(uri: string, line: number, character: number): LintedStatement | undefined {
    const statements = linted.get(uri)?.statements ?? [];
    const position = line + 1;
    return statements.find(
      (statement) =>
        (statement.line < position || (statement.line === position && statement.column - 1 <= character)) &&
        (statement.endLine > position || (statement.endLine === position && statement.endColumn - 1 >= character)),
    );
  }

  function codeActions(document: TextDocument, diagnostics: Diagnostic[]): CodeAction[] {
    const actions: CodeAction[] = [];
    const current = linted.get(document.uri);
    for (const diagnostic of diagnostics) {
      const data = diagnostic.data as DiagnosticData | undefined;
      if (data?.ruleId === undefined) continue;
      const statement = current?.statements.find((candidate) => candidate.index === data.statementIndex);
      if (data.fix !== undefined && statement !== undefined && current?.version === document.version) {
        const edit: TextEdit = {
          range: { start: document.positionAt(statement.offset), end: document.positionAt(statement.endOffset) },
          newText: data.fix.text,
        };
        actions.push({
          title: `Fix ${data.ruleId}${data.fix.safe ? "" : " (changes what the migration does: review it)"}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: data.fix.safe === true,
          edit: { changes: { [document.uri]: [edit] } },
        });
      }
      const line = diagnostic.range.start.line;
      const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
      const indent = /^[ \t]*/.exec(text)?.[0] ?? "";
      actions.push({
        title: `Ignore ${data.ruleId} on this line (with a reason)`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: {
          changes: {
            [document.uri]: [
              {
                range: { start: { line, character: 0 }, end: { line, character: 0 } },
                newText: `${indent}-- confiture-ignore-next-line ${data.ruleId} -- reason\n`,
              },
            ],
          },
        },
      });
    }
    return actions;
  }

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: "confiture" },
  }));
  documents.onDidChangeContent((event) => schedule(event.document));
  documents.onDidSave(async (event) => {
    const path = fileURLToPath(event.document.uri);
    const state = await projectOf(path).catch(() => undefined);
    if (state?.disk.has(path) || path.startsWith(`${state?.project.migrationsDirectory}${sep}`))
      state?.disk.set(path, event.document.getText());
  });
  documents.onDidClose((event) => {
    clearTimeout(timers.get(event.document.uri));
    linted.delete(event.document.uri);
    connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  connection.onHover(async (params): Promise<Hover | null> => {
    const statement = statementAt(params.textDocument.uri, params.position.line, params.position.character);
    if (statement === undefined) return null;
    const duration = await options.predictDuration?.(statement, fileURLToPath(params.textDocument.uri)).catch(() => undefined);
    return { contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(statement, duration) } };
  });
  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    return document === undefined ? [] : codeActions(document, params.context.diagnostics);
  });
  documents.listen(connection);
  connection.listen();
}
