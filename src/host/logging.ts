import type * as vscode from 'vscode';
import type { Logger } from '../engine/types';

/**
 * Describes an error for the log. Only the message and stack are used: errors raised by Keyguard never
 * carry secret values, and the message of a foreign error is the best clue we have.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Runs a background promise so that a failure is logged instead of disappearing:
 * every deliberately unawaited promise in the extension goes through here.
 */
export function logErrors(log: vscode.LogOutputChannel, what: string, work: PromiseLike<unknown>): void {
  Promise.resolve(work).then(undefined, (error: unknown) => log.error(`${what} failed: ${describeError(error)}`));
}

/** Binds the engine's Logger interface to the extension's LogOutputChannel. */
export function engineLogger(log: vscode.LogOutputChannel): Logger {
  return {
    debug: (message) => log.debug(message),
    info: (message) => log.info(message),
    warn: (message) => log.warn(message),
    error: (message) => log.error(message),
  };
}
