#!/usr/bin/env node
/** Entry point of the `sshlint` command: wiring only; the behaviour lives in cli/run-cli.ts. */
import { runCli } from './cli/run-cli.js';

const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  colorByDefault: Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined,
});
process.exitCode = code;
