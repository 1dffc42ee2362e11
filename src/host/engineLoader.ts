import * as fs from 'fs';
import * as path from 'path';
import type * as EngineEntry from '../engineEntry';

/** What the host calls in the detection engine at run time (src/engineEntry.ts). */
export type Engine = typeof EngineEntry;

let loaded: Engine | undefined;

/**
 * The detection engine, loaded on first use. The rules, detectors and format parsers are about two thirds of
 * the extension's code; compiling them at activation cost every VS Code start ~30 ms of CPU, although they are
 * only needed once a document is scanned (after activate() returns). So they are a separate bundle,
 * dist/engine.js, required here on the first call. Host modules import only types from the scanner.
 *
 * The path is computed so that esbuild leaves this require alone instead of inlining the engine: bundled, this
 * module lives in dist/extension.js beside dist/engine.js; compiled by tsc alone (out/, as the tests load host
 * modules) the entry is out/src/engineEntry.js beside out/src/host/.
 */
export function engine(): Engine {
  if (!loaded) {
    const bundled = path.join(__dirname, 'engine.js');
    loaded = require(fs.existsSync(bundled) ? bundled : path.join(__dirname, '..', 'engineEntry')) as Engine;
  }
  return loaded;
}
