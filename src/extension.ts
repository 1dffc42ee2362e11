import * as vscode from 'vscode';
import type { Services } from './host/services';

/** Wires Keyguard's services into VS Code. No logic lives here. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Keyguard', { log: true });
  context.subscriptions.push(log);
  const services: Services = { context, log };
  void services;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
