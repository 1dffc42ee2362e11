import * as vscode from 'vscode';
import { liveKeys, nextRefreshDelay } from '../../engine/vault/countdown';
import { nextReminderAt } from '../../engine/vault/reminders';
import type { Clock } from '../../engine/vault/types';
import type { KeyStore } from './keyStore';

/** Timers cannot wait longer than this (setTimeout's 32-bit limit); we wake hourly at most anyway. */
const MAX_DELAY = 60 * 60 * 1000;

/**
 * One timer for everything that ages with the clock (status bar, tree countdowns, reminders). It wakes
 * when the nearest countdown text would change or a threshold is crossed: minutes when far, seconds in
 * the last hour, never while nothing has an expiry.
 */
export class CountdownTicker implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private readonly tickEmitter = new vscode.EventEmitter<void>();
  /** Fires when countdowns should be redrawn. */
  readonly onTick = this.tickEmitter.event;
  /** The delay chosen last time, for tests and the log. */
  lastDelay: number | undefined;

  constructor(private readonly store: KeyStore, private readonly clock: Clock) {}

  /** Recomputes the next wake-up; call after any change of keys. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const now = this.clock();
    const keys = liveKeys(this.store.all());
    let delay: number | undefined;
    for (const key of keys) {
      if (key.expiresAt === undefined) continue;
      const d = nextRefreshDelay(key.expiresAt, now);
      delay = delay === undefined ? d : Math.min(delay, d);
    }
    const reminderAt = nextReminderAt(keys, now);
    if (reminderAt !== undefined) delay = Math.min(delay ?? MAX_DELAY, Math.max(1000, reminderAt - now));
    this.lastDelay = delay;
    if (delay === undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.tickEmitter.fire();
      this.schedule();
    }, Math.min(MAX_DELAY, delay));
  }

  /** Fires a tick now (after the clock was changed by a test, or a key changed). */
  tickNow(): void {
    this.tickEmitter.fire();
    this.schedule();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.tickEmitter.dispose();
  }
}
