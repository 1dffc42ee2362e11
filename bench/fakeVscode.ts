/**
 * A minimal stand-in for the `vscode` module, good enough to load the bundled extension and run
 * `activate()` outside VS Code for a timing figure. Every API touched is recorded by its dotted path.
 * Known APIs return inert values (disposables, empty lists, configuration defaults); anything else is a
 * recording proxy, so new calls in extension.ts never break the measurement.
 */
export interface FakeVscode {
  module: unknown;
  calls: string[];
  context: Record<string, unknown>;
}

const disposable = () => ({ dispose: () => undefined });
const event = () => () => disposable();

class FakeEventEmitter {
  event = event();
  fire(): void {}
  dispose(): void {}
}

class FakeDisposable {
  constructor(private readonly callback: () => void = () => undefined) {}
  static from(...items: Array<{ dispose(): unknown }>) {
    return new FakeDisposable(() => items.forEach((item) => item.dispose()));
  }
  dispose(): void {
    this.callback();
  }
}

/** Recording proxies, so that namespaces hand them out as they are instead of wrapping them. */
const recorders = new WeakSet<object>();

/** A value that accepts any property access, call or `new`, recording the path it was reached by. */
function recorder(name: string, calls: string[]): any {
  const target = function () {} as unknown as object;
  const proxy = new Proxy(target, {
    get(_t, prop) {
      if (prop === 'then' || typeof prop === 'symbol') return undefined;
      if (prop === 'dispose') return () => undefined;
      return recorder(`${name}.${String(prop)}`, calls);
    },
    apply() {
      calls.push(name);
      return recorder(`${name}()`, calls);
    },
    construct() {
      calls.push(`new ${name}`);
      return recorder(`${name}#`, calls);
    },
  });
  recorders.add(proxy);
  return proxy;
}

/** Plain functions are wrapped to record calls; classes and recorders are handed out untouched. */
function isPlainFunction(value: unknown): value is (...args: unknown[]) => unknown {
  return typeof value === 'function' && !recorders.has(value) && !Function.prototype.toString.call(value).startsWith('class');
}

/** A namespace object with explicit members and a recording fallback for the rest. */
function namespace(name: string, members: Record<string, unknown>, calls: string[]): any {
  return new Proxy(members, {
    get(target, prop) {
      if (typeof prop === 'symbol') return undefined;
      if (prop in target) {
        const value = target[prop];
        if (isPlainFunction(value)) {
          return (...args: unknown[]) => {
            calls.push(`${name}.${prop}`);
            return value(...args);
          };
        }
        return value;
      }
      return recorder(`${name}.${prop}`, calls);
    },
  });
}

function memento(): Record<string, unknown> {
  const store = new Map<string, unknown>();
  return {
    get: (key: string, fallback?: unknown) => (store.has(key) ? store.get(key) : fallback),
    update: async (key: string, value: unknown) => void store.set(key, value),
    keys: () => [...store.keys()],
    setKeysForSync: () => undefined,
  };
}

/** Classes and namespaces that are recorded rather than modelled (constructible, callable, any member). */
const RECORDED_NAMES = [
  'CodeActionKind', 'CodeAction', 'CodeActionTriggerKind', 'Diagnostic', 'DiagnosticTag', 'DiagnosticRelatedInformation',
  'Range', 'Position', 'Selection', 'Location', 'Uri', 'ThemeColor', 'ThemeIcon', 'TreeItem', 'MarkdownString', 'Hover',
  'WorkspaceEdit', 'TextEdit', 'SnippetString', 'RelativePattern', 'CancellationTokenSource', 'CancellationError',
  'FileType', 'EndOfLine', 'LogLevel', 'l10n', 'extensions', 'authentication', 'tasks', 'debug', 'scm', 'tests',
  'version', 'FileSystemError', 'DocumentLink', 'CodeLens', 'Command', 'QuickPickItemKind', 'ViewColumn', 'UIKind',
  'ColorThemeKind', 'TextEditorRevealType', 'OverviewRulerLane', 'DecorationRangeBehavior', 'SecretStorage',
];

/** Builds the fake module and an ExtensionContext-like object. */
export function createFakeVscode(extensionPath: string): FakeVscode {
  const calls: string[] = [];
  const configuration = {
    get: (_key: string, fallback?: unknown) => fallback,
    has: () => false,
    inspect: () => undefined,
    update: async () => undefined,
  };
  const outputChannel = () => namespace('OutputChannel', {
    append: () => undefined, appendLine: () => undefined, show: () => undefined, clear: () => undefined,
    trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined,
    dispose: () => undefined, onDidChangeLogLevel: event(), logLevel: 2, name: 'Keyguard',
  }, calls);
  const statusBarItem = () => namespace('StatusBarItem', { show: () => undefined, hide: () => undefined, dispose: () => undefined }, calls);
  const vscodeModule = {
    window: namespace('window', {
      createOutputChannel: outputChannel,
      createStatusBarItem: statusBarItem,
      createTreeView: () => namespace('TreeView', { dispose: () => undefined, onDidChangeVisibility: event() }, calls),
      registerTreeDataProvider: disposable,
      registerWebviewViewProvider: disposable,
      onDidChangeActiveTextEditor: event(),
      onDidChangeVisibleTextEditors: event(),
      onDidChangeWindowState: event(),
      activeTextEditor: undefined,
      visibleTextEditors: [],
      state: { focused: true },
    }, calls),
    workspace: namespace('workspace', {
      getConfiguration: () => configuration,
      onDidChangeConfiguration: event(),
      onDidOpenTextDocument: event(),
      onDidChangeTextDocument: event(),
      onDidCloseTextDocument: event(),
      onDidSaveTextDocument: event(),
      onDidGrantWorkspaceTrust: event(),
      onDidChangeWorkspaceFolders: event(),
      createFileSystemWatcher: () => namespace('FileSystemWatcher', {
        onDidCreate: event(), onDidChange: event(), onDidDelete: event(), dispose: () => undefined,
      }, calls),
      registerTextDocumentContentProvider: disposable,
      textDocuments: [],
      workspaceFolders: undefined,
      isTrusted: true,
    }, calls),
    languages: namespace('languages', {
      createDiagnosticCollection: () => namespace('DiagnosticCollection', {
        set: () => undefined, delete: () => undefined, clear: () => undefined, dispose: () => undefined, forEach: () => undefined,
      }, calls),
      registerCodeActionsProvider: disposable,
      registerHoverProvider: disposable,
      registerCodeLensProvider: disposable,
    }, calls),
    commands: namespace('commands', {
      registerCommand: disposable,
      registerTextEditorCommand: disposable,
      executeCommand: async () => undefined,
    }, calls),
    env: namespace('env', { language: 'en', machineId: 'bench', uiKind: 1, appName: 'bench' }, calls),
    EventEmitter: FakeEventEmitter,
    Disposable: FakeDisposable,
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    ExtensionMode: { Production: 1, Development: 2, Test: 3 },
    // Bundlers copy the module's own keys once (esbuild's __toESM), so every name used must exist here.
    ...Object.fromEntries(RECORDED_NAMES.map((name) => [name, recorder(name, calls)])),
  };
  const moduleProxy = namespace('vscode', vscodeModule, calls);
  const context: Record<string, unknown> = {
    subscriptions: [] as Array<{ dispose(): unknown }>,
    extensionPath,
    extensionUri: { fsPath: extensionPath, path: extensionPath, scheme: 'file' },
    asAbsolutePath: (relative: string) => `${extensionPath}/${relative}`,
    globalState: memento(),
    workspaceState: memento(),
    secrets: {
      get: async () => undefined,
      store: async () => undefined,
      delete: async () => undefined,
      onDidChange: event(),
    },
    storageUri: undefined,
    globalStorageUri: { fsPath: '/tmp/keyguard-bench-storage', path: '/tmp/keyguard-bench-storage', scheme: 'file' },
    logUri: { fsPath: '/tmp/keyguard-bench-log', path: '/tmp/keyguard-bench-log', scheme: 'file' },
    extensionMode: 1,
    environmentVariableCollection: recorder('context.environmentVariableCollection', calls),
  };
  return { module: moduleProxy, calls, context };
}
