/**
 * Every Keyguard command id, in one place. package.json's `contributes.commands` mirrors the public ones;
 * surfaces import ids from here instead of repeating string literals.
 */
export const CommandIds = {
  // Detection (issue 3)
  scanWorkspace: 'keyguard.scanWorkspace',
  clearFindings: 'keyguard.clearFindings',
  showOutput: 'keyguard.showOutput',

  // Quick fixes (issue 4)
  moveToEnv: 'keyguard.moveToEnv',
  moveToEnvAs: 'keyguard.moveToEnvAs',
  moveToSecretStorage: 'keyguard.moveToSecretStorage',
  ignoreFinding: 'keyguard.ignoreFinding',
  fixAllInFile: 'keyguard.fixAllInFile',
  /** Internal: saves the side files (`.env`, `.gitignore`, allowlist) a quick fix just edited. */
  saveFixFiles: 'keyguard.internal.saveFixFiles',

  // Vault (issue 5)
  addKey: 'keyguard.addKey',
  setExpiry: 'keyguard.setExpiry',
  rotateKey: 'keyguard.rotateKey',
  revokeKey: 'keyguard.revokeKey',
  revealKey: 'keyguard.revealKey',
  importEnv: 'keyguard.importEnv',
  exportEnv: 'keyguard.exportEnv',
  listKeys: 'keyguard.listKeys',
  copyEnvReference: 'keyguard.copyEnvReference',
  toggleInjection: 'keyguard.toggleInjection',
  renewKey: 'keyguard.renewKey',
  expiryActions: 'keyguard.expiryActions',

  /**
   * Not contributed to the palette: returns a plain snapshot of what the Findings view shows and where the
   * output channel's log file is, so integration tests can check what a user sees.
   */
  inspectForTests: 'keyguard.internal.inspect',
  /**
   * Not contributed: the vault's test hook (status bar and tree snapshots, notification recorder, crash
   * injection, slot fingerprints). Registered only outside production mode; never returns a value.
   */
  vaultInspectForTests: 'keyguard.internal.vault',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

/**
 * Argument of the commands that act on one finding (hover links, Findings view, code actions). It names the
 * finding by document, rule and value offsets, never by its value: it travels through `command:` URIs as JSON.
 * The quick fixes' `FixCommandArgs` has the same shape (plus an optional variable name).
 */
export interface FindingCommandArgs {
  /** `Uri.toString()` of the document. */
  uri: string;
  ruleId: string;
  /** Offsets of the value in the document (half-open), as in `Finding.range`. */
  start: number;
  end: number;
}

/** View ids contributed in package.json. */
export const ViewIds = {
  container: 'keyguard',
  findings: 'keyguard.findings',
  /** Owned by the vault (issue 5). */
  apiKeys: 'keyguard.apiKeys',
} as const;
