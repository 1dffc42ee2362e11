import * as vscode from 'vscode';
import { countdownText, expiryPhrase, urgencyOf } from '../../engine/vault/countdown';
import type { Clock, KeyMeta } from '../../engine/vault/types';
import type { KeyStore } from './keyStore';

/** A row of the API Keys view: a key, or one of its old values still in grace. Carries no value. */
export type VaultNode = { kind: 'key'; name: string } | { kind: 'grace'; name: string; fingerprint: string };

/** What a row shows, for tests. */
export interface RenderedNode {
  label: string;
  description: string;
  contextValue: string;
  icon: string;
  tooltip: string;
  children: RenderedNode[];
}

/**
 * The API Keys view: each key with a status icon, masked value, tier and countdown; old values in grace as
 * children. `contextValue` (`keyguardKey.active.injected`, `keyguardKey.revoked`, `keyguardGrace`) drives
 * the context menu declared in package.json.
 */
export class ApiKeysTreeProvider implements vscode.TreeDataProvider<VaultNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<VaultNode | undefined | void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(private readonly store: KeyStore, private readonly clock: Clock) {}

  refresh(): void {
    this.changeEmitter.fire();
  }

  getChildren(element?: VaultNode): VaultNode[] {
    if (!element) return this.store.all().map((key) => ({ kind: 'key', name: key.name }));
    if (element.kind === 'grace') return [];
    const key = this.store.get(element.name);
    return key ? key.previous.map((v) => ({ kind: 'grace', name: key.name, fingerprint: v.fingerprint })) : [];
  }

  getTreeItem(element: VaultNode): vscode.TreeItem {
    const key = this.store.get(element.name);
    if (!key) return new vscode.TreeItem(element.name);
    return element.kind === 'key' ? this.keyItem(key) : this.graceItem(key, element.fingerprint);
  }

  private keyItem(key: KeyMeta): vscode.TreeItem {
    const now = this.clock();
    const item = new vscode.TreeItem(key.name, key.previous.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = `key:${key.scope}:${key.name}`;
    const state = key.status === 'revoked' ? 'revoked' : expiryPhrase(key.expiresAt, now);
    // The countdown first: a narrow side bar truncates the end of the description.
    item.description = `${state} · ${key.tier} · ${key.masked}`;
    item.iconPath = iconFor(key, now);
    const injected = key.status === 'active' && key.inject ? '.injected' : '';
    item.contextValue = `keyguardKey.${key.status}${injected}`;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${key.name}** (${key.scope === 'workspace' ? 'this workspace' : 'all workspaces'})\n\n`);
    md.appendMarkdown(`- Value: \`${key.masked}\`\n- Provider: ${key.provider ?? 'unknown'}\n- Tier: ${key.tier}\n- Status: ${key.status}\n`);
    md.appendMarkdown(`- Expiry: ${key.expiresAt === undefined ? 'none' : `${new Date(key.expiresAt).toISOString()} (${state})`}\n`);
    if (key.rotateEveryDays) md.appendMarkdown(`- Rotation policy: every ${key.rotateEveryDays} days\n`);
    md.appendMarkdown(`- Terminal injection: ${key.inject ? 'on' : 'off'}\n`);
    item.tooltip = md;
    return item;
  }

  private graceItem(key: KeyMeta, fingerprint: string): vscode.TreeItem {
    const version = key.previous.find((v) => v.fingerprint === fingerprint);
    const item = new vscode.TreeItem('previous value');
    item.id = `grace:${key.scope}:${key.name}:${fingerprint}`;
    const now = this.clock();
    item.description = version ? `grace, ${countdownText(version.graceUntil, now)} left · ${version.masked}` : 'grace';
    item.iconPath = new vscode.ThemeIcon('history');
    item.contextValue = 'keyguardGrace';
    item.tooltip = 'Old value kept working until its grace period ends; revoke it to end the grace period now.';
    return item;
  }

  /** The rows as a user sees them, for tests. */
  render(): RenderedNode[] {
    const renderNode = (node: VaultNode): RenderedNode => {
      const item = this.getTreeItem(node);
      return {
        label: typeof item.label === 'string' ? item.label : item.label?.label ?? '',
        description: typeof item.description === 'string' ? item.description : '',
        contextValue: item.contextValue ?? '',
        icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : '',
        tooltip: item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? ''),
        children: this.getChildren(node).map(renderNode),
      };
    };
    return this.getChildren().map(renderNode);
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

function iconFor(key: KeyMeta, now: number): vscode.ThemeIcon {
  if (key.status === 'revoked') return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
  switch (urgencyOf(key.expiresAt, now)) {
    case 'expired':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    case 'error':
      return new vscode.ThemeIcon('flame', new vscode.ThemeColor('errorForeground'));
    case 'warning':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('editorWarning.foreground'));
    default:
      return new vscode.ThemeIcon('key', new vscode.ThemeColor('testing.iconPassed'));
  }
}
