/** Command-line parsing: the contract other tools rely on (see README "Usage"). */
import { parseArgs } from 'node:util';
import { isUserKind, USER_KINDS, type UserKind } from '../core/file-kind.js';
import { SEVERITIES, type Severity } from '../core/finding.js';
import { UsageError } from '../discover/errors.js';
import { FORMATS, type Format } from '../report/index.js';

export type FailOn = Severity | 'none';

export type Command =
  | { name: 'lint'; paths: string[]; format: Format; failOn: FailOn; config?: string; kind?: UserKind; opensshVersion?: string; debug: boolean; color?: boolean }
  | { name: 'rules'; format: 'text' | 'json' }
  | { name: 'explain'; rule: string }
  | { name: 'version' }
  | { name: 'help' };

export function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        'fail-on': { type: 'string' },
        config: { type: 'string', short: 'c' },
        kind: { type: 'string' },
        'openssh-version': { type: 'string' },
        debug: { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { name: 'help' };
  if (values.version) return { name: 'version' };
  const [first, ...rest] = positionals;
  if (first === 'rules') return { name: 'rules', format: values.format === 'json' ? 'json' : 'text' };
  if (first === 'explain') {
    if (rest.length !== 1) throw new UsageError('usage: sshlint explain RULE (an id such as SSH104, or an alias)');
    return { name: 'explain', rule: rest[0]! };
  }
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const failOn = values['fail-on'] ?? 'error';
  if (failOn !== 'none' && !(SEVERITIES as readonly string[]).includes(failOn)) {
    throw new UsageError(`--fail-on must be one of ${[...SEVERITIES, 'none'].join(', ')}`);
  }
  if (values.kind !== undefined && !isUserKind(values.kind)) throw new UsageError(`--kind must be one of ${USER_KINDS.join(', ')}`);
  const command: Command = {
    name: 'lint',
    paths: positionals.length > 0 ? positionals : ['.'],
    format: format as Format,
    failOn: failOn as FailOn,
    debug: values.debug ?? false,
  };
  if (values.config !== undefined) command.config = values.config;
  if (values.kind !== undefined) command.kind = values.kind as UserKind;
  if (values['openssh-version'] !== undefined) command.opensshVersion = values['openssh-version'];
  if (values.color) command.color = true;
  if (values['no-color']) command.color = false;
  return command;
}

export const HELP = `sshlint — static analysis for SSH configuration and keys

Usage:
  sshlint [options] [PATH...]   analyse files and directories (default: .)
  sshlint rules [--format json] list the rules
  sshlint explain RULE          a rule's documentation (id such as SSH104, or alias)

Options:
  -f, --format FORMAT        text (default), json, sarif, github
      --fail-on LEVEL        exit 1 when a finding is at least: error (default), warning, note, none
  -c, --config FILE          configuration file (default: .sshlint.yml or .github/sshlint.yml)
      --kind KIND            treat the named files as: ${USER_KINDS.join(', ')}
      --openssh-version X.Y  the OpenSSH release to check against (default: the newest known)
      --color, --no-color    force colour on or off (default: on a terminal, unless NO_COLOR)
      --debug                stack traces on internal errors
  -v, --version              print the version
  -h, --help                 this help

Exit status: 0 no finding at or above --fail-on, 1 there is one, 2 usage or internal error.
`;
