// Bundles the CLI (dist/cli.js) and the Action (dist/index.js) from src/: self-contained ESM
// files that run without node_modules. Deterministic, so `npm run check-dist` can prove dist/
// is what src/ builds.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Bundled CommonJS dependencies call require() for Node built-ins; ESM has none, so make one.
const requireShim = "import { createRequire as __sshlintCreateRequire } from 'node:module';\nconst require = __sshlintCreateRequire(import.meta.url);";

const entries = [
  // src/cli.ts carries its own #! line, which esbuild keeps first.
  { in: 'src/cli.ts', out: 'dist/cli.js', banner: requireShim },
  { in: 'src/action.ts', out: 'dist/index.js', banner: requireShim },
].filter((entry) => existsSync(new URL(`../${entry.in}`, import.meta.url)));

for (const entry of entries) {
  await build({
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    legalComments: 'none',
    charset: 'utf8',
    banner: { js: entry.banner },
    define: { __SSHLINT_VERSION__: JSON.stringify(version) },
    logLevel: 'warning',
  });
}
