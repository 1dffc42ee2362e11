import * as assert from 'assert';
import * as vscode from 'vscode';
import { DAY, freshValue, freshVault, hook, HOUR, MINUTE, run } from './vaultHelpers';

interface Snapshot { visible: boolean; text: string; tooltip: string; background?: string; urgency: string; keyName?: string }
interface Notice { level: string; message: string; actions: string[] }

function statusBar(): Thenable<Snapshot> {
  return hook<Snapshot>('statusBar');
}

describe('vault status bar', () => {
  beforeEach(freshVault);

  it('is hidden while the vault is empty (keyguard.statusBar.hideWhenNoKeys)', async () => {
    const s = await statusBar();
    assert.strictEqual(s.visible, false);
    await vscode.workspace.getConfiguration('keyguard').update('statusBar.hideWhenNoKeys', false, vscode.ConfigurationTarget.Global);
    try {
      assert.strictEqual((await statusBar()).visible, true);
      assert.strictEqual((await statusBar()).text, '$(key) No keys');
    } finally {
      await vscode.workspace.getConfiguration('keyguard').update('statusBar.hideWhenNoKeys', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('counts down a far key with no background', async () => {
    await run('keyguard.addKey', { name: 'FAR_KEY', value: freshValue(), expiresAt: Date.now() + 30 * DAY + 5 * HOUR + 30 * MINUTE });
    const s = await statusBar();
    assert.strictEqual(s.visible, true);
    assert.strictEqual(s.text, '$(key) FAR_KEY 30d 5h');
    assert.strictEqual(s.background, undefined);
    assert.strictEqual(s.urgency, 'normal');
  });

  it('shows a key expiring in 6 days with the warning background', async () => {
    await run('keyguard.addKey', { name: 'SIX_DAY_KEY', value: freshValue(), expiresAt: Date.now() + 6 * DAY + 23 * HOUR + 30 * MINUTE });
    const s = await statusBar();
    assert.strictEqual(s.text, '$(key) SIX_DAY_KEY 6d 23h');
    assert.strictEqual(s.background, 'statusBarItem.warningBackground');
  });

  it('shows a key expiring in 23 hours with the error background', async () => {
    await run('keyguard.addKey', { name: 'DAY_KEY', value: freshValue(), expiresAt: Date.now() + 23 * HOUR + 30 * MINUTE });
    const s = await statusBar();
    assert.strictEqual(s.text, '$(key) DAY_KEY 23h 29m');
    assert.strictEqual(s.background, 'statusBarItem.errorBackground');
  });

  it('shows an expired key as "expired 2h ago" with the error background', async () => {
    await run('keyguard.addKey', { name: 'OLD_KEY', value: freshValue(), expiresAt: Date.now() - 2 * HOUR - 5 * MINUTE });
    const s = await statusBar();
    assert.strictEqual(s.text, '$(key) OLD_KEY expired 2h ago');
    assert.strictEqual(s.background, 'statusBarItem.errorBackground');
    assert.strictEqual(s.urgency, 'expired');
  });

  it('follows the nearest key and lists every key in the tooltip', async () => {
    await run('keyguard.addKey', { name: 'LATER_KEY', value: freshValue(), expiresAt: Date.now() + 20 * DAY });
    await run('keyguard.addKey', { name: 'SOONER_KEY', value: freshValue(), expiresAt: Date.now() + 2 * DAY + 30 * MINUTE + 30_000 });
    await run('keyguard.addKey', { name: 'NO_EXPIRY_KEY', value: freshValue() });
    const s = await statusBar();
    assert.strictEqual(s.text, '$(key) SOONER_KEY 2d 0h');
    for (const name of ['LATER_KEY', 'SOONER_KEY', 'NO_EXPIRY_KEY']) assert.ok(s.tooltip.includes(`\`${name}\``), `tooltip misses ${name}`);
    assert.match(s.tooltip, /SOONER_KEY` \| developer \| expires in 2d 0h/);
    assert.match(s.tooltip, /NO_EXPIRY_KEY` \| developer \| no expiry/);
    // Moving the clock moves the countdown and its urgency.
    await hook('clockOffset', { ms: 2 * DAY });
    const later = await statusBar();
    assert.strictEqual(later.text, '$(key) SOONER_KEY 30m');
    assert.strictEqual(later.background, 'statusBarItem.errorBackground');
  });

  it('wakes no more often than needed: minutes when far, seconds in the last hour', async () => {
    await run('keyguard.addKey', { name: 'TIMER_KEY', value: freshValue(), expiresAt: Date.now() + 30 * DAY + 10 * MINUTE });
    const far = await hook<number>('tickerDelay');
    assert.ok(far >= MINUTE && far % MINUTE === 0, `far delay ${far}`);
    await run('keyguard.setExpiry', { name: 'TIMER_KEY', expiresAt: Date.now() + 30 * MINUTE + 10_500 });
    const near = await hook<number>('tickerDelay');
    assert.ok(near < MINUTE && near % 1000 === 0, `near delay ${near}`);
  });

  it('notifies once per threshold (7 days, 24 hours, expired) with a Rotate action', async () => {
    await run('keyguard.addKey', { name: 'NOTIFY_KEY', value: freshValue(), expiresAt: Date.now() + 6 * DAY });
    const byKey = async () => (await hook<Notice[]>('notifications')).filter((n) => n.message.includes('NOTIFY_KEY'));
    await hook('checkReminders');
    await hook('checkReminders');
    let notices = await byKey();
    assert.strictEqual(notices.length, 1, `after 6 days: ${notices.map((n) => n.message).join(' | ')}`);
    assert.strictEqual(notices[0].level, 'warning');
    assert.deepStrictEqual(notices[0].actions, ['Rotate', 'Renew']);
    await hook('clockOffset', { ms: 5 * DAY + 2 * HOUR });
    await hook('checkReminders');
    await hook('checkReminders');
    notices = await byKey();
    assert.strictEqual(notices.length, 2, `after 24 hours: ${notices.map((n) => n.message).join(' | ')}`);
    assert.strictEqual(notices[1].level, 'error');
    assert.match(notices[1].message, /less than 24 hours/);
    await hook('clockOffset', { ms: 6 * DAY + HOUR });
    await hook('checkReminders');
    await hook('checkReminders');
    notices = await byKey();
    assert.strictEqual(notices.length, 3, `after expiry: ${notices.map((n) => n.message).join(' | ')}`);
    assert.match(notices[2].message, /NOTIFY_KEY expired 1h ago/);
  });

  it('notifies when a rotate-every-N-days policy comes due', async () => {
    await run('keyguard.addKey', { name: 'POLICY_KEY', value: freshValue(), rotateEveryDays: 30 });
    await hook('clockOffset', { ms: 31 * DAY });
    await hook('checkReminders');
    await hook('checkReminders');
    const notices = (await hook<Notice[]>('notifications')).filter((n) => n.message.includes('POLICY_KEY'));
    assert.strictEqual(notices.length, 1);
    assert.match(notices[0].message, /due for rotation/);
  });
});
