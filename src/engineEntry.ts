/**
 * Entry of dist/engine.js, the detection engine as its own bundle (see esbuild.js). The extension loads it on
 * its first scan through src/host/engineLoader.ts, so that activation neither reads nor compiles the rules,
 * detectors and format parsers. Export here only what the host calls at run time; types come from src/engine.
 */
export { scanText } from './engine/scanner';
