/**
 * SARIF 2.1.0 report (typed with @types/sarif, validated against the published schema in the unit tests).
 * Regions are 1-based with an exclusive end column, as SARIF specifies; columns count UTF-16 code units.
 */
import { pathToFileURL } from 'url';
import type * as Sarif from 'sarif';
import { allRules } from '../engine/rules/catalog';
import type { RuleMeta } from '../engine/rules/types';
import type { Severity } from '../engine/types';
import { ruleHelpUri, VERSION } from './meta';
import type { FileFinding, ScanReport } from './scan';

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Base id that every artifact URI is relative to. */
export const SOURCE_ROOT = '%SRCROOT%';

function levelOf(severity: Severity): Sarif.ReportingConfiguration.level {
  return severity === 'info' ? 'note' : severity;
}

function describeRule(rule: RuleMeta): Sarif.ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.title,
    shortDescription: { text: rule.title },
    fullDescription: { text: `${rule.title}. Format: ${rule.format}. ${rule.remediation}` },
    help: { text: rule.remediation },
    helpUri: ruleHelpUri(rule.id),
    defaultConfiguration: { level: levelOf(rule.severity) },
    properties: { provider: rule.provider, kind: rule.kind, tags: ['security', rule.kind] },
  };
}

/** Percent-encodes each path segment so that spaces and `#` survive as a URI reference. */
function toUriReference(relativePath: string): string {
  return relativePath.split('/').map(encodeURIComponent).join('/');
}

function toResult(finding: FileFinding, ruleIndex: number): Sarif.Result {
  const { startPos, endPos } = finding.range;
  const result: Sarif.Result = {
    ruleId: finding.ruleId,
    level: levelOf(finding.severity),
    message: { text: `${finding.title}: ${finding.masked}${finding.detail ? ` (${finding.detail})` : ''}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUriReference(finding.path), uriBaseId: SOURCE_ROOT },
          region: {
            startLine: startPos.line,
            startColumn: startPos.column,
            endLine: endPos.line,
            endColumn: endPos.column,
          },
        },
      },
    ],
    partialFingerprints: { 'keyguardValueHash/v1': finding.fingerprint },
    properties: { masked: finding.masked, kind: finding.kind, provider: finding.provider, entropy: finding.entropy },
  };
  if (ruleIndex >= 0) result.ruleIndex = ruleIndex;
  return result;
}

/** Builds the SARIF log object for a report. */
export function buildSarif(report: ScanReport, rules: readonly RuleMeta[] = allRules()): Sarif.Log {
  const indexById = new Map(rules.map((rule, index) => [rule.id, index]));
  const notifications: Sarif.Notification[] = report.skipped.map((skip) => ({
    level: 'note',
    message: { text: `Skipped ${skip.path}: ${skip.reason}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: toUriReference(skip.path), uriBaseId: SOURCE_ROOT } } }],
  }));
  const baseUri = pathToFileURL(report.base).href;
  return {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Keyguard',
            semanticVersion: VERSION,
            version: VERSION,
            informationUri: ruleHelpUri('').replace(/#rule-$/, ''),
            rules: rules.map(describeRule),
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: baseUri.endsWith('/') ? baseUri : `${baseUri}/` } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((finding) => toResult(finding, indexById.get(finding.ruleId) ?? -1)),
      },
    ],
  };
}

/** The SARIF report as pretty-printed JSON text. */
export function formatSarif(report: ScanReport): string {
  return `${JSON.stringify(buildSarif(report), null, 2)}\n`;
}
