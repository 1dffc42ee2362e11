import * as vscode from 'vscode';

/** Severity of a vault notification. */
export type NoticeLevel = 'info' | 'warning' | 'error';

/**
 * How the vault talks to the user outside of prompts. Injectable so integration tests can count
 * notifications (toasts are not readable from tests) and answer confirmations.
 */
export interface VaultUi {
  /** Shows a notification with buttons; resolves to the button picked, if any. */
  notify(level: NoticeLevel, message: string, ...actions: string[]): Thenable<string | undefined>;
  /** Modal yes/no question; resolves true only when `action` was picked. */
  confirm(message: string, detail: string, action: string): Thenable<boolean>;
}

/** The real UI: VS Code notifications and modal dialogs. */
export const vscodeUi: VaultUi = {
  notify(level, message, ...actions) {
    if (level === 'error') return vscode.window.showErrorMessage(message, ...actions);
    if (level === 'warning') return vscode.window.showWarningMessage(message, ...actions);
    return vscode.window.showInformationMessage(message, ...actions);
  },
  async confirm(message, detail, action) {
    const picked = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
    return picked === action;
  },
};

/** A notification as recorded by a test UI. */
export interface RecordedNotice {
  level: NoticeLevel;
  message: string;
  actions: string[];
}

/** A UI that records notifications and answers confirmations with a fixed reply. For tests. */
export class RecordingUi implements VaultUi {
  readonly notices: RecordedNotice[] = [];
  constructor(public confirmAnswer = true) {}
  notify(level: NoticeLevel, message: string, ...actions: string[]): Thenable<string | undefined> {
    this.notices.push({ level, message, actions });
    return Promise.resolve(undefined);
  }
  confirm(): Thenable<boolean> {
    return Promise.resolve(this.confirmAnswer);
  }
}

/**
 * Holder of the current UI, so surfaces created at activation see a test's replacement without being
 * rebuilt.
 */
export class UiSlot implements VaultUi {
  current: VaultUi = vscodeUi;
  notify(level: NoticeLevel, message: string, ...actions: string[]): Thenable<string | undefined> {
    return this.current.notify(level, message, ...actions);
  }
  confirm(message: string, detail: string, action: string): Thenable<boolean> {
    return this.current.confirm(message, detail, action);
  }
}
