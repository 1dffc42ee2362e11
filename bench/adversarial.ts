import type { DetectContext } from '../src/engine/detect';
import { languageOf } from '../src/engine/language';
import { computeLineStarts } from '../src/engine/lines';
import { detectWithRules } from '../src/engine/providers';
import { providerRules } from '../src/engine/rules/providers';
import type { ProviderRule } from '../src/engine/rules/types';
import { detectGeneric } from '../src/engine/generic';
import { sharedPass } from '../src/engine/literalIndex';
import { detectRisky } from '../src/engine/risky';
import { structuralRules } from '../src/engine/rules/providers/structural';
import { buildContext, scanText } from '../src/engine/scanner';
import { fakeValue } from '../test/support/fakeKeys';
import { seededRandom } from '../test/eval/render';
import { collectYoungGarbage, startSpan } from './stats';

/** Time of one rule (or detector) on one adversarial input. */
export interface RuleTiming {
  ruleId: string;
  variant: string;
  /** CPU time of the whole process (the verdict's figure). */
  ms: number;
  /** Wall-clock time of the same runs: lower when V8's background threads (GC, recompiling) share the work. */
  wallMs: number;
}

/** A whole `scanText` of one detector input (parse, every detector, findings): shown, not a rule's time. */
export interface WholeScanTiming {
  fileName: string;
  variant: string;
  ms: number;
  parseMs: number;
  findings: number;
}

/**
 * Untimed runs per input before timing. On a 1 MB input V8 needs a few runs to finish tiering up (the first
 * runs measured 2-4× the steady time, falling until about the third), and an editor rescans the same files
 * with hot code; one warm-up run left the median mostly measuring the compiler.
 */
const WARM_UP_RUNS = 3;
/** Timed runs per input, after the warm-up: the median is reported. */
const RUNS = 5;

/** Median CPU and wall-clock milliseconds of timed runs. */
interface Medians {
  ms: number;
  wallMs: number;
}

function medians(spans: Array<{ cpu: number; wall: number }>): Medians {
  const middle = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1];
  return { ms: middle(spans.map((s) => s.cpu)), wallMs: middle(spans.map((s) => s.wall)) };
}

/**
 * Time of `run` on warmed-up code: WARM_UP_RUNS untimed runs, then the medians of RUNS timed ones. A rule that
 * backtracks is slow in every run; the warm-up only keeps the compiler's first-run work out of the figure.
 */
function medianMs(run: () => void): Medians {
  for (let i = 0; i < WARM_UP_RUNS; i++) run();
  const spans: Array<{ cpu: number; wall: number }> = [];
  for (let i = 0; i < RUNS; i++) {
    collectYoungGarbage();
    const started = startSpan();
    run();
    spans.push({ cpu: started.cpuMs(), wall: started.wallMs() });
  }
  return medians(spans);
}

const SIZE = 1 << 20;
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64 = `${BASE62}+/`;

/** `unit` repeated up to 1 MB. */
function fill(unit: string, size = SIZE): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** 1 MB drawn from `alphabet` (seeded, so every run times the same text). */
function run(alphabet: string, seed: string, size = SIZE): string {
  const next = seededRandom(seed);
  const out: string[] = [];
  for (let i = 0; i < size; i++) out.push(alphabet[Math.floor(next() * alphabet.length)]);
  return out.join('');
}

function context(text: string, fileName: string): DetectContext {
  return { text, fileName, language: languageOf(fileName), lowerText: text.toLowerCase(), lineStarts: computeLineStarts(text) };
}

/**
 * Runs one provider rule alone through the production driver (`detectWithRules`: the keyword pass,
 * line windows for context rules, anchored matching, entropy floor, validator) and returns how many
 * values it accepted.
 */
export function runRuleAlone(rule: ProviderRule, ctx: DetectContext): number {
  return detectWithRules(ctx, [rule]).length;
}

/** A valid-looking sample of the rule's format from the fake-key generator, when it knows the rule. */
function sampleOf(rule: ProviderRule): string | undefined {
  try {
    return fakeValue(rule.id, 'bench');
  } catch {
    return undefined;
  }
}

/**
 * Adversarial inputs for one provider rule, each about 1 MB:
 * - `prefix+run`: the format's prefix followed by 1 MB of the characters its body accepts (never ends);
 * - `back-to-back`: valid samples concatenated without separators (every position is a candidate);
 * - `near-miss`: `keyword = "<sample minus one char>` repeated (context checks and validators on each).
 */
function providerInputs(rule: ProviderRule): Array<[string, string]> {
  // Structural rules (URLs with credentials, PEM blocks, bearer headers) also get their family's inputs.
  const family = structuralRules.includes(rule)
    ? DETECTOR_INPUTS.filter(([name]) => name === 'structural').map(([, fileName, make]): [string, string] => [`${fileName}: ${JSON.stringify(make().slice(0, 24))}…`, make()])
    : [];
  return [...formatInputs(rule), ...family];
}

function formatInputs(rule: ProviderRule): Array<[string, string]> {
  const sample = sampleOf(rule);
  const keyword = rule.keywords[0] ?? '';
  if (!sample) return [['keyword+base62 run', keyword + run(BASE62, rule.id)]];
  const firstLine = sample.split('\n')[0];
  if (sample.includes('\n')) {
    // PEM-like blocks: a header and then 1 MB of body lines with no END marker.
    return [['header+1MB body, no END', `${firstLine}\n${fill(`${run(BASE64, rule.id, 64)}\n`)}`], ['back-to-back', fill(`${sample}\n`)]];
  }
  const cut = firstLine.slice(0, 16).search(/[_\-.:][^_\-.:]*$/);
  const prefix = cut >= 0 ? firstLine.slice(0, cut + 1) : firstLine.slice(0, Math.min(4, firstLine.length));
  const alphabet = [...new Set(firstLine.slice(prefix.length))].join('') || BASE62;
  return [
    ['prefix+run', prefix + run(alphabet, rule.id)],
    ['back-to-back', fill(sample)],
    ['near-miss', fill(`${keyword} = "${sample.slice(0, -1)}\n`)],
  ];
}

/** Inputs aimed at the generic and risky-config detectors, scanned through `scanText` with a file name. */
export const DETECTOR_INPUTS: Array<[string, string, () => string]> = [
  ['generic', 'app.env', () => fill('a=')],
  ['generic', 'config.json', () => fill('"key": "')],
  ['generic', 'settings.py', () => `api_key = "${run(BASE64, 'generic-b64')}"`],
  ['generic', 'app.yaml', () => fill('password: x\n')],
  ['generic', 'app.properties', () => `secret=${run(BASE62, 'generic-b62')}`],
  ['generic', 'blob.txt', () => run(BASE64, 'b64-run')],
  ['generic', 'main.ts', () => fill('token = token = ')],
  ['structural', 'conn.txt', () => `postgres://user:${run(BASE62, 'url')}`],
  ['structural', 'key.pem', () => `-----BEGIN PRIVATE KEY-----\n${fill(`${run(BASE64, 'pem', 64)}\n`)}`],
  ['structural', 'headers.txt', () => fill('Authorization: Bearer ')],
  ['risky-config', 'client.py', () => fill('requests.get(url, verify=False)\n')],
  ['risky-config', 'production.yaml', () => fill('debug: true\n')],
  ['risky-config', 'deep.json', () => fill('{"a":')],
  ['risky-config', 'run.sh', () => fill('curl -k -k -k ')],
];

/**
 * One adversarial measurement to make: a provider rule alone, a detector family (generic, risky-config)
 * alone, or a whole scan of a detector input (all detectors, parse and findings; shown apart, not a rule).
 */
export type AdversarialCase = { provider: number } | { detector: number } | { wholeScan: number };

/** The detector families timed alone; structural inputs go to the structural provider rules instead. */
const FAMILY_DETECTORS: Record<string, (ctx: DetectContext) => unknown> = { generic: detectGeneric, 'risky-config': detectRisky };

/** Every case, in a stable order (provider rules in table order, the detector families, the whole scans). */
export function adversarialCases(): AdversarialCase[] {
  return [
    ...providerRules.map((_rule, index) => ({ provider: index })),
    ...DETECTOR_INPUTS.flatMap(([family], index) => (FAMILY_DETECTORS[family] ? [{ detector: index }] : [])),
    ...DETECTOR_INPUTS.map((_input, index) => ({ wholeScan: index })),
  ];
}

/** The display name of a case, also used when it times out. */
export function caseName(c: AdversarialCase): string {
  if ('provider' in c) return providerRules[c.provider].id;
  if ('detector' in c) return `${DETECTOR_INPUTS[c.detector][0]} detector (${DETECTOR_INPUTS[c.detector][1]})`;
  return `whole scan of ${DETECTOR_INPUTS[c.wholeScan][1]}`;
}

/** What timing one case gives: a rule's time, or a whole scan's. */
export type CaseTiming = { rule: RuleTiming & { sampled: boolean } } | { wholeScan: WholeScanTiming };

/** Runs one case: for a rule, the slowest of its inputs. `sampled` is false when the rule had no fake-key sample. */
export function timeCase(c: AdversarialCase): CaseTiming {
  if ('wholeScan' in c) {
    const [, fileName, make] = DETECTOR_INPUTS[c.wholeScan];
    const text = make();
    let findings = 0;
    const { ms } = medianMs(() => {
      findings = scanText(text, fileName).findings.length;
    });
    const parseMs = medianMs(() => buildContext(text, fileName, [])).ms;
    return { wholeScan: { fileName, variant: JSON.stringify(text.slice(0, 24)), ms, parseMs, findings } };
  }
  if ('detector' in c) {
    const [family, fileName, make] = DETECTOR_INPUTS[c.detector];
    const text = make();
    // The context as the scanner builds it (structure parsed), outside the timed span as for provider rules.
    const times = timeOnFreshContexts(() => buildContext(text, fileName, []), FAMILY_DETECTORS[family]);
    return { rule: { ruleId: caseName(c), variant: `${JSON.stringify(text.slice(0, 24))}…`, ...times, sampled: true } };
  }
  const rule = providerRules[c.provider];
  const inputs = providerInputs(rule);
  let worst: RuleTiming = { ruleId: rule.id, variant: '', ms: -1, wallMs: -1 };
  for (const [variant, text] of inputs) {
    const times = timeOnFreshContexts(() => context(text, 'adversarial.txt'), (ctx) => runRuleAlone(rule, ctx));
    if (times.ms > worst.ms) worst = { ruleId: rule.id, variant, ...times };
  }
  return { rule: { ...worst, sampled: !inputs[0][0].startsWith('keyword') } };
}

/**
 * Like medianMs for `run` on a fresh context each time (per-scan caches hang off the context), the
 * contexts made outside the timed spans together with the scan's one shared keyword pass (every rule's
 * and detector's keywords in one linear pass, paid once per scan, not per rule: the whole scans show it).
 * The young generation is emptied before each span (collectYoungGarbage): the context's own objects are
 * the parse's cost, which the whole scans include.
 */
function timeOnFreshContexts(makeContext: () => DetectContext, run: (ctx: DetectContext) => unknown): Medians {
  for (let i = 0; i < WARM_UP_RUNS; i++) run(makeContext());
  const spans: Array<{ cpu: number; wall: number }> = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = makeContext();
    sharedPass(ctx);
    collectYoungGarbage();
    const started = startSpan();
    run(ctx);
    spans.push({ cpu: started.cpuMs(), wall: started.wallMs() });
  }
  return medians(spans);
}
