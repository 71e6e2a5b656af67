/** Entry point of the GitHub Action (dist/index.js): wiring only; the behaviour lives in action/run.ts. */
import { run } from './action/run.js';

await run();
