// Fails when the committed dist/ differs from what `npm run build` makes of src/.
import { execFileSync } from 'node:child_process';

execFileSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
const diff = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' });
if (diff.trim() !== '') {
  console.error(`dist/ is stale: rebuild with \`npm run build\` and commit it.\n${diff}`);
  process.exit(1);
}
console.log('dist/ matches src/.');
