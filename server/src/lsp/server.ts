import * as path from 'node:path';
import {
  CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, TextDocumentSyncKind, TextDocuments,
  type Connection, type DocumentSymbol, type InitializeResult, type SymbolInformation,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES } from '../core/config/load';
import { VERSION } from '../core/version';
import { codeActions } from './codeActions';
import { frontMatterCompletions, reportCompletions, TRIGGER_CHARACTERS } from './completion';
import { ConfigDiagnostics } from './configDiagnostics';
import { ConfigResolver, isConfigFile, validateConfigFile } from './configuration';
import { DiagnosticsPublisher } from './diagnostics';
import { EditLog } from './editLog';
import { EditorSettingsSource } from './editorSettings';
import { describeError, guard, type Log } from './guard';
import { hover } from './hover';
import { IncrementalDocumentLinter } from './incrementalLinter';
import { InThreadLintRunner, type LintRunner } from './lintRunner';
import type { LintedDocument } from './lintCache';
import { actionLenses, documentSymbols, reportSummary } from './outline';
import { FIX_ALL_KIND, LintStatisticsRequest, ReportSummaryRequest, type InitializationOptions, type ReportSummary, type ReportSummaryParams } from './protocol';
import type { ServerHost } from './host';
import { ReportStore } from './reports';
import { TypingWait } from './typingWait';
import { carryCodeAction, VersionBridge } from './versionBridge';

/** The client's fixed wait after a keystroke, if it set one; otherwise the wait is sized per document. */
function debounceFrom(options: unknown): number | undefined {
  const value = (options as InitializationOptions | null | undefined)?.debounceMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function flatten(symbols: DocumentSymbol[], uri: string, container?: string): SymbolInformation[] {
  return symbols.flatMap((symbol) => [
    { name: symbol.name, kind: symbol.kind, location: { uri, range: symbol.range }, ...(container ? { containerName: container } : {}) },
    ...flatten(symbol.children ?? [], uri, symbol.name),
  ]);
}

/** What the entry point can do with a running server. */
export interface RunningServer {
  /** Configuration files changed (paths as host.pathOf gives them): check them, lint every report again. */
  configurationChanged(files: string[]): void;
}

/**
 * Wire the audit-lint features to a connection. The features themselves live in their own modules.
 * The host says how configuration is read (Node: the disk; a browser: files the client sends).
 * Lints run on the runner given (the Node entry gives a worker thread), so this thread is free to answer.
 */
export function startServer(connection: Connection, host: ServerHost, runner: LintRunner = new InThreadLintRunner()): RunningServer {
  const filePathOf = host.pathOf;
  const log: Log = (message) => connection.console.error(message);
  const edits = new EditLog();
  const documents = new TextDocuments({ create: TextDocument.create, update: edits.update });
  let workspaceFolders: string[] = [];
  let hierarchicalSymbols = true;
  let documentChanges = false;
  let canAskSettings = false;
  let dynamicConfiguration = false;
  let dynamicWatchers = false;
  let folderEvents = false;
  let debounceMs: number | undefined;

  const configDiagnostics = new ConfigDiagnostics(connection, host);
  let editorSettings = new EditorSettingsSource(connection, false);
  let reports: ReportStore;
  let publisher: DiagnosticsPublisher;

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    canAskSettings = capabilities.workspace?.configuration === true;
    dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    dynamicWatchers = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    documentChanges = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    folderEvents = capabilities.workspace?.workspaceFolders === true;
    hierarchicalSymbols = capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    debounceMs = debounceFrom(params.initializationOptions);
    host.initialize?.(params.initializationOptions);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = folders.map(filePathOf).filter((f): f is string => f !== undefined);

    editorSettings = new EditorSettingsSource(connection, canAskSettings);
    reports = new ReportStore(documents, editorSettings, new ConfigResolver(host.fileSystem), new IncrementalDocumentLinter(runner), () => workspaceFolders, {
      configError: (error) => configDiagnostics.show(error),
      ruleFailed: (uri, ruleId, message) => log(`Rule ${ruleId} failed on ${uri}: ${message}. The other rules still reported.`),
      lintFailed: (uri, failure) => log(`Could not lint ${uri} (version ${failure.version}): ${describeError(failure.reason)}`),
    }, host.pathOf);
    publisher = new DiagnosticsPublisher(connection, documents, reports, new TypingWait(debounceMs), log);

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS },
        documentSymbolProvider: { label: 'audit report' },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'audit-lint', version: VERSION },
    };
  });

  connection.onInitialized(guard(log, 'Initialization', undefined, async () => {
    if (dynamicConfiguration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'auditLint' });
    if (dynamicWatchers) {
      const names = CONFIG_FILE_NAMES.join(',');
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/{${names}}` }] });
    }
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => filePathOf(f.uri)));
        workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...event.added.map((f) => filePathOf(f.uri)).filter((f): f is string => f !== undefined)];
        publisher.refreshAll();
      });
    }
  }));

  documents.onDidOpen((event) => publisher.opened(event.document.uri, event.document.version));
  documents.onDidChangeContent(guard(log, 'Change', undefined, (event) => {
    reports.superseded(event.document.uri, event.document.version);
    return publisher.changed(event.document.uri, event.document.version);
  }));
  documents.onDidSave(guard(log, 'Save', undefined, (event) => publisher.saved(event.document.uri)));
  documents.onDidClose((event) => {
    publisher.closed(event.document.uri);
    reports.forget(event.document.uri);
    edits.forget(event.document.uri);
  });

  /** Configuration files changed: check them again, forget everything resolved from them, lint again. */
  const configurationChanged = (changed: string[]) => {
    reports.invalidate();
    for (const file of new Set([...changed, ...configDiagnostics.files()])) {
      const error = validateConfigFile(file, host.fileSystem);
      if (error) configDiagnostics.show(error);
      else configDiagnostics.clear(file);
    }
    publisher.refreshAll();
  };

  connection.onDidChangeWatchedFiles(guard(log, 'Watched files', undefined, (params) => {
    const changed = params.changes.map((c) => filePathOf(c.uri)).filter((f): f is string => f !== undefined && isConfigFile(f));
    if (changed.length > 0) configurationChanged(changed.map((f) => path.normalize(f)));
  }));

  connection.onDidChangeConfiguration(guard(log, 'Configuration', undefined, (params) => {
    editorSettings.changed(params.settings);
    publisher.refreshAll();
  }));

  /** The lint of a document's current version, with the document, when it is an audit report. */
  const reportFor = async (uri: string): Promise<{ document: TextDocument; linted: LintedDocument } | undefined> => {
    const linted = await reports.current(uri);
    const document = documents.get(uri);
    return linted && document && linted.version === document.version ? { document, linted } : undefined;
  };

  /**
   * The last lint, of this version or an earlier one, at once: hover and code actions do not wait for
   * a lint under way. Results of an earlier version reach the current text through a bridge.
   */
  const bridges = new WeakMap<LintedDocument, { version: number; bridge: VersionBridge }>();
  const lastReport = async (uri: string): Promise<{ document: TextDocument; linted: LintedDocument; bridge?: VersionBridge } | undefined> => {
    const linted = await reports.recent(uri);
    const document = documents.get(uri);
    if (!linted || !document) return undefined;
    if (linted.version === document.version) return { document, linted };
    // Hover, completion and code actions arrive together after an edit: one comparison serves them all.
    let known = bridges.get(linted);
    if (known?.version !== document.version) bridges.set(linted, (known = { version: document.version, bridge: VersionBridge.between(linted.document, document, edits.unchanged(uri, linted.version, document.version)) }));
    return { document, linted, bridge: known.bridge };
  };

  connection.onHover(guard(log, 'Hover', null, async (params) => {
    const report = await lastReport(params.textDocument.uri);
    if (!report) return null;
    if (!report.bridge) return hover(report.document, report.linted, params.position);
    const position = report.bridge.toEarlier(params.position);
    const answer = position && hover(report.linted.document, report.linted, position);
    if (!answer?.range) return answer ?? null;
    const range = report.bridge.toCurrent(answer.range);
    return range ? { ...answer, range } : { contents: answer.contents };
  }));

  connection.onCodeAction(guard(log, 'Code actions', [], async (params) => {
    const report = await lastReport(params.textDocument.uri);
    if (!report) return [];
    if (!report.bridge) return codeActions(report.document, report.linted, params, { documentChanges });
    const { bridge, linted, document } = report;
    const start = bridge.toEarlier(params.range.start);
    const end = bridge.toEarlier(params.range.end);
    if (!start || !end) return [];
    const earlier = codeActions(linted.document, linted, { ...params, range: { start, end }, context: { ...params.context, diagnostics: [] } }, { documentChanges });
    return earlier.flatMap((action) => carryCodeAction(action, bridge, document) ?? []);
  }));

  connection.onCompletion(guard(log, 'Completion', [], async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const settings = await reports.markdownSettings(document);
    if (!settings) return [];
    const frontMatter = frontMatterCompletions(document, params.position, settings);
    if (frontMatter) return frontMatter;
    const linted = await reports.recent(document.uri);
    return linted ? reportCompletions(document, params.position, linted) : [];
  }));

  connection.onDocumentSymbol(guard(log, 'Document symbols', [], async (params) => {
    const report = await reportFor(params.textDocument.uri);
    if (!report) return [];
    const symbols = documentSymbols(report.document, report.linted);
    return hierarchicalSymbols ? symbols : flatten(symbols, report.document.uri);
  }));

  connection.onCodeLens(guard(log, 'Code lens', [], async (params) => {
    const report = await reportFor(params.textDocument.uri);
    return report ? actionLenses(report.document, report.linted) : [];
  }));

  // By name: the server's vscode-jsonrpc is not the one the request type was made with.
  connection.onRequest(ReportSummaryRequest.method, guard(log, 'Report summary', null, async (params: ReportSummaryParams): Promise<ReportSummary | null> => {
    const report = await reportFor(typeof params?.uri === 'string' ? params.uri : '');
    return report ? reportSummary(report.linted) : null;
  }));

  connection.onRequest(LintStatisticsRequest.method, () => ({ ...runner.counts }));

  documents.listen(connection);
  connection.listen();
  return { configurationChanged };
}
