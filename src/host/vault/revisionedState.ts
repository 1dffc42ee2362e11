import type * as vscode from 'vscode';

/** Marks a stored envelope; a dot keeps it apart from any key name an older, bare value could hold. */
const REVISION_MARK = 'keyguard.revision';

interface Envelope {
  revision: number;
  value: unknown;
}

/**
 * One memento entry that this window reads back as it last wrote it.
 *
 * VS Code's extension-host Memento replaces its whole cached state whenever the main process reports a
 * storage change, and it reports this window's own earlier writes too. An echo of an earlier write that
 * arrives after a later one reverts the cache for a moment; a read-modify-write in that moment brings old
 * data back (a purged grace value reappearing in the key metadata, a reminder shown twice). So each value
 * is stored with a revision number: reads return this window's last write unless the memento holds a newer
 * revision, which is how another window's later write still wins.
 */
export class RevisionedEntry {
  private own: Envelope | undefined;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly key: string,
  ) {}

  /** The current value (undefined when never written). */
  read(): unknown {
    const stored = this.stored();
    return this.own && this.own.revision > stored.revision ? this.own.value : stored.value;
  }

  /** Stores `value` under the next revision; reads see it at once, whatever the memento echoes meanwhile. */
  async write(value: unknown): Promise<void> {
    const revision = Math.max(this.own?.revision ?? 0, this.stored().revision) + 1;
    this.own = { revision, value };
    await this.memento.update(this.key, { [REVISION_MARK]: revision, value });
  }

  /** The memento's envelope; a bare value (written before revisions existed) counts as revision 0. */
  private stored(): Envelope {
    const raw = this.memento.get<unknown>(this.key);
    if (raw && typeof raw === 'object' && typeof (raw as Record<string, unknown>)[REVISION_MARK] === 'number') {
      return { revision: (raw as Record<string, number>)[REVISION_MARK], value: (raw as { value?: unknown }).value };
    }
    return { revision: 0, value: raw };
  }
}

/** The entries of one or more mementos, made once per (memento, key) so every reader shares a window's last write. */
export class RevisionedEntries {
  private readonly entries = new Map<vscode.Memento, Map<string, RevisionedEntry>>();

  entry(memento: vscode.Memento, key: string): RevisionedEntry {
    let byKey = this.entries.get(memento);
    if (!byKey) this.entries.set(memento, (byKey = new Map()));
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = new RevisionedEntry(memento, key)));
    return entry;
  }
}
