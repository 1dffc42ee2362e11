import * as assert from 'assert';
import type * as vscode from 'vscode';
import { RevisionedEntry } from '../../src/host/vault/revisionedState';

/**
 * A memento that behaves like the extension host's: `update` changes the cached state at once, and `echo`
 * replaces the whole cache with a state the main process reported, which may be an older write of ours.
 */
class EchoingMemento implements vscode.Memento {
  state: Record<string, unknown> = {};
  readonly writes: Array<Record<string, unknown>> = [];

  keys(): readonly string[] {
    return Object.keys(this.state);
  }

  get<T>(key: string, defaultValue?: T): T | undefined {
    return (key in this.state ? this.state[key] : defaultValue) as T | undefined;
  }

  update(key: string, value: unknown): Thenable<void> {
    this.state = { ...this.state, [key]: value };
    this.writes.push(this.state);
    return Promise.resolve();
  }

  echo(state: Record<string, unknown>): void {
    this.state = state;
  }
}

describe('vault revisioned memento entries', () => {
  it('reads back its last write while the memento echoes an older one', async () => {
    const memento = new EchoingMemento();
    const entry = new RevisionedEntry(memento, 'k');
    await entry.write({ previous: ['old'] });
    const afterFirst = memento.writes[0];
    await entry.write({ previous: [] });
    memento.echo(afterFirst);
    assert.deepStrictEqual(entry.read(), { previous: [] });
  });

  it('a plain memento would have served the older value (the failure this guards against)', async () => {
    const memento = new EchoingMemento();
    await memento.update('k', { previous: ['old'] });
    const afterFirst = memento.writes[0];
    await memento.update('k', { previous: [] });
    memento.echo(afterFirst);
    assert.deepStrictEqual(memento.get('k'), { previous: ['old'] });
  });

  it("takes another window's newer write", async () => {
    const memento = new EchoingMemento();
    const mine = new RevisionedEntry(memento, 'k');
    const other = new RevisionedEntry(memento, 'k');
    await mine.write('mine');
    await other.write('theirs');
    assert.strictEqual(mine.read(), 'theirs');
    await mine.write('mine again');
    assert.strictEqual(other.read(), 'mine again');
  });

  it('reads a value stored before revisions existed, and writes the next revision over it', async () => {
    const memento = new EchoingMemento();
    await memento.update('k', { KEY: { name: 'KEY' } });
    const entry = new RevisionedEntry(memento, 'k');
    assert.deepStrictEqual(entry.read(), { KEY: { name: 'KEY' } });
    await entry.write({});
    assert.deepStrictEqual(entry.read(), {});
    assert.deepStrictEqual(memento.get('k'), { 'keyguard.revision': 1, value: {} });
  });

  it('is undefined when never written', () => {
    assert.strictEqual(new RevisionedEntry(new EchoingMemento(), 'k').read(), undefined);
  });
});
