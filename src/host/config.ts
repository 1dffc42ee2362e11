import * as vscode from 'vscode';

/** Severity a user may assign to a rule; `hint` only exists in the editor (dotted underline, no Problems entry). */
export type SeverityOverride = 'error' | 'warning' | 'info' | 'hint';

/** How often open documents are scanned. */
export type ScanTrigger = 'onType' | 'onSave';

/**
 * Keyguard's detection settings, read for one resource. Mirrors `contributes.configuration` in package.json;
 * every field has the same default here as there.
 */
export interface KeyguardConfig {
  /** `keyguard.enable`: scan this resource at all. */
  enable: boolean;
  /** `keyguard.disabledRules`: rule ids never reported. */
  disabledRules: string[];
  /** `keyguard.severityOverrides`: rule id to severity. */
  severityOverrides: Record<string, SeverityOverride>;
  /** `keyguard.scanTrigger`: scan open documents as you type or only when saved. */
  scanTrigger: ScanTrigger;
  /** `keyguard.maxFileSizeKb`: larger files are skipped. */
  maxFileSizeKb: number;
  /** `keyguard.exclude`: glob patterns (relative to the workspace folder) never scanned. */
  exclude: string[];
}

/** The defaults, identical to package.json's. */
export const defaultConfig: Readonly<KeyguardConfig> = Object.freeze({
  enable: true,
  disabledRules: [],
  severityOverrides: {},
  scanTrigger: 'onType',
  maxFileSizeKb: 1024,
  exclude: [],
});

const severityValues: readonly string[] = ['error', 'warning', 'info', 'hint'];

/**
 * Reads the settings that apply to `scope` (a document, its URI or a workspace folder), validating each value
 * so a hand-edited settings.json with a wrong type falls back to the default instead of breaking scans.
 */
export function readConfig(scope?: vscode.ConfigurationScope): KeyguardConfig {
  const section = vscode.workspace.getConfiguration('keyguard', scope);
  const disabledRules = section.get<unknown>('disabledRules');
  const overrides = section.get<unknown>('severityOverrides');
  const trigger = section.get<unknown>('scanTrigger');
  const maxFileSizeKb = section.get<unknown>('maxFileSizeKb');
  const exclude = section.get<unknown>('exclude');
  return {
    enable: section.get<unknown>('enable') !== false,
    disabledRules: stringArray(disabledRules),
    severityOverrides: severityMap(overrides),
    scanTrigger: trigger === 'onSave' ? 'onSave' : defaultConfig.scanTrigger,
    maxFileSizeKb:
      typeof maxFileSizeKb === 'number' && Number.isFinite(maxFileSizeKb) && maxFileSizeKb > 0
        ? maxFileSizeKb
        : defaultConfig.maxFileSizeKb,
    exclude: stringArray(exclude),
  };
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.length > 0) : [];
}

function severityMap(value: unknown): Record<string, SeverityOverride> {
  const result: Record<string, SeverityOverride> = {};
  if (!value || typeof value !== 'object') return result;
  for (const [ruleId, severity] of Object.entries(value as Record<string, unknown>)) {
    if (typeof severity === 'string' && severityValues.includes(severity)) {
      result[ruleId] = severity as SeverityOverride;
    }
  }
  return result;
}
