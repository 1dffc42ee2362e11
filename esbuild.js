// Bundles the entry points: the VS Code extension, the detection engine it loads on its first scan, and the
// `keyguard` CLI. Type-checking is separate (`npm run typecheck`), as esbuild only strips types.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * One build context per entry so each bundle stays independent. dist/engine.js holds the scanner (rules,
 * detectors, format parsers: most of the code) and is required by dist/extension.js on first use, through a
 * computed path that esbuild does not follow (src/host/engineLoader.ts), so activation does not compile it.
 * dist/cli.js stays self-contained.
 */
const entries = [
  { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
  { entryPoints: ['src/engineEntry.ts'], outfile: 'dist/engine.js' },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

async function main() {
  const contexts = await Promise.all(
    entries.map((entry) =>
      esbuild.context({
        ...entry,
        bundle: true,
        format: 'cjs',
        platform: 'node',
        // jsonc-parser's UMD `main` hides its requires from esbuild; its ESM build bundles cleanly.
        mainFields: ['module', 'main'],
        target: 'node18',
        minify: production,
        sourcemap: !production,
        sourcesContent: false,
        external: ['vscode'],
        logLevel: 'warning',
      }),
    ),
  );
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
