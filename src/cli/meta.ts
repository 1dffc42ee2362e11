import packageJson from '../../package.json';

/** Keyguard's version, from package.json (bundled into dist/cli.js by esbuild). */
export const VERSION: string = packageJson.version;

/** Web home of the project (the repository URL without `git+` / `.git`). */
export const HOMEPAGE: string = String(
  (packageJson as { repository?: { url?: string } }).repository?.url ?? 'https://example.invalid/keyguard',
)
  .replace(/^git\+/, '')
  .replace(/\.git$/, '');

/** Link to a rule's entry in the README rule table (anchors are written by scripts/gen-readme-rules.ts). */
export function ruleHelpUri(ruleId: string): string {
  return `${HOMEPAGE}#rule-${ruleId}`;
}
