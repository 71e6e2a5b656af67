/** The CLI's behaviour, testable without a process: argv in, output and exit status out. */
import path from 'node:path';
import { ConfigError, loadConfig, readVersion } from '../config/config.js';
import { severityRank, type Finding } from '../core/finding.js';
import { UsageError } from '../discover/errors.js';
import { explainRule } from '../docs/rule-docs.js';
import { lintPaths } from '../engine/lint-files.js';
import { formatResult } from '../report/index.js';
import { RULES } from '../rules/index.js';
import { TOOL_VERSION } from '../version.js';
import { HELP, parseCommand, type FailOn } from './arguments.js';

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour for the text format when not forced by a flag. */
  colorByDefault: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

export function failsOn(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return findings.some((finding) => severityRank(finding.severity) >= severityRank(failOn));
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const command = parseCommand(argv);
    switch (command.name) {
      case 'help':
        io.stdout(HELP);
        return EXIT_OK;
      case 'version':
        io.stdout(`${TOOL_VERSION}\n`);
        return EXIT_OK;
      case 'rules':
        io.stdout(command.format === "json" ? `${JSON.stringify(RULES, null, 2)}\n` : listRules());
        return EXIT_OK;
      case 'explain': {
        const wanted = command.rule.toLowerCase();
        const rule = RULES.find((r) => r.id.toLowerCase() === wanted || r.alias === wanted);
        if (!rule) throw new UsageError(`no rule "${command.rule}" (see \`sshlint rules\`)`);
        io.stdout(explainRule(rule));
        return EXIT_OK;
      }
      case 'lint': {
        debug = command.debug;
        const config = loadConfig(io.cwd, command.config === undefined ? undefined : path.resolve(io.cwd, command.config));
        if (command.opensshVersion !== undefined) config.opensshVersion = readVersion('--openssh-version', command.opensshVersion);
        const result = await lintPaths(command.paths, { cwd: io.cwd, config, ...(command.kind ? { kind: command.kind } : {}) });
        io.stdout(formatResult(command.format, result, { toolVersion: TOOL_VERSION, color: command.color ?? io.colorByDefault }));
        return failsOn(result.findings, command.failOn) ? EXIT_FINDINGS : EXIT_OK;
      }
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`sshlint: ${error.message}\n`);
    } else {
      io.stderr(`sshlint: internal error: ${(error as Error)?.message ?? String(error)}\n`);
      if (debug) io.stderr(`${(error as Error)?.stack ?? ''}\n`);
      else io.stderr('Run again with --debug for details, and please report it.\n');
    }
    return EXIT_FAILURE;
  }
}

function listRules(): string {
  const width = Math.max(...RULES.map((rule) => rule.alias.length));
  return `${RULES.map((rule) => `${rule.id}  ${rule.alias.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.enabledByDefault === false ? '(off) ' : ''}${rule.docs.summary}`).join('\n')}\n`;
}
