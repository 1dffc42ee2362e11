import * as vscode from 'vscode';
import { CommandIds } from '../commands/ids';
import { countdownText } from '../../engine/vault/countdown';
import { dueReminders, reminderMessage, type Reminder, type ReminderState } from '../../engine/vault/reminders';
import type { Clock } from '../../engine/vault/types';
import type { KeyStore } from './keyStore';
import type { NoticeLevel, VaultUi } from './notifier';
import { RevisionedEntry } from './revisionedState';

const STATE_KEY = 'keyguard.vault.reminders';

const LEVEL: Record<Reminder['kind'], NoticeLevel> = {
  'expires-7d': 'warning',
  'expires-24h': 'error',
  expired: 'error',
  'rotation-due': 'warning',
};

/**
 * Shows each key's expiry reminders once per threshold (7 days, 24 hours, expired) and once when its
 * rotation policy comes due, with a Rotate button. What was shown is kept in globalState, so a reload or a
 * second window does not repeat it.
 */
export class ReminderService {
  private readonly shown: RevisionedEntry;

  constructor(
    private readonly store: KeyStore,
    memento: vscode.Memento,
    private readonly clock: Clock,
    private readonly ui: VaultUi,
    private readonly enabled: () => boolean,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.shown = new RevisionedEntry(memento, STATE_KEY);
  }

  /** Shows what is due now; returns the reminders shown. */
  async check(): Promise<Reminder[]> {
    const now = this.clock();
    const previous = (this.shown.read() as ReminderState | undefined) ?? {};
    const { reminders, state } = dueReminders(this.store.all(), previous, now);
    // Saved before showing, so an error while showing never makes the same reminder fire twice.
    await this.shown.write(state);
    if (!this.enabled()) return [];
    for (const reminder of reminders) {
      const key = this.store.get(reminder.name);
      const countdown = key?.expiresAt === undefined ? '' : countdownText(key.expiresAt, now);
      this.log.info(`Reminder ${reminder.kind} for key ${reminder.name}.`);
      void this.ui
        .notify(LEVEL[reminder.kind], reminderMessage(reminder, countdown), 'Rotate', 'Renew')
        .then((picked) => {
          if (picked === 'Rotate') return vscode.commands.executeCommand(CommandIds.rotateKey, { name: reminder.name, interactive: true });
          if (picked === 'Renew') return vscode.commands.executeCommand(CommandIds.renewKey, { name: reminder.name, interactive: true });
          return undefined;
        })
        .then(undefined, (error: unknown) => this.log.error(`Reminder action failed: ${error instanceof Error ? error.message : String(error)}`));
    }
    return reminders;
  }
}
