import * as vscode from 'vscode';

/**
 * The project's public home; its landing page shows the README, whose rule list has one `#rule-<id>` anchor
 * per rule. Keep in step with `repository.url` in package.json: this is the only copy in the code.
 */
export const REPOSITORY_URL = 'https://example.invalid/keyguard';

/** Link to a rule's section in the README, used as the diagnostic code's target and in hovers. */
export function ruleDocsUri(ruleId: string): vscode.Uri {
  return vscode.Uri.parse(`${REPOSITORY_URL}#rule-${encodeURIComponent(ruleId)}`);
}
