import type * as vscode from 'vscode';
import type { KnownKey } from '../engine/types';
import type { FindingsApi } from './findings';

/**
 * What the vault (src/host/vault) offers to the rest of the extension.
 * Quick fixes store values through it; diagnostics ask it which fingerprints are stored keys.
 */
export interface VaultApi {
  /** Stores a value in SecretStorage with metadata; creates or replaces the key `name`. */
  addKey(input: {
    name: string;
    value: string;
    expiresAt?: number;
    tier?: 'read-only' | 'developer' | 'admin';
    rotateEveryDays?: number;
    scope?: 'global' | 'workspace';
    inject?: boolean;
  }): Promise<void>;
  /** Fingerprints (never values) of stored keys, for "your stored key NAME" diagnostics. */
  knownKeys(): KnownKey[];
  /** Fires when keys are added, rotated, revoked or changed in another window. */
  readonly onDidChange: vscode.Event<void>;
}

/** Shared services built once in `activate` and handed to each surface's register function. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  /** Set by the vault module when it registers; quick fixes and diagnostics read it lazily. */
  vault?: VaultApi;
  /** Set by the findings surfaces (src/host/findings): current findings per document, for quick fixes. */
  findings?: FindingsApi;
}
