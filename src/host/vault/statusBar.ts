import * as vscode from 'vscode';
import { CommandIds } from '../commands/ids';
import { countdownText, expiryPhrase, liveKeys, nearestExpiring, urgencyOf, type Urgency } from '../../engine/vault/countdown';
import type { Clock, KeyMeta } from '../../engine/vault/types';

/** What the item shows, readable by tests without touching VS Code's UI. */
export interface StatusBarSnapshot {
  visible: boolean;
  text: string;
  tooltip: string;
  /** ThemeColor id of the background, or undefined for the default. */
  background: string | undefined;
  urgency: Urgency | 'empty';
  /** Name of the key the item counts down for. */
  keyName: string | undefined;
}

const BACKGROUND: Partial<Record<Urgency, string>> = {
  warning: 'statusBarItem.warningBackground',
  error: 'statusBarItem.errorBackground',
  expired: 'statusBarItem.errorBackground',
};

const STATE_ICON: Record<Urgency, string> = {
  none: '$(key)',
  normal: '$(pass)',
  warning: '$(warning)',
  error: '$(error)',
  expired: '$(error)',
};

/**
 * The expiry item (id `keyguard.expiry`, name "Keyguard Key Expiry"): the nearest expiry as
 * `$(key) NAME 6d 23h`, warning background under 7 days, error background under 24 hours and once expired,
 * a Markdown tooltip listing every key, a click that opens the rotate / renew / revoke quick pick.
 */
export class ExpiryStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private snapshotValue: StatusBarSnapshot = { visible: false, text: '', tooltip: '', background: undefined, urgency: 'empty', keyName: undefined };

  constructor(private readonly clock: Clock, private readonly hideWhenNoKeys: () => boolean) {
    this.item = vscode.window.createStatusBarItem('keyguard.expiry', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'Keyguard Key Expiry';
  }

  /** Redraws from the keys' metadata at the clock's current time. */
  render(keys: readonly KeyMeta[]): void {
    const now = this.clock();
    const live = liveKeys(keys);
    const nearest = nearestExpiring(live);
    let text: string;
    let urgency: Urgency | 'empty';
    if (live.length === 0) {
      text = '$(key) No keys';
      urgency = 'empty';
    } else if (nearest && nearest.expiresAt !== undefined) {
      text = `$(key) ${nearest.name} ${countdownText(nearest.expiresAt, now)}`;
      urgency = urgencyOf(nearest.expiresAt, now);
    } else {
      text = `$(key) ${live.length} ${live.length === 1 ? 'key' : 'keys'}`;
      urgency = 'none';
    }
    const background = urgency === 'empty' ? undefined : BACKGROUND[urgency];
    const tooltip = this.tooltipFor(keys, now);
    this.item.text = text;
    this.item.backgroundColor = background ? new vscode.ThemeColor(background) : undefined;
    this.item.tooltip = tooltip;
    this.item.command = live.length > 0
      ? { title: 'Key actions', command: CommandIds.expiryActions, arguments: nearest ? [{ name: nearest.name }] : [] }
      : { title: 'Add Key', command: CommandIds.addKey };
    const visible = !(live.length === 0 && this.hideWhenNoKeys());
    if (visible) this.item.show();
    else this.item.hide();
    this.snapshotValue = { visible, text, tooltip: tooltip.value, background, urgency, keyName: nearest?.name };
  }

  private tooltipFor(keys: readonly KeyMeta[], now: number): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = false;
    md.appendMarkdown('**Keyguard keys**\n\n');
    if (keys.length === 0) {
      md.appendMarkdown('No keys stored. Run **Keyguard: Add Key** to store one.');
      return md;
    }
    md.appendMarkdown('| | Key | Tier | State |\n|---|---|---|---|\n');
    for (const key of keys) {
      const urgency = key.status === 'revoked' ? 'none' : urgencyOf(key.expiresAt, now);
      const state = key.status === 'revoked' ? 'revoked' : expiryPhrase(key.expiresAt, now);
      const grace = key.previous.length > 0 ? `, ${key.previous.length} old value${key.previous.length > 1 ? 's' : ''} in grace` : '';
      const icon = key.status === 'revoked' ? '$(circle-slash)' : STATE_ICON[urgency];
      md.appendMarkdown(`| ${icon} | \`${key.name}\` | ${key.tier} | ${state}${grace} |\n`);
    }
    md.appendMarkdown('\nClick to rotate, renew or revoke the nearest key.');
    return md;
  }

  /** What the item currently shows. */
  snapshot(): StatusBarSnapshot {
    return { ...this.snapshotValue };
  }

  dispose(): void {
    this.item.dispose();
  }
}
