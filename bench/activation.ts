import * as fs from 'fs';
import * as path from 'path';
import Module = require('module');
import { createFakeVscode } from './fakeVscode';
import { startSpan } from './stats';

/** One activation measurement, taken in a fresh process (see `main`). */
export interface ActivationFigure {
  requireMs: number;
  activateMs: number;
  totalMs: number;
  /** Distinct VS Code APIs the extension touched while activating. */
  apis: string[];
  subscriptions: number;
  /**
   * The cost moved out of activation: requiring the engine bundle (dist/engine.js, which the extension loads on
   * its first scan) and scanning a small file with it, in the same process right after activate(). Absent when
   * there is no engine bundle beside the extension bundle (or given).
   */
  firstScanMs?: number;
  /** The engine bundle's require alone, part of `firstScanMs`. */
  engineRequireMs?: number;
  error?: string;
}

/** A small file for the first scan: one finding (a generic password) among ordinary code. */
const FIRST_SCAN_FILE = 'src/config.ts';
const FIRST_SCAN_TEXT = [
  "import { connect } from './db';",
  '',
  'export const settings = {',
  "  host: process.env.DB_HOST ?? 'localhost',",
  "  password: 'Tr0ub4dor-and-3-horses',",
  '  retries: 3,',
  '};',
  '',
  'export const db = connect(settings);',
  '',
].join('\n');

/**
 * Loads `dist/extension.js` with a fake `vscode` module injected through `Module._load` and runs
 * `activate()` (awaiting it when it returns a promise). Outside VS Code: a lower bound of the real cost,
 * which also includes the host's own work. Then, when the engine bundle exists, times the first scan
 * (`firstScanMs`), so that the cost activation no longer pays stays visible.
 */
export async function measureActivation(bundle: string, engineBundle = path.join(path.dirname(bundle), 'engine.js')): Promise<ActivationFigure> {
  const fake = createFakeVscode(path.dirname(path.dirname(bundle)));
  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const originalLoad = loader._load;
  loader._load = function load(request: string, parent: unknown, isMain: boolean) {
    if (request === 'vscode') return fake.module;
    return originalLoad.call(this, request, parent, isMain);
  };
  try {
    const started = startSpan();
    const extension = require(bundle) as { activate(context: unknown): unknown };
    const requireMs = started.cpuMs();
    const activateStarted = startSpan();
    await extension.activate(fake.context);
    const activateMs = activateStarted.cpuMs();
    const figure: ActivationFigure = {
      requireMs,
      activateMs,
      totalMs: requireMs + activateMs,
      apis: [...new Set(fake.calls)],
      subscriptions: (fake.context.subscriptions as unknown[]).length,
    };
    if (fs.existsSync(engineBundle)) {
      const scanStarted = startSpan();
      const engine = require(engineBundle) as { scanText(text: string, fileName: string): { findings: unknown[] } };
      figure.engineRequireMs = scanStarted.cpuMs();
      engine.scanText(FIRST_SCAN_TEXT, FIRST_SCAN_FILE);
      figure.firstScanMs = scanStarted.cpuMs();
    }
    return figure;
  } catch (error) {
    return { requireMs: NaN, activateMs: NaN, totalMs: NaN, apis: [...new Set(fake.calls)], subscriptions: 0, error: (error as Error).message.slice(0, 200) };
  } finally {
    loader._load = originalLoad;
  }
}

// Run as a child process by the bench so that the bundle is required cold, exactly once:
// `node out/bench/activation.js <extension bundle> [engine bundle, default: engine.js beside it]`.
if (require.main === module) {
  void measureActivation(path.resolve(process.argv[2]), process.argv[3] ? path.resolve(process.argv[3]) : undefined).then((figure) => {
    process.stdout.write(JSON.stringify(figure));
    // Timers or watchers started by activate() must not keep this measuring process alive.
    process.exit(0);
  });
}
