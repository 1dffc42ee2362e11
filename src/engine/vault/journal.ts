import { fingerprintOf } from '../fingerprint';
import { maskSecret } from '../mask';
import { HOUR } from './countdown';
import type { GraceVersion, KeyMeta, KeyScope, Millis } from './types';

/**
 * Rotation as a journaled state machine. Each step is written to the journal *before* it happens, and the
 * value stores are laid out so every step only adds or overwrites with a copy that already exists elsewhere:
 *
 *   obtain  - ask the provider for a new value (nothing stored yet)
 *   stage   - store the new value under the key's staging slot
 *   grace   - copy the old value into a grace slot named by its fingerprint
 *   promote - overwrite the active slot with the new value
 *   commit  - write the metadata (new fingerprint, old value listed in grace)
 *   cleanup - delete the staging slot
 *
 * after which the journal is cleared. At activation {@link recoverRotation} looks at the journal and the
 * stores and resumes (new value safely staged or promoted) or rolls back (it never was), so a crash at any
 * point loses neither the old nor the new key.
 */
export type RotationStep = 'obtain' | 'stage' | 'grace' | 'promote' | 'commit' | 'cleanup';

export const ROTATION_STEPS: readonly RotationStep[] = ['obtain', 'stage', 'grace', 'promote', 'commit', 'cleanup'];

/** Where a crash can be simulated: right after a step is journaled, or right after it is done. */
export type CrashPoint = `journaled:${RotationStep}` | `done:${RotationStep}`;

/** Every crash point in the order a rotation passes them. */
export const CRASH_POINTS: readonly CrashPoint[] = ROTATION_STEPS.flatMap((step) => [
  `journaled:${step}` as CrashPoint,
  `done:${step}` as CrashPoint,
]);

/** The journal of one rotation in progress. Holds fingerprints and masked forms, never values. */
export interface RotationJournal {
  id: string;
  name: string;
  scope: KeyScope;
  /** The step about to happen (or happening) when the journal was last written. */
  step: RotationStep;
  startedAt: Millis;
  oldFingerprint: string;
  oldMasked: string;
  oldLength?: number;
  graceUntil: Millis;
  newFingerprint?: string;
  newMasked?: string;
  newLength?: number;
  newExpiresAt?: Millis;
}

/** A value slot of one key: the active value, the staged new value, or an old value in grace. */
export type SecretSlot = { kind: 'active' } | { kind: 'staging' } | { kind: 'grace'; fingerprint: string };

/** Identity of a key in the stores. */
export interface KeyRef {
  name: string;
  scope: KeyScope;
}

/**
 * What rotation needs from the host: value slots (SecretStorage there, maps in tests), metadata and the
 * journal (extension storage there). Every method may throw; the journal makes that safe.
 */
export interface VaultPorts {
  readSecret(key: KeyRef, slot: SecretSlot): Promise<string | undefined>;
  writeSecret(key: KeyRef, slot: SecretSlot, value: string): Promise<void>;
  deleteSecret(key: KeyRef, slot: SecretSlot): Promise<void>;
  readMeta(key: KeyRef): KeyMeta | undefined;
  writeMeta(meta: KeyMeta): Promise<void>;
  /** Writes (or with undefined, clears) the journal of one key. */
  writeJournal(key: KeyRef, journal: RotationJournal | undefined): Promise<void>;
}

/** Test hook called at every {@link CrashPoint}; throwing there simulates VS Code dying at that moment. */
export type CrashHook = (point: CrashPoint) => void | Promise<void>;

/** A new value from a provider, with the expiry the provider reported, if any. */
export interface ObtainedValue {
  value: string;
  expiresAt?: Millis;
}

/** Options of one rotation. */
export interface RotationOptions {
  now: Millis;
  /** Grace period of the old value in hours (0 = purge at the next purge run). */
  graceHours: number;
  id: string;
  /** Computes the new value's expiry from what the provider reported. */
  expiryOf: (obtained: ObtainedValue) => Millis | undefined;
  crashHook?: CrashHook;
}

/**
 * The metadata after a rotation: new fingerprint and expiry, old value listed in grace. Dated by the
 * journal, so a rotation finished by recovery reads the same as one that ran through.
 */
export function commitRotation(meta: KeyMeta, journal: RotationJournal): KeyMeta {
  const now = journal.startedAt;
  if (!journal.newFingerprint) throw new Error('Cannot commit a rotation without a new value.');
  const old: GraceVersion = {
    fingerprint: journal.oldFingerprint,
    masked: journal.oldMasked,
    length: journal.oldLength,
    graceUntil: journal.graceUntil,
    rotatedAt: now,
  };
  return {
    ...meta,
    fingerprint: journal.newFingerprint,
    masked: journal.newMasked ?? meta.masked,
    length: journal.newLength,
    expiresAt: journal.newExpiresAt,
    lastRotatedAt: now,
    status: 'active',
    previous: [...meta.previous.filter((v) => v.fingerprint !== journal.oldFingerprint), old],
  };
}

/** Thrown when a rotation cannot start or its provider gave nothing usable; nothing was changed. */
export class RotationError extends Error {}

/**
 * Runs one rotation of `meta`'s key through the ports, journaling each step before it happens.
 * If `obtain` fails the journal is cleared and nothing changes. Any other failure leaves the journal for
 * {@link recoverRotation}, which the caller runs right away (and the host again at activation).
 */
export async function runRotation(
  ports: VaultPorts,
  meta: KeyMeta,
  obtain: (currentValue: string) => Promise<ObtainedValue>,
  options: RotationOptions,
): Promise<KeyMeta> {
  const key: KeyRef = { name: meta.name, scope: meta.scope };
  const crash = options.crashHook ?? (() => undefined);
  if (meta.status === 'revoked') throw new RotationError(`Key ${meta.name} is revoked; add it again instead.`);
  const current = await ports.readSecret(key, { kind: 'active' });
  if (current === undefined || fingerprintOf(current) !== meta.fingerprint) {
    throw new RotationError(`The stored value of ${meta.name} is missing or does not match its metadata.`);
  }
  const journal: RotationJournal = {
    id: options.id,
    name: meta.name,
    scope: meta.scope,
    step: 'obtain',
    startedAt: options.now,
    oldFingerprint: meta.fingerprint,
    oldMasked: meta.masked,
    oldLength: current.length,
    graceUntil: options.now + Math.max(0, options.graceHours) * HOUR,
  };
  const step = async (name: RotationStep, action: () => Promise<void>) => {
    journal.step = name;
    await ports.writeJournal(key, { ...journal });
    await crash(`journaled:${name}`);
    await action();
    await crash(`done:${name}`);
  };

  let obtained: ObtainedValue | undefined;
  try {
    await step('obtain', async () => {
      obtained = await obtain(current);
    });
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error;
    await ports.writeJournal(key, undefined);
    throw error;
  }
  const fresh = obtained as ObtainedValue;
  const problem = !fresh.value || !fresh.value.trim() ? 'The provider returned an empty key.' : fingerprintOf(fresh.value) === meta.fingerprint ? 'The provider returned the current key again.' : undefined;
  if (problem) {
    await ports.writeJournal(key, undefined);
    throw new RotationError(problem);
  }
  journal.newFingerprint = fingerprintOf(fresh.value);
  journal.newMasked = maskSecret(fresh.value);
  journal.newLength = fresh.value.length;
  journal.newExpiresAt = options.expiryOf(fresh);

  await step('stage', () => ports.writeSecret(key, { kind: 'staging' }, fresh.value));
  await step('grace', () => ports.writeSecret(key, { kind: 'grace', fingerprint: journal.oldFingerprint }, current));
  await step('promote', () => ports.writeSecret(key, { kind: 'active' }, fresh.value));
  let committed = meta;
  await step('commit', async () => {
    committed = commitRotation(ports.readMeta(key) ?? meta, journal);
    await ports.writeMeta(committed);
  });
  await step('cleanup', () => ports.deleteSecret(key, { kind: 'staging' }));
  await ports.writeJournal(key, undefined);
  return committed;
}

/** Thrown by crash hooks in tests; distinguishes a simulated death from a provider failure. */
export class SimulatedCrash extends Error {
  constructor(readonly point: CrashPoint) {
    super(`simulated crash at ${point}`);
  }
}

/** What the stores hold for a key whose rotation was interrupted (fingerprints only). */
export interface RecoveryState {
  activeFingerprint?: string;
  stagingFingerprint?: string;
  /** The grace slot named by the journal's old fingerprint holds that value. */
  graceHoldsOld: boolean;
  /** Fingerprint in the metadata, when the key still has metadata. */
  metaFingerprint?: string;
  /** The metadata already lists the old value in grace. */
  metaListsOldInGrace: boolean;
}

/** One idempotent repair step. */
export type RecoveryAction =
  | { action: 'copy'; from: 'staging' | 'active'; to: 'active' | 'grace' }
  | { action: 'delete'; slot: 'staging' | 'grace' }
  | { action: 'commitMeta' }
  | { action: 'clearJournal' };

/** What recovery decided: `resume` finishes the rotation, `rollback` returns to the old key. */
export interface RecoveryPlan {
  outcome: 'resume' | 'rollback';
  actions: RecoveryAction[];
}

/**
 * Decides how to finish an interrupted rotation from the journal and what the stores hold. Pure.
 * Resume when the new value is stored anywhere (staging or active): then the old value is made sure to be in
 * its grace slot, the new one promoted and committed. Otherwise nothing irreversible happened: roll back.
 */
export function planRecovery(journal: RotationJournal, state: RecoveryState): RecoveryPlan {
  const newFp = journal.newFingerprint;
  const newStored = newFp !== undefined && (state.stagingFingerprint === newFp || state.activeFingerprint === newFp);
  const actions: RecoveryAction[] = [];
  if (!newStored) {
    // The active slot is only overwritten after the new value is staged, so here it still holds the old one.
    if (state.stagingFingerprint !== undefined) actions.push({ action: 'delete', slot: 'staging' });
    if (state.graceHoldsOld && !state.metaListsOldInGrace && state.activeFingerprint === journal.oldFingerprint) {
      actions.push({ action: 'delete', slot: 'grace' });
    }
    actions.push({ action: 'clearJournal' });
    return { outcome: 'rollback', actions };
  }
  if (!state.graceHoldsOld && state.activeFingerprint === journal.oldFingerprint) {
    actions.push({ action: 'copy', from: 'active', to: 'grace' });
  }
  if (state.activeFingerprint !== newFp) actions.push({ action: 'copy', from: 'staging', to: 'active' });
  if (state.metaFingerprint !== newFp) actions.push({ action: 'commitMeta' });
  if (state.stagingFingerprint !== undefined) actions.push({ action: 'delete', slot: 'staging' });
  actions.push({ action: 'clearJournal' });
  return { outcome: 'resume', actions };
}

/** Reads the stores' state for a journal (fingerprints only; values stay in the ports). */
export async function readRecoveryState(ports: VaultPorts, journal: RotationJournal): Promise<RecoveryState> {
  const key: KeyRef = { name: journal.name, scope: journal.scope };
  const fp = (value: string | undefined) => (value === undefined ? undefined : fingerprintOf(value));
  const meta = ports.readMeta(key);
  const grace = await ports.readSecret(key, { kind: 'grace', fingerprint: journal.oldFingerprint });
  return {
    activeFingerprint: fp(await ports.readSecret(key, { kind: 'active' })),
    stagingFingerprint: fp(await ports.readSecret(key, { kind: 'staging' })),
    graceHoldsOld: grace !== undefined && fingerprintOf(grace) === journal.oldFingerprint,
    metaFingerprint: meta?.fingerprint,
    metaListsOldInGrace: !!meta?.previous.some((v) => v.fingerprint === journal.oldFingerprint),
  };
}

/**
 * Finishes or undoes an interrupted rotation. Every action is idempotent and the journal is cleared last,
 * so a crash during recovery is recovered again the next time.
 */
export async function recoverRotation(ports: VaultPorts, journal: RotationJournal): Promise<RecoveryPlan> {
  const key: KeyRef = { name: journal.name, scope: journal.scope };
  const plan = planRecovery(journal, await readRecoveryState(ports, journal));
  for (const step of plan.actions) {
    switch (step.action) {
      case 'copy': {
        const from: SecretSlot = step.from === 'staging' ? { kind: 'staging' } : { kind: 'active' };
        const to: SecretSlot = step.to === 'active' ? { kind: 'active' } : { kind: 'grace', fingerprint: journal.oldFingerprint };
        const value = await ports.readSecret(key, from);
        if (value !== undefined) await ports.writeSecret(key, to, value);
        break;
      }
      case 'delete':
        await ports.deleteSecret(key, step.slot === 'staging' ? { kind: 'staging' } : { kind: 'grace', fingerprint: journal.oldFingerprint });
        break;
      case 'commitMeta': {
        const meta = ports.readMeta(key);
        if (meta) await ports.writeMeta(commitRotation(meta, journal));
        break;
      }
      case 'clearJournal':
        await ports.writeJournal(key, undefined);
        break;
    }
  }
  return plan;
}
