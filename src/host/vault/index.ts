import * as vscode from 'vscode';
import { CommandIds, ViewIds } from '../commands/ids';
import { describeError, logErrors } from '../logging';
import type { Services, VaultApi } from '../services';
import { addKeyCommand } from './commands/addKey';
import { guarded, type VaultCommand, type VaultContext } from './commands/common';
import { copyEnvReferenceCommand } from './commands/copyEnvReference';
import { expiryActionsCommand } from './commands/expiryActions';
import { exportEnvCommand } from './commands/exportEnv';
import { importEnvCommand } from './commands/importEnv';
import { inspectVaultCommand } from './commands/inspect';
import { listKeysCommand } from './commands/listKeys';
import { renewKeyCommand } from './commands/renewKey';
import { revealKeyCommand } from './commands/revealKey';
import { revokeKeyCommand } from './commands/revokeKey';
import { rotateKeyCommand } from './commands/rotateKey';
import { setExpiryCommand } from './commands/setExpiry';
import { toggleInjectionCommand } from './commands/toggleInjection';
import { readVaultConfig } from './config';
import { TerminalInjector } from './injection';
import { KeyStore } from './keyStore';
import { UiSlot } from './notifier';
import { ReminderService } from './reminders';
import { RotationService } from './rotation';
import { ExpiryStatusBar } from './statusBar';
import { CountdownTicker } from './ticker';
import { ApiKeysTreeProvider } from './treeView';

/**
 * Builds the key vault (SecretStorage store, API Keys view, expiry status bar, reminders, rotation,
 * terminal injection, commands), sets `services.vault`, and returns one disposable for all of it.
 * Interrupted rotations are recovered and expired grace values purged right away.
 */
export function registerVault(services: Services): vscode.Disposable {
  const { context, log } = services;
  const disposables: vscode.Disposable[] = [];
  const own = <T extends vscode.Disposable>(d: T): T => {
    disposables.push(d);
    return d;
  };
  let clockOffset = 0;
  const clock = () => Date.now() + clockOffset;
  const config = readVaultConfig;
  const uiSlot = new UiSlot();

  const store = own(new KeyStore(context, clock, () => config().defaultTier));
  const ticker = own(new CountdownTicker(store, clock));
  const statusBar = own(new ExpiryStatusBar(clock, () => config().hideWhenNoKeys));
  const tree = own(new ApiKeysTreeProvider(store, clock));
  own(vscode.window.registerTreeDataProvider(ViewIds.apiKeys, tree));
  const reminders = new ReminderService(store, context.globalState, clock, uiSlot, () => config().notifications, log);
  // Keys never reach terminals of an untrusted workspace, whose tasks and scripts could read them.
  const injector = new TerminalInjector(context.environmentVariableCollection, store, () => config().injectIntoTerminals && vscode.workspace.isTrusted);
  const rotation = own(new RotationService(store, clock, config, uiSlot, log));
  const vault: VaultContext = { extension: context, store, rotation, statusBar, tree, ticker, reminders, injector, ui: uiSlot, clock, log, config, clipboardClearMs: 30_000 };

  const redraw = () => {
    statusBar.render(store.all());
    tree.refresh();
  };
  const onKeysChanged = () => {
    redraw();
    ticker.schedule();
    rotation.schedulePurge();
    void vscode.commands.executeCommand('setContext', 'keyguard.hasKeys', store.all().some((k) => k.status !== 'revoked'));
    logErrors(log, 'Updating terminal environment', injector.sync());
    logErrors(log, 'Expiry reminders', reminders.check());
  };
  own(store.onDidChange(onKeysChanged));
  own(ticker.onTick(() => {
    redraw();
    logErrors(log, 'Expiry reminders', reminders.check());
  }));
  own(vscode.workspace.onDidGrantWorkspaceTrust(onKeysChanged));
  own(vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('keyguard.statusBar') || event.affectsConfiguration('keyguard.vault')) onKeysChanged();
  }));

  const commands: [string, VaultCommand][] = [
    [CommandIds.addKey, addKeyCommand(vault)],
    [CommandIds.setExpiry, setExpiryCommand(vault)],
    [CommandIds.rotateKey, rotateKeyCommand(vault)],
    [CommandIds.revokeKey, revokeKeyCommand(vault)],
    [CommandIds.revealKey, revealKeyCommand(vault)],
    [CommandIds.importEnv, importEnvCommand(vault)],
    [CommandIds.exportEnv, exportEnvCommand(vault)],
    [CommandIds.listKeys, listKeysCommand(vault)],
    [CommandIds.copyEnvReference, copyEnvReferenceCommand(vault)],
    [CommandIds.toggleInjection, toggleInjectionCommand(vault)],
    [CommandIds.renewKey, renewKeyCommand(vault)],
    [CommandIds.expiryActions, expiryActionsCommand(vault)],
  ];
  for (const [id, handler] of commands) own(vscode.commands.registerCommand(id, guarded(vault, id, handler)));
  if (context.extensionMode !== vscode.ExtensionMode.Production) {
    own(vscode.commands.registerCommand(CommandIds.vaultInspectForTests, inspectVaultCommand(vault, uiSlot, (ms) => {
      clockOffset = ms;
    })));
  }

  const api: VaultApi = {
    addKey: async (input) => {
      await store.add(input);
    },
    knownKeys: () => store.knownKeys(),
    onDidChange: store.onDidChange,
  };
  services.vault = api;

  // Startup: finish interrupted rotations first, then purge what a closed VS Code could not.
  logErrors(
    log,
    'Vault startup',
    (async () => {
      try {
        await rotation.recoverAll();
      } catch (error) {
        log.error(`Recovering interrupted rotations failed: ${describeError(error)}`);
      }
      await rotation.purgeNow();
      onKeysChanged();
    })(),
  );
  redraw();

  return new vscode.Disposable(() => {
    for (const d of disposables.reverse()) d.dispose();
  });
}
