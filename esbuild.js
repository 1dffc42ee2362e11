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

/**
 * Every `import * as vscode from 'vscode'` becomes esbuild's `__toESM(require('vscode'))`, which copies each of
 * the API object's properties onto a new object, once per importing module (~40 of them, and the real API has
 * hundreds of names): about 6 of the ~22 ms that bench/activation.ts measured for loading dist/extension.js.
 * Routing them all through one bundled module that re-exports 'vscode' makes that copy happen once.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

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
        plugins: [vscodeOnce],
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
