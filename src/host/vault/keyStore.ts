import * as vscode from 'vscode';
import { fingerprintOf } from '../../engine/fingerprint';
import {
  createKeyMeta,
  endGrace,
  guessProvider,
  isValidKeyName,
  knownKeysOf,
  purgeExpiredGrace,
  revoke,
  sanitizeKeyMeta,
  valueProblem,
} from '../../engine/vault/lifecycle';
import type { NewKeyInput } from '../../engine/vault/lifecycle';
import type { KeyRef, RotationJournal, SecretSlot, VaultPorts } from '../../engine/vault/journal';
import type { Clock, KeyMeta, KeyScope, KeyTier, Millis } from '../../engine/vault/types';
import type { KnownKey } from '../../engine/types';
import { engine } from '../engineLoader';
import { RevisionedEntries, type RevisionedEntry } from './revisionedState';

const META_KEY = 'keyguard.vault.keys';
const JOURNAL_KEY = 'keyguard.vault.journal';
/** Every secret id Keyguard writes starts with this, so `onDidChange` can tell ours apart. */
export const SECRET_PREFIX = 'keyguard.vault:';

/** What `addKey` receives once prompts or arguments are resolved (the provider guess is made here). */
export type AddKeyInput = Omit<NewKeyInput, 'guess'>;

/**
 * The one place that touches `context.secrets`. Values live only there; metadata (fingerprints, masked
 * forms, dates) lives in globalState for global keys and workspaceState for workspace keys; rotation
 * journals next to them. Another window changing one of our secrets fires `onDidChange` here too, so every
 * window's status bar, tree and terminals follow.
 */
export class KeyStore implements VaultPorts, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private changeTimer: NodeJS.Timeout | undefined;
  private readonly entries = new RevisionedEntries();

  /** Fires (debounced) after keys were added, rotated, revoked or changed in another window. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly clock: Clock,
    private readonly defaultTier: () => KeyTier,
  ) {
    this.disposables.push(
      context.secrets.onDidChange((event) => {
        if (event.key.startsWith(SECRET_PREFIX)) this.changed();
      }),
    );
  }

  dispose(): void {
    if (this.changeTimer) clearTimeout(this.changeTimer);
    for (const d of this.disposables) d.dispose();
  }

  /** Announces a change to listeners once per burst of writes. */
  changed(): void {
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.changeEmitter.fire();
    }, 50);
  }

  /** Workspace keys need an open workspace: `storageUri` names it. */
  get hasWorkspace(): boolean {
    return this.context.storageUri !== undefined;
  }

  private memento(scope: KeyScope): vscode.Memento {
    return scope === 'workspace' && this.hasWorkspace ? this.context.workspaceState : this.context.globalState;
  }

  /** Metadata and journals are read and written through revisioned entries (see revisionedState.ts). */
  private entry(scope: KeyScope, key: typeof META_KEY | typeof JOURNAL_KEY): RevisionedEntry {
    return this.entries.entry(this.memento(scope), key);
  }

  private readRecord(scope: KeyScope): Record<string, KeyMeta> {
    const raw = this.entry(scope, META_KEY).read();
    const record: Record<string, KeyMeta> = {};
    if (!raw || typeof raw !== 'object') return record;
    for (const value of Object.values(raw as Record<string, unknown>)) {
      const meta = sanitizeKeyMeta(value);
      if (meta) record[meta.name] = { ...meta, scope };
    }
    return record;
  }

  /** Every key's metadata: this workspace's keys first win over global ones of the same name. */
  all(): KeyMeta[] {
    const merged = { ...this.readRecord('global'), ...(this.hasWorkspace ? this.readRecord('workspace') : {}) };
    return Object.values(merged).sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): KeyMeta | undefined {
    return this.all().find((key) => key.name === name);
  }

  /** Fingerprints of stored keys for the scanner's "your stored key NAME". */
  knownKeys(): KnownKey[] {
    return knownKeysOf(this.all());
  }

  /** The secret id of a slot. Workspace keys are namespaced by a hash of the workspace's storage location. */
  secretId(key: KeyRef, slot: SecretSlot): string {
    const scopeId =
      key.scope === 'workspace' && this.context.storageUri
        ? `ws-${fingerprintOf(this.context.storageUri.toString()).slice(0, 16)}`
        : 'global';
    const suffix = slot.kind === 'grace' ? `grace:${slot.fingerprint}` : slot.kind;
    return `${SECRET_PREFIX}${scopeId}:${key.name}:${suffix}`;
  }

  readSecret(key: KeyRef, slot: SecretSlot): Promise<string | undefined> {
    return Promise.resolve(this.context.secrets.get(this.secretId(key, slot)));
  }

  async writeSecret(key: KeyRef, slot: SecretSlot, value: string): Promise<void> {
    await this.context.secrets.store(this.secretId(key, slot), value);
  }

  async deleteSecret(key: KeyRef, slot: SecretSlot): Promise<void> {
    await this.context.secrets.delete(this.secretId(key, slot));
  }

  readMeta(key: KeyRef): KeyMeta | undefined {
    return this.readRecord(key.scope)[key.name];
  }

  async writeMeta(meta: KeyMeta): Promise<void> {
    const record = this.readRecord(meta.scope);
    record[meta.name] = meta;
    await this.entry(meta.scope, META_KEY).write(record);
    this.changed();
  }

  private async deleteMeta(key: KeyRef): Promise<void> {
    const record = this.readRecord(key.scope);
    delete record[key.name];
    await this.entry(key.scope, META_KEY).write(record);
    this.changed();
  }

  /** The active value of a key (undefined for revoked or unknown keys). */
  async valueOf(name: string): Promise<string | undefined> {
    const meta = this.get(name);
    if (!meta || meta.status === 'revoked') return undefined;
    return this.readSecret(meta, { kind: 'active' });
  }

  /**
   * Stores a value with fresh metadata, replacing any key of that name (in either scope). The value is
   * written before the metadata, so metadata never points at a value that is not there.
   */
  async add(input: AddKeyInput): Promise<KeyMeta> {
    if (!isValidKeyName(input.name)) throw new Error(`"${input.name}" is not a valid environment variable name.`);
    const problem = valueProblem(input.value);
    if (problem) throw new Error(problem);
    if (input.scope === 'workspace' && !this.hasWorkspace) throw new Error('Workspace keys need an open folder or workspace.');
    const existing = this.get(input.name);
    const guess = guessProvider(input.value, (value) => engine().scanText(value, 'keyguard-vault-value.txt').findings);
    const meta = createKeyMeta({ ...input, tier: input.tier ?? existing?.tier ?? this.defaultTier(), guess }, this.clock(), existing);
    await this.writeSecret(meta, { kind: 'active' }, input.value);
    if (existing && existing.scope !== meta.scope) await this.forget(existing);
    else if (existing) for (const v of existing.previous) await this.deleteSecret(existing, { kind: 'grace', fingerprint: v.fingerprint });
    await this.writeMeta(meta);
    return meta;
  }

  /** Deletes a key's values and metadata entirely (a key moving scope, or `revokeKey` with `forget`). */
  async forget(meta: KeyMeta): Promise<void> {
    await this.deleteSecret(meta, { kind: 'active' });
    await this.deleteSecret(meta, { kind: 'staging' });
    for (const v of meta.previous) await this.deleteSecret(meta, { kind: 'grace', fingerprint: v.fingerprint });
    await this.deleteMeta(meta);
  }

  /** Changes metadata that carries no value (expiry, injection, policy). */
  async update(name: string, change: (meta: KeyMeta) => KeyMeta): Promise<KeyMeta> {
    const meta = this.require(name);
    const next = change(meta);
    await this.writeMeta(next);
    return next;
  }

  /**
   * Revokes a key: its value and every grace value are deleted first, then the metadata says revoked
   * (kept so the user sees what happened). Running it again finishes a revoke that was interrupted.
   */
  async revoke(name: string): Promise<KeyMeta> {
    const meta = this.require(name);
    const { meta: revoked, purge } = revoke(meta, this.clock());
    for (const fingerprint of purge) await this.deleteSecret(meta, { kind: 'grace', fingerprint });
    await this.deleteSecret(meta, { kind: 'active' });
    await this.writeMeta(meta.status === 'revoked' ? { ...meta, previous: [] } : revoked);
    return this.require(name);
  }

  /** Ends the grace period of a key's old values now (one, by fingerprint, or all). */
  async endGrace(name: string, fingerprint?: string): Promise<KeyMeta> {
    const meta = this.require(name);
    const { meta: next, purge } = endGrace(meta, fingerprint);
    for (const fp of purge) await this.deleteSecret(meta, { kind: 'grace', fingerprint: fp });
    await this.writeMeta(next);
    return next;
  }

  /** Purges grace values whose period is over; values are deleted before the metadata forgets them. */
  async purgeExpiredGrace(now: Millis): Promise<number> {
    let purged = 0;
    for (const meta of this.all()) {
      const { meta: next, purge } = purgeExpiredGrace(meta, now);
      if (purge.length === 0) continue;
      for (const fingerprint of purge) await this.deleteSecret(meta, { kind: 'grace', fingerprint });
      await this.writeMeta(next);
      purged += purge.length;
    }
    return purged;
  }

  /** The key, or an error naming it. */
  require(name: string): KeyMeta {
    const meta = this.get(name);
    if (!meta) throw new Error(`No stored key named ${name}.`);
    return meta;
  }

  private readJournals(scope: KeyScope): Record<string, RotationJournal> {
    const raw = this.entry(scope, JOURNAL_KEY).read();
    return raw && typeof raw === 'object' ? { ...(raw as Record<string, RotationJournal>) } : {};
  }

  /** Rotation journals left by interrupted rotations (normally none). */
  journals(): RotationJournal[] {
    const scopes: KeyScope[] = this.hasWorkspace ? ['global', 'workspace'] : ['global'];
    return scopes.flatMap((scope) =>
      Object.values(this.readJournals(scope)).filter((j) => j && typeof j.name === 'string' && typeof j.oldFingerprint === 'string'),
    );
  }

  async writeJournal(key: KeyRef, journal: RotationJournal | undefined): Promise<void> {
    const journals = this.readJournals(key.scope);
    if (journal) journals[key.name] = journal;
    else delete journals[key.name];
    await this.entry(key.scope, JOURNAL_KEY).write(journals);
  }
}
