import * as vscode from 'vscode';
import type { KeyStore } from './keyStore';

/**
 * Puts active keys into new integrated terminals through the extension's environment variable collection:
 * `persistent = false` so VS Code never writes the values to disk, a description saying Keyguard set them,
 * per-key opt-out (`inject: false`), replaced on rotation and removed on revoke. Already-open terminals keep
 * their environment (VS Code marks them as stale).
 */
export class TerminalInjector {
  constructor(
    private readonly collection: vscode.GlobalEnvironmentVariableCollection,
    private readonly store: KeyStore,
    private readonly enabled: () => boolean,
  ) {
    collection.persistent = false;
    collection.description = new vscode.MarkdownString('Keyguard set API keys from its vault (SecretStorage) as environment variables.');
  }

  /** Rebuilds the collection from the vault; returns the names injected. */
  async sync(): Promise<string[]> {
    const wanted = new Map<string, string>();
    if (this.enabled()) {
      for (const key of this.store.all()) {
        if (key.status !== 'active' || !key.inject) continue;
        const value = await this.store.valueOf(key.name);
        if (value !== undefined) wanted.set(key.name, value);
      }
    }
    const stale: string[] = [];
    this.collection.forEach((name) => {
      if (!wanted.has(name)) stale.push(name);
    });
    for (const name of stale) this.collection.delete(name);
    for (const [name, value] of wanted) {
      const current = this.collection.get(name);
      if (current?.value !== value || current.type !== vscode.EnvironmentVariableMutatorType.Replace) this.collection.replace(name, value);
    }
    return [...wanted.keys()];
  }

  /** The mutator for a name, for tests (callers must not print its value). */
  mutatorOf(name: string): vscode.EnvironmentVariableMutator | undefined {
    return this.collection.get(name);
  }
}
