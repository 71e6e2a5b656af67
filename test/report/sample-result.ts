import type { Finding } from '../../src/core/finding.js';
import type { LintResult } from '../../src/core/lint-result.js';
import type { RuleMeta } from '../../src/core/rule-meta.js';

export const SPLIT_KEY: RuleMeta = {
  id: 'SSH104',
  alias: 'key-split-across-lines',
  kinds: ['authorized_keys'],
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'A key is split across lines.',
    what: 'A key entry continues on the next line.',
    why: 'sshd reads one key per line and rejects both halves.',
    bad: 'ssh-ed25519 AAAAC3Nza\nC1lZDI1NTE5AAAAI alice',
    good: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI alice',
    references: ['sshd(8) AUTHORIZED_KEYS FILE FORMAT'],
  },
};

export const ROOT_LOGIN: RuleMeta = {
  id: 'SSH210',
  alias: 'permit-root-login',
  kinds: ['sshd_config'],
  category: 'unsafe-setting',
  severity: 'warning',
  docs: {
    summary: 'Root may log in with a password.',
    what: 'PermitRootLogin is yes.',
    why: 'Root becomes a password-guessing target.',
    bad: 'PermitRootLogin yes',
    good: 'PermitRootLogin prohibit-password',
    references: [],
  },
};

export const COMMITTED_KEY: RuleMeta = {
  id: 'SSH900',
  alias: 'private-key-committed',
  kinds: ['private_key'],
  category: 'secret-exposure',
  severity: 'error',
  docs: {
    summary: 'A private key is committed.',
    what: 'The file holds an unencrypted private key.',
    why: 'Anyone who can read the repository can log in as its owner.',
    bad: '```\n-----BEGIN OPENSSH PRIVATE KEY-----',
    good: '(no such file)',
    references: [],
  },
};

export function finding(overrides: Partial<Finding> & Pick<Finding, 'file' | 'line' | 'column'>): Finding {
  return {
    ruleId: SPLIT_KEY.id,
    alias: SPLIT_KEY.alias,
    severity: 'error',
    category: 'malformed',
    message: 'Key is split across lines.',
    ...overrides,
  };
}

/** Two files, three severities, a help, a related location, a multi-line span, and a finding of a rule not in `rules`. */
export const SAMPLE: LintResult = {
  filesScanned: 4,
  rules: [SPLIT_KEY, ROOT_LOGIN],
  findings: [
    finding({ file: 'keys/authorized_keys', line: 3, column: 1, endLine: 4, endColumn: 18, help: 'Join the two lines.' }),
    finding({
      ruleId: 'SSH099',
      alias: 'trailing-whitespace',
      severity: 'note',
      category: 'hygiene',
      file: 'etc/ssh/sshd_config',
      line: 30,
      column: 5,
      message: 'Trailing whitespace.',
    }),
    finding({
      ruleId: ROOT_LOGIN.id,
      alias: ROOT_LOGIN.alias,
      severity: 'warning',
      category: 'unsafe-setting',
      file: 'etc/ssh/sshd_config',
      line: 12,
      column: 1,
      endLine: 12,
      endColumn: 20,
      message: 'Root may log in with a password.',
      related: [{ file: 'etc/ssh/sshd_config', line: 2, column: 1, message: 'Match block starts here.' }],
    }),
  ],
};

export const EMPTY: LintResult = { filesScanned: 1, rules: [SPLIT_KEY], findings: [] };

/** Strings that have broken reporters elsewhere: quotes, control characters, line separators, lone surrogates, workflow commands. */
export const HOSTILE_STRINGS = [
  'say "hi" \\ back',
  'tab\there\u0000nul\u001b[31mred\u001b[0m',
  'line\u2028separator\u2029paragraph',
  'lone \ud800 high and \udc00 low',
  'x\n::error::pwned',
  'percent %0A and %25',
  'colon::colon, comma',
  'cr\r::warning file=a::pwned',
  'rtl \u202e override',
];
