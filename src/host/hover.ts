import * as vscode from 'vscode';
import type { Finding } from '../engine/types';
import { CommandIds, type FindingCommandArgs } from './commands/ids';
import type { FindingsStore } from './findings/store';
import { describeJwtExpiry } from './jwtExpiry';
import { ruleDocsUri } from './links';

/** The only commands a hover's trusted markdown may run. */
const HOVER_COMMANDS = [CommandIds.moveToEnv, CommandIds.moveToSecretStorage, CommandIds.ignoreFinding];

/**
 * Hover on a finding's value: what it is, the masked value, why it matters, how to fix it, links to the quick
 * fixes, and a JWT's expiry. Reads the findings already computed for the document; never rescans.
 */
export class FindingHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: FindingsStore,
    private readonly now: () => number = Date.now,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const entry = this.store.get(document.uri);
    if (!entry) return undefined;
    const contents: vscode.MarkdownString[] = [];
    let range: vscode.Range | undefined;
    entry.diagnostics.forEach((diagnostic, index) => {
      if (!diagnostic.range.contains(position)) return;
      contents.push(hoverMarkdown(document.uri, entry.findings[index], this.now()));
      range = range ? range.union(diagnostic.range) : diagnostic.range;
    });
    return contents.length > 0 ? new vscode.Hover(contents, range) : undefined;
  }
}

/** Hover text of one finding, built from its masked form only. */
export function hoverMarkdown(uri: vscode.Uri, finding: Finding, now: number): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(undefined, true);
  markdown.isTrusted = { enabledCommands: HOVER_COMMANDS };
  const where = finding.keyPath ?? finding.keyName;
  markdown.appendMarkdown(`**Keyguard: ${escape(finding.title)}** \`${finding.masked.replace(/`/g, "'")}\``);
  if (where) markdown.appendMarkdown(` in \`${where.replace(/`/g, "'")}\``);
  markdown.appendMarkdown('\n\n');
  if (finding.jwt) {
    const expiry = describeJwtExpiry(finding.jwt, now);
    if (expiry) markdown.appendMarkdown(`**Token ${expiry}.**\n\n`);
  }
  markdown.appendMarkdown(`**Why it matters:** ${escape(whyItMatters(finding))}\n\n`);
  markdown.appendMarkdown(`**Fix:** ${escape(finding.remediation)}\n\n`);
  const docs = `[${escape(finding.ruleId)}](${ruleDocsUri(finding.ruleId).toString()})`;
  markdown.appendMarkdown([...fixLinks(uri, finding), docs].join(' · '));
  return markdown;
}

/** Why each risky setting matters, in the user's words rather than the detector's form ids. */
const RISKY_REASONS: Record<string, string> = {
  'tls-verify-disabled':
    'With certificate checks off, anyone on the network path can pose as the server and read or change the traffic. ' +
    'For a self-signed or internal certificate, point the client at that CA bundle instead of turning verification off.',
  'debug-in-production':
    'Debug mode in production shows stack traces, settings and sometimes an interactive console to anyone who triggers an error.',
  'plaintext-password':
    'Anyone who can read this configuration (the repository, images, backups, CI logs) gets the password.',
};

function whyItMatters(finding: Finding): string {
  if (finding.kind === 'risky-config') {
    return RISKY_REASONS[finding.ruleId] ?? 'This setting weakens security wherever this configuration is deployed.';
  }
  const owner = finding.provider && finding.provider !== 'Generic' ? `${finding.provider} ` : '';
  return `Anyone who can read this file (teammates, CI logs, a fork, the Git history) can use this ${owner}credential until it is revoked.`;
}

function fixLinks(uri: vscode.Uri, finding: Finding): string[] {
  const args: FindingCommandArgs = { uri: uri.toString(), ruleId: finding.ruleId, start: finding.range.start, end: finding.range.end };
  const link = (label: string, command: string) =>
    `[${label}](command:${command}?${encodeURIComponent(JSON.stringify([args]))})`;
  const links: string[] = [];
  if (finding.kind === 'secret') {
    links.push(link('Move to environment variable', CommandIds.moveToEnv));
    links.push(link('Move to SecretStorage', CommandIds.moveToSecretStorage));
  }
  links.push(link('Ignore this finding', CommandIds.ignoreFinding));
  return links;
}

/** Escapes markdown syntax in plain text (titles and advice come from rule metadata, not user content). */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-!|<>]/g, (ch) => `\\${ch}`);
}
