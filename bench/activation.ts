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
  error?: string;
}

/**
 * Loads `dist/extension.js` with a fake `vscode` module injected through `Module._load` and runs
 * `activate()` (awaiting it when it returns a promise). Outside VS Code: a lower bound of the real cost,
 * which also includes the host's own work.
 */
export async function measureActivation(bundle: string): Promise<ActivationFigure> {
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
    return {
      requireMs,
      activateMs,
      totalMs: requireMs + activateMs,
      apis: [...new Set(fake.calls)],
      subscriptions: (fake.context.subscriptions as unknown[]).length,
    };
  } catch (error) {
    return { requireMs: NaN, activateMs: NaN, totalMs: NaN, apis: [...new Set(fake.calls)], subscriptions: 0, error: (error as Error).message.slice(0, 200) };
  } finally {
    loader._load = originalLoad;
  }
}

// Run as a child process by the bench so that the bundle is required cold, exactly once.
if (require.main === module) {
  void measureActivation(path.resolve(process.argv[2])).then((figure) => {
    process.stdout.write(JSON.stringify(figure));
    // Timers or watchers started by activate() must not keep this measuring process alive.
    process.exit(0);
  });
}
