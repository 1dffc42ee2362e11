import * as path from 'path';
import { parentPort, Worker, workerData } from 'worker_threads';
import { scanText } from '../src/engine/scanner';
import { adversarialCases, caseName, timeCase, type CaseTiming, type RuleTiming, type WholeScanTiming } from './adversarial';
import { syntheticTree } from './trees';

/** Result of the adversarial section: timings slowest first, rules that had to be stopped, notes. */
export interface AdversarialReport {
  timings: RuleTiming[];
  /** Whole scans of the detector inputs, slowest first (shown beside the rules, not one of them). */
  wholeScans: WholeScanTiming[];
  timedOut: string[];
  notes: string[];
}

type Message = { index: number; timing: CaseTiming } | { done: true };

/**
 * Runs every adversarial case in a worker thread, from `workerData.start` on, posting one message per
 * case. A regular expression cannot be interrupted, so a case that runs past `timeoutMs` is recorded as
 * timed out, its worker is terminated and a fresh worker resumes with the next case.
 */
export async function runAdversarial(timeoutMs: number): Promise<AdversarialReport> {
  const cases = adversarialCases();
  const timings: RuleTiming[] = [];
  const wholeScans: WholeScanTiming[] = [];
  const timedOut: string[] = [];
  let unsampled = 0;
  let next = 0;
  while (next < cases.length) {
    next = await new Promise<number>((resolve) => {
      let current = next;
      const worker = new Worker(path.join(__dirname, 'adversarialRunner.js'), { workerData: { start: current } });
      let settled = false;
      const finish = (nextIndex: number) => {
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(nextIndex);
      };
      let timer = setTimeout(onTimeout, timeoutMs);
      function onTimeout() {
        if (settled) return;
        timedOut.push(caseName(cases[current]));
        timings.push({ ruleId: caseName(cases[current]), variant: `stopped: still running after ${timeoutMs} ms wall clock`, ms: timeoutMs, wallMs: timeoutMs });
        finish(current + 1);
      }
      worker.on('message', (message: Message) => {
        if (settled) return;
        clearTimeout(timer);
        if ('done' in message) {
          finish(cases.length);
          return;
        }
        if ('wholeScan' in message.timing) {
          wholeScans.push(message.timing.wholeScan);
        } else {
          const { sampled, ...timing } = message.timing.rule;
          if (!sampled) unsampled++;
          timings.push(timing);
        }
        current = message.index + 1;
        timer = setTimeout(onTimeout, timeoutMs);
      });
      worker.on('error', (error) => {
        if (settled) return;
        timings.push({ ruleId: caseName(cases[current]), variant: `threw: ${error.message.slice(0, 120)}`, ms: NaN, wallMs: NaN });
        finish(current + 1);
      });
    });
  }
  const notes = unsampled > 0 ? [`${unsampled} rules have no fake-key sample; they got keyword + 1 MB base62`] : [];
  return { timings: timings.sort((a, b) => (b.ms || 0) - (a.ms || 0)), wholeScans: wholeScans.sort((a, b) => b.ms - a.ms), timedOut, notes };
}

// Worker side: time cases in order and report each one as soon as it is done. The worker scans ordinary files
// as an editor does: the eval corpus three times first, so the engine code every rule shares is compiled before
// the first case (otherwise that case carries V8's background compilation: 110 ms CPU, 56 ms wall, for a rule
// that takes 17 ms warm), and a few files before each case, so that code stays compiled (V8 drops the code of
// functions unused for a while: the generic detector, idle during the 300 provider cases, measured 60 ms
// instead of 40 on its first input).
if (parentPort && workerData && typeof (workerData as { start?: unknown }).start === 'number') {
  const ordinary = syntheticTree(1);
  for (let pass = 0; pass < 3; pass++) for (const file of ordinary) scanText(file.text, file.path);
  const cases = adversarialCases();
  for (let index = (workerData as { start: number }).start; index < cases.length; index++) {
    for (const file of ordinary.slice(0, 20)) scanText(file.text, file.path);
    parentPort.postMessage({ index, timing: timeCase(cases[index]) } satisfies Message);
  }
  parentPort.postMessage({ done: true } satisfies Message);
}
