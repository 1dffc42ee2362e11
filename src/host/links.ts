import * as vscode from 'vscode';
import { repository } from '../../package.json';

/**
 * The project's public home, from `repository.url` in package.json (the one place it is written; the CLI's
 * SARIF links read the same field). Its landing page shows the README, whose rule table has one
 * `#rule-<id>` anchor per rule.
 */
export const REPOSITORY_URL: string = String(repository.url).replace(/^git\+/, '').replace(/\.git$/, '');

/** Link to a rule's row in the README, used as the diagnostic code's target and in hovers. */
export function ruleDocsUri(ruleId: string): vscode.Uri {
  return vscode.Uri.parse(`${REPOSITORY_URL}#rule-${encodeURIComponent(ruleId)}`);
}
