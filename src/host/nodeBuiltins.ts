/**
 * Node built-ins that activation does not need, required on first use instead of at load: in a cold process
 * `child_process` and `crypto` cost several ms of CPU each, which every VS Code start would otherwise pay
 * (bench/activation.ts measures it). Node caches modules, so later calls are a lookup.
 */
export function childProcess(): typeof import('child_process') {
  return require('child_process') as typeof import('child_process');
}

export function nodeCrypto(): typeof import('crypto') {
  return require('crypto') as typeof import('crypto');
}
