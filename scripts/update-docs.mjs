// Regenerates the README rule table and docs/rules/<ID>.md from the rules' own documentation.
// (The docs test fails when either is stale.)
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// Inside node_modules so the bundle resolves the project's packages.
const dir = path.resolve('node_modules/.cache/sshlint-docs');
mkdirSync(dir, { recursive: true });
try {
  const outfile = path.join(dir, 'write-docs.mjs');
  await build({ entryPoints: ['src/docs/write-docs.ts'], outfile, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning', packages: 'external' });
  const { writeDocs } = await import(pathToFileURL(outfile).href);
  writeDocs(process.cwd());
} finally {
  rmSync(dir, { recursive: true, force: true });
}
