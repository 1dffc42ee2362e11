import { fingerprintOf } from '../../../engine/fingerprint';
import type { CrashPoint } from '../../../engine/vault/journal';
import { RecordingUi, type UiSlot } from '../notifier';
import { argsOf, stringArg, type VaultContext } from './common';

/**
 * `keyguard.internal.vault`: what integration tests need to check what a user sees and to simulate crashes.
 * Registered only outside production mode. It returns fingerprints and lengths, never values.
 */
export function inspectVaultCommand(vault: VaultContext, uiSlot: UiSlot, setClockOffset: (ms: number) => void) {
  let recorder: RecordingUi | undefined;
  return async (arg?: unknown): Promise<unknown> => {
    const args = argsOf(arg);
    const name = stringArg(args, 'name');
    switch (args.op) {
      case 'refresh':
        vault.statusBar.render(vault.store.all());
        vault.tree.refresh();
        return undefined;
      case 'statusBar':
        vault.statusBar.render(vault.store.all());
        return vault.statusBar.snapshot();
      case 'tree':
        return vault.tree.render();
      case 'recordUi':
        recorder = new RecordingUi(args.confirm !== false);
        uiSlot.current = recorder;
        return undefined;
      case 'notifications':
        return recorder?.notices ?? [];
      case 'clearNotifications':
        recorder?.notices.splice(0);
        return undefined;
      case 'checkReminders':
        return (await vault.reminders.check()).map((r) => ({ name: r.name, kind: r.kind }));
      case 'crashAt':
        vault.rotation.crashAt = args.point as CrashPoint;
        return undefined;
      case 'recover':
        return (await vault.rotation.recoverAll()).map(({ journal, plan }) => ({ name: journal.name, step: journal.step, outcome: plan.outcome }));
      case 'journals':
        return vault.store.journals();
      case 'slots': {
        const meta = vault.store.require(name as string);
        const fp = (value: string | undefined) => (value === undefined ? undefined : fingerprintOf(value));
        const graceIds = new Set([...meta.previous.map((v) => v.fingerprint), ...((args.alsoGrace as string[] | undefined) ?? [])]);
        const grace: Record<string, string | undefined> = {};
        for (const id of graceIds) grace[id] = fp(await vault.store.readSecret(meta, { kind: 'grace', fingerprint: id }));
        return {
          meta,
          active: fp(await vault.store.readSecret(meta, { kind: 'active' })),
          staging: fp(await vault.store.readSecret(meta, { kind: 'staging' })),
          grace,
        };
      }
      case 'injected': {
        await vault.injector.sync();
        const mutator = vault.injector.mutatorOf(name as string);
        return mutator ? { type: mutator.type, valueLength: mutator.value.length, valueFingerprint: fingerprintOf(mutator.value) } : undefined;
      }
      case 'storage': {
        const dump = (memento: { keys(): readonly string[]; get(key: string): unknown }) =>
          Object.fromEntries(memento.keys().map((key) => [key, memento.get(key)]));
        return { globalState: dump(vault.extension.globalState), workspaceState: dump(vault.extension.workspaceState) };
      }
      case 'clipboardClearMs':
        vault.clipboardClearMs = Number(args.ms);
        return undefined;
      case 'clockOffset':
        setClockOffset(Number(args.ms) || 0);
        vault.ticker.tickNow();
        return undefined;
      case 'purge':
        return vault.rotation.purgeNow();
      case 'tickerDelay':
        vault.ticker.schedule();
        return vault.ticker.lastDelay;
      default:
        throw new Error(`unknown op ${String(args.op)}`);
    }
  };
}
