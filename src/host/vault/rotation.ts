import * as vscode from 'vscode';
import { expiryAfterRotation } from '../../engine/vault/expiry';
import { nextGraceEnd } from '../../engine/vault/lifecycle';
import { recoverRotation, runRotation, RotationError, SimulatedCrash, type CrashPoint, type RecoveryPlan, type RotationJournal } from '../../engine/vault/journal';
import type { Clock, KeyMeta } from '../../engine/vault/types';
import { describeError } from '../logging';
import { nodeCrypto } from '../nodeBuiltins';
import type { RotationProviderKind, VaultConfig } from './config';
import { updateManagedEnvFiles } from './envFiles';
import type { KeyStore } from './keyStore';
import type { VaultUi } from './notifier';
import { providerFor, type KeyProvider } from './providers';

/** Longest a purge timer waits before checking again. */
const MAX_PURGE_WAIT = 60 * 60 * 1000;

/** How one rotation is asked for. */
export interface RotateRequest {
  name: string;
  /** The new value, given directly (manual rotation without a prompt). */
  newValue?: string;
  /** Overrides `keyguard.rotation.provider`. */
  provider?: RotationProviderKind;
}

/**
 * Rotation with a grace period: obtains the new value from a provider, runs the journaled rotation, then
 * updates managed `.env` files. Also recovers interrupted rotations at activation and purges old values
 * when their grace period ends (timer, and at startup).
 */
export class RotationService implements vscode.Disposable {
  private purgeTimer: NodeJS.Timeout | undefined;
  /** Test hook: the next rotation dies at this point, as if VS Code had been killed there. */
  crashAt: CrashPoint | undefined;

  constructor(
    private readonly store: KeyStore,
    private readonly clock: Clock,
    private readonly config: () => VaultConfig,
    private readonly ui: VaultUi,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Rotates a key; resolves to its new metadata. */
  async rotate(request: RotateRequest): Promise<KeyMeta> {
    const meta = this.store.require(request.name);
    const config = this.config();
    const provider: KeyProvider =
      request.newValue !== undefined
        ? async () => ({ value: request.newValue as string })
        : providerFor(request.provider ?? config.rotation.provider, config.rotation, {
            clock: this.clock,
            cwd: vscode.workspace.workspaceFolders?.[0]?.uri.scheme === 'file' ? vscode.workspace.workspaceFolders[0].uri.fsPath : undefined,
            onSkew: (skew, message) => {
              this.log.warn(`Rotation server clock skew ${skew.skew} ms.`);
              void this.ui.notify('warning', `Keyguard: ${message}`);
            },
          });
    const crashAt = this.crashAt;
    this.crashAt = undefined;
    const now = this.clock();
    this.log.info(`Rotating key ${meta.name} (${meta.masked}).`);
    try {
      const rotated = await runRotation(this.store, meta, (current) => provider(meta.name, current), {
        now,
        graceHours: config.rotation.graceHours,
        id: nodeCrypto().randomUUID(),
        expiryOf: (obtained) =>
          expiryAfterRotation({
            providerExpiresAt: obtained.expiresAt,
            newValue: obtained.value,
            previousIssuedAt: meta.lastRotatedAt ?? meta.createdAt,
            previousExpiresAt: meta.expiresAt,
            now,
          }),
        crashHook: (point) => {
          if (point === crashAt) throw new SimulatedCrash(point);
        },
      });
      this.log.info(`Rotated key ${rotated.name}: now ${rotated.masked}; old value in grace for ${config.rotation.graceHours} h.`);
      this.store.changed();
      const files = await updateManagedEnvFiles(this.store, rotated.name);
      if (files.length) this.log.info(`Updated ${rotated.name} in ${files.map((f) => vscode.workspace.asRelativePath(f)).join(', ')}.`);
      this.schedulePurge();
      return rotated;
    } catch (error) {
      if (error instanceof SimulatedCrash) {
        this.log.warn(`Rotation of ${meta.name} stopped by a simulated crash at ${error.point}.`);
        throw error;
      }
      if (!(error instanceof RotationError)) {
        // A store failed mid-way: finish or undo now rather than waiting for the next activation.
        await this.recoverAll().catch((e: unknown) => this.log.error(`Recovery after failed rotation: ${describeError(e)}`));
      }
      throw error;
    }
  }

  /** Finishes or undoes every interrupted rotation. Called at activation. */
  async recoverAll(): Promise<{ journal: RotationJournal; plan: RecoveryPlan }[]> {
    const results: { journal: RotationJournal; plan: RecoveryPlan }[] = [];
    for (const journal of this.store.journals()) {
      const plan = await recoverRotation(this.store, journal);
      this.log.warn(`Recovered an interrupted rotation of ${journal.name} (stopped at "${journal.step}"): ${plan.outcome === 'resume' ? 'finished it' : 'kept the old key'}.`);
      results.push({ journal, plan });
    }
    if (results.length) {
      this.store.changed();
      for (const { journal, plan } of results) {
        if (plan.outcome === 'resume') await updateManagedEnvFiles(this.store, journal.name);
      }
    }
    return results;
  }

  /** Purges old values whose grace period is over, then waits for the next one to end. */
  async purgeNow(): Promise<number> {
    const purged = await this.store.purgeExpiredGrace(this.clock());
    if (purged) this.log.info(`Purged ${purged} old key value${purged > 1 ? 's' : ''} at the end of their grace period.`);
    this.schedulePurge();
    return purged;
  }

  /** Arms the purge timer for the earliest end of a grace period. */
  schedulePurge(): void {
    if (this.purgeTimer) clearTimeout(this.purgeTimer);
    this.purgeTimer = undefined;
    const end = nextGraceEnd(this.store.all());
    if (end === undefined) return;
    const wait = Math.min(MAX_PURGE_WAIT, Math.max(1000, end - this.clock()));
    this.purgeTimer = setTimeout(() => {
      this.purgeTimer = undefined;
      this.purgeNow().catch((e: unknown) => this.log.error(`Purging grace values failed: ${describeError(e)}`));
    }, wait);
  }

  dispose(): void {
    if (this.purgeTimer) clearTimeout(this.purgeTimer);
  }
}
