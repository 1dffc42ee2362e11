import * as assert from 'assert';
import { fingerprintOf } from '../../src/engine/fingerprint';
import { DAY, HOUR } from '../../src/engine/vault/countdown';
import {
  CRASH_POINTS, planRecovery, recoverRotation, RotationError, runRotation, SimulatedCrash,
  type CrashPoint, type KeyRef, type RotationJournal, type SecretSlot, type VaultPorts,
} from '../../src/engine/vault/journal';
import { createKeyMeta } from '../../src/engine/vault/lifecycle';
import type { KeyMeta } from '../../src/engine/vault/types';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const OLD = `old-value-${'Rt5'.repeat(8)}`;
const NEW = `new-value-${'Wp8'.repeat(8)}`;
const fp = fingerprintOf;

/** SecretStorage + globalState in memory, with an optional failure after N writes (a dying process). */
class MemoryPorts implements VaultPorts {
  secrets = new Map<string, string>();
  metas = new Map<string, KeyMeta>();
  journalsByName = new Map<string, RotationJournal>();
  writesLeft = Infinity;

  private id(key: KeyRef, slot: SecretSlot): string {
    return `${key.scope}:${key.name}:${slot.kind === 'grace' ? `grace:${slot.fingerprint}` : slot.kind}`;
  }
  private spend(): void {
    if (this.writesLeft <= 0) throw new Error('process died');
    this.writesLeft--;
  }
  async readSecret(key: KeyRef, slot: SecretSlot) { return this.secrets.get(this.id(key, slot)); }
  async writeSecret(key: KeyRef, slot: SecretSlot, value: string) { this.spend(); this.secrets.set(this.id(key, slot), value); }
  async deleteSecret(key: KeyRef, slot: SecretSlot) { this.spend(); this.secrets.delete(this.id(key, slot)); }
  readMeta(key: KeyRef) { return this.metas.get(key.name); }
  async writeMeta(meta: KeyMeta) { this.spend(); this.metas.set(meta.name, JSON.parse(JSON.stringify(meta)) as KeyMeta); }
  async writeJournal(key: KeyRef, journal: RotationJournal | undefined) {
    this.spend();
    if (journal) this.journalsByName.set(key.name, JSON.parse(JSON.stringify(journal)) as RotationJournal);
    else this.journalsByName.delete(key.name);
  }
  /** Every value stored anywhere, for "0 keys lost" checks. */
  values(): string[] { return [...this.secrets.values()]; }
}

function setup(): { ports: MemoryPorts; meta: KeyMeta } {
  const ports = new MemoryPorts();
  const meta = createKeyMeta({ name: 'PAYMENTS_KEY', value: OLD, expiresAt: NOW + 5 * DAY }, NOW - 20 * DAY);
  ports.secrets.set('global:PAYMENTS_KEY:active', OLD);
  ports.metas.set(meta.name, meta);
  return { ports, meta };
}

function options(crashAt?: CrashPoint) {
  return {
    now: NOW,
    graceHours: 24,
    id: 'rotation-1',
    expiryOf: () => NOW + 30 * DAY,
    crashHook: (point: CrashPoint) => {
      if (point === crashAt) throw new SimulatedCrash(point);
    },
  };
}

const obtainNew = async () => ({ value: NEW });

/** The invariants after any rotation + recovery: consistent metadata, no journal, no key lost. */
function assertSettled(ports: MemoryPorts, expectNew: boolean, label: string): void {
  const meta = ports.metas.get('PAYMENTS_KEY') as KeyMeta;
  const active = ports.secrets.get('global:PAYMENTS_KEY:active');
  assert.strictEqual(ports.journalsByName.size, 0, `${label}: journal left behind`);
  assert.strictEqual(ports.secrets.has('global:PAYMENTS_KEY:staging'), false, `${label}: staging left behind`);
  assert.ok(active !== undefined, `${label}: no active value`);
  assert.strictEqual(meta.fingerprint, fp(active as string), `${label}: metadata does not describe the active value`);
  // The old key is never lost: active, or in grace and listed as such.
  const oldInGrace = ports.secrets.get(`global:PAYMENTS_KEY:grace:${fp(OLD)}`) === OLD && meta.previous.some((v) => v.fingerprint === fp(OLD));
  assert.ok(active === OLD || oldInGrace, `${label}: old key lost`);
  if (expectNew) {
    assert.ok(active === NEW, `${label}: new key not active`);
    assert.ok(oldInGrace, `${label}: old key not in grace`);
    assert.strictEqual(meta.expiresAt, NOW + 30 * DAY, `${label}: new expiry not committed`);
    assert.strictEqual(meta.lastRotatedAt, NOW);
    assert.strictEqual(meta.length, NEW.length, `${label}: new length not committed`);
    assert.strictEqual(meta.previous.find((v) => v.fingerprint === fp(OLD))?.length, OLD.length);
  } else {
    assert.ok(active === OLD, `${label}: rolled back but old not active`);
    assert.deepStrictEqual(meta.previous, [], `${label}: grace listed after rollback`);
    assert.ok(!ports.values().includes(NEW), `${label}: a half-rotated new value lingers`);
  }
}

describe('vault rotation journal', () => {
  it('rotates: new active, old in grace until the grace period ends, nothing staged, no journal', async () => {
    const { ports, meta } = setup();
    const rotated = await runRotation(ports, meta, obtainNew, options());
    assertSettled(ports, true, 'clean rotation');
    assert.strictEqual(rotated.previous[0].graceUntil, NOW + 24 * HOUR);
    assert.ok(!JSON.stringify([...ports.metas.values(), ...ports.journalsByName.values()]).includes(NEW), 'metadata holds a value');
  });

  it('journals every step before it happens, without values', async () => {
    const { ports, meta } = setup();
    const seen: string[] = [];
    const original = ports.writeJournal.bind(ports);
    ports.writeJournal = async (key, journal) => {
      if (journal) {
        seen.push(journal.step);
        assert.ok(!JSON.stringify(journal).includes(NEW) && !JSON.stringify(journal).includes(OLD));
      }
      await original(key, journal);
    };
    await runRotation(ports, meta, obtainNew, options());
    assert.deepStrictEqual(seen, ['obtain', 'stage', 'grace', 'promote', 'commit', 'cleanup']);
  });

  for (const point of CRASH_POINTS) {
    const staged = CRASH_POINTS.indexOf(point) >= CRASH_POINTS.indexOf('done:stage');
    it(`crash at ${point}: recovery ${staged ? 'finishes the rotation' : 'keeps the old key'}, 0 keys lost`, async () => {
      const { ports, meta } = setup();
      await assert.rejects(runRotation(ports, meta, obtainNew, options(point)), SimulatedCrash);
      const journals = [...ports.journalsByName.values()];
      assert.strictEqual(journals.length, 1, 'the crash left no journal');
      const plan = await recoverRotation(ports, journals[0]);
      assert.strictEqual(plan.outcome, staged ? 'resume' : 'rollback');
      assertSettled(ports, staged, point);
    });
  }

  for (const point of CRASH_POINTS) {
    it(`crash at ${point}, then the recovery itself dies after each write: recovering again loses 0 keys`, async () => {
      for (let budget = 0; budget < 8; budget++) {
        const { ports, meta } = setup();
        await assert.rejects(runRotation(ports, meta, obtainNew, options(point)), SimulatedCrash);
        const journal = [...ports.journalsByName.values()][0];
        ports.writesLeft = budget;
        await recoverRotation(ports, journal).catch(() => undefined);
        ports.writesLeft = Infinity;
        const left = [...ports.journalsByName.values()];
        for (const j of left) await recoverRotation(ports, j);
        const staged = CRASH_POINTS.indexOf(point) >= CRASH_POINTS.indexOf('done:stage');
        assertSettled(ports, staged, `${point} / recovery died after ${budget} writes`);
      }
    });
  }

  it('a store failing mid-rotation is recovered the same way', async () => {
    for (let budget = 0; budget < 12; budget++) {
      const { ports, meta } = setup();
      ports.writesLeft = budget;
      const result = await runRotation(ports, meta, obtainNew, options()).then(() => 'done', () => 'failed');
      ports.writesLeft = Infinity;
      for (const j of [...ports.journalsByName.values()]) await recoverRotation(ports, j);
      const finished = ports.secrets.get('global:PAYMENTS_KEY:active') === NEW;
      assertSettled(ports, finished, `store died after ${budget} writes (${result})`);
    }
  });

  it('a provider failure changes nothing and leaves no journal', async () => {
    const { ports, meta } = setup();
    await assert.rejects(runRotation(ports, meta, async () => { throw new Error('HTTP 500'); }, options()), /HTTP 500/);
    assert.strictEqual(ports.journalsByName.size, 0);
    assertSettled(ports, false, 'provider failure');
  });

  it('refuses the same value again, an empty value, a revoked key and a missing value', async () => {
    const { ports, meta } = setup();
    await assert.rejects(runRotation(ports, meta, async () => ({ value: OLD }), options()), RotationError);
    await assert.rejects(runRotation(ports, meta, async () => ({ value: '  ' }), options()), RotationError);
    await assert.rejects(runRotation(ports, { ...meta, status: 'revoked' }, obtainNew, options()), RotationError);
    assertSettled(ports, false, 'refusals');
    ports.secrets.delete('global:PAYMENTS_KEY:active');
    await assert.rejects(runRotation(ports, meta, obtainNew, options()), RotationError);
  });

  it('keeps an earlier grace value when rotating again', async () => {
    const { ports, meta } = setup();
    const first = await runRotation(ports, meta, obtainNew, options());
    const third = `third-value-${'Zx2'.repeat(8)}`;
    const second = await runRotation(ports, first, async () => ({ value: third }), { ...options(), id: 'rotation-2' });
    assert.deepStrictEqual(second.previous.map((v) => v.fingerprint), [fp(OLD), fp(NEW)]);
    assert.strictEqual(ports.secrets.get(`global:PAYMENTS_KEY:grace:${fp(OLD)}`), OLD);
    assert.strictEqual(ports.secrets.get(`global:PAYMENTS_KEY:grace:${fp(NEW)}`), NEW);
  });

  it('plans recovery from store state alone', () => {
    const journal: RotationJournal = {
      id: 'j', name: 'K', scope: 'global', step: 'grace', startedAt: NOW, oldFingerprint: 'o', oldMasked: 'o…', graceUntil: NOW + DAY, newFingerprint: 'n',
    };
    const base = { graceHoldsOld: false, metaFingerprint: 'o', metaListsOldInGrace: false };
    assert.deepStrictEqual(planRecovery(journal, { ...base, activeFingerprint: 'o', stagingFingerprint: 'n' }).actions, [
      { action: 'copy', from: 'active', to: 'grace' },
      { action: 'copy', from: 'staging', to: 'active' },
      { action: 'commitMeta' },
      { action: 'delete', slot: 'staging' },
      { action: 'clearJournal' },
    ]);
    assert.deepStrictEqual(planRecovery(journal, { ...base, activeFingerprint: 'o' }), { outcome: 'rollback', actions: [{ action: 'clearJournal' }] });
    assert.deepStrictEqual(
      planRecovery(journal, { activeFingerprint: 'n', graceHoldsOld: true, metaFingerprint: 'n', metaListsOldInGrace: true }).actions,
      [{ action: 'clearJournal' }],
    );
    assert.strictEqual(planRecovery({ ...journal, step: 'obtain', newFingerprint: undefined }, { ...base, activeFingerprint: 'o' }).outcome, 'rollback');
  });
});
