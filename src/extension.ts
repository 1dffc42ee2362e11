import * as vscode from 'vscode';
import type { Services } from './host/services';
import { registerFindingsSurfaces } from './host/findings';
import { registerVault } from './host/vault';
import { registerQuickFixes } from './host/quickfix';

/** Wires Keyguard's services into VS Code. No logic lives here. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Keyguard', { log: true });
  context.subscriptions.push(log);
  const services: Services = { context, log };
  context.subscriptions.push(registerVault(services));
  context.subscriptions.push((services.findings = registerFindingsSurfaces(services)));
  context.subscriptions.push(registerQuickFixes(services));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
