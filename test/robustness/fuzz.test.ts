/**
 * Property-based fuzzing of every parser and of the whole pipeline: nothing throws, nothing hangs
 * (each input runs under a hang guard), every range a parser returns lies inside its line, every
 * finding inside its file, every output format stays well formed, and no output ever contains
 * private key material. FUZZ_RUNS sets the inputs per property (`npm run fuzz` runs many).
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { createSourceFile } from '../../src/core/source.js';
import { NEWEST_KNOWN_VERSION, OLDEST_KNOWN_VERSION, type OpenSSHVersion } from '../../src/core/version.js';
import { matchPattern, matchPatternList } from '../../src/openssh/match.js';
import { parseAuthorizedKeysLine, parsePublicKeyLine } from '../../src/parse/authorized-keys.js';
import { checkAddressPatternList, parseCidr } from '../../src/parse/address-patterns.js';
import { parseConfigFile } from '../../src/parse/config/parse-config-file.js';
import { a2port, convtime, cStrtol, hpdelim, scanScaled } from '../../src/parse/config/openssh-values.js';
import { strdelim } from '../../src/parse/config/tokenize-line.js';
import { tokenizeConfigLine } from '../../src/parse/config/tokenize-line.js';
import { parseKeyOptions } from '../../src/parse/key-options.js';
import { parseKnownHostsLine } from '../../src/parse/known-hosts.js';
import { findPastedBlocks } from '../../src/parse/pasted-blocks.js';
import { findPrivateKeys } from '../../src/parse/private-key.js';
import { parseSetupSource } from '../../src/parse/setup/parse-setup.js';
import { SETUP_KINDS } from '../../src/core/file-kind.js';
import { decodeBase64, decodeKeyBlob } from '../../src/ssh/index.js';
import { decodeLikeBPton } from '../../src/ssh/base64.js';
import { KEYS, blobOf } from '../fixtures/keys.js';
import { generatedKey } from '../fixtures/private-keys.js';
import { withoutHanging } from './hang-guard.js';

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const counts = new Map<string, number>();

/** fc.assert, every input under the hang guard, counted for the report. */
function fuzz<T>(name: string, arbitrary: fc.Arbitrary<T>, check: (value: T) => void, runs = FUZZ_RUNS): void {
  fc.assert(
    fc.property(arbitrary, (value) => {
      counts.set(name, (counts.get(name) ?? 0) + 1);
      withoutHanging(() => check(value));
    }),
    { numRuns: runs },
  );
}

afterAll(() => {
  if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, JSON.stringify(Object.fromEntries(counts), null, 2));
});

/** A key made by ssh-keygen for this run (none is committed); its body must never appear in any output. */
const PRIVATE_KEY = generatedKey('openssh-ed25519').text.trim().split('\n');
/** 24-character pieces of the key's body after its first line (which holds only the public header). */
const SECRET_CHUNKS = PRIVATE_KEY.slice(2, -1).map((bodyLine) => bodyLine.slice(0, 24)).filter((chunk) => chunk.length === 24);

const keyLines = Object.values(KEYS);
const blobs = keyLines.map(blobOf);
const fragment = fc.oneof(
  fc.constantFrom(...keyLines),
  fc.constantFrom(...blobs).map((b) => b.slice(0, 30)),
  fc.constantFrom('ssh-ed25519', 'ssh-rsa', 'rsa-sha2-512', 'ssh-dss', 'ecdsa-sha2-nistp256', 'sk-ssh-ed25519@openssh.com', 'ssh-ed25519-cert-v01@openssh.com'),
  fc.constantFrom('no-pty', 'restrict', 'command="ls"', 'command="a \\" b"', 'from="10.0.0.0/8,!*.x,192.168.*"', 'expiry-time="20991231"', 'environment="A=1"', 'permitopen="h:*"', 'principals="a,b"', 'cert-authority', ',', '"', '\\', '#', '@revoked', '@cert-authority', '|1|abc|def', '[h]:2222', '*', '!'),
  fc.constantFrom('Include', 'Match', 'Host', 'PermitRootLogin', 'Ciphers', 'KexAlgorithms', 'AuthorizedKeysFile', 'ListenAddress', 'Port', 'ProxyJump', 'LocalForward', 'yes', 'no', '+aes128-ctr', '-*cbc', '^ssh-ed25519', 'all', 'User', 'Address', '%h', '${HOME}', '~/.ssh/x', '=', '"', "'"),
  fc.constantFrom(' ', '  ', '\t', '', '\r', '\u0000', '\ufeff', '\u202e'),
  // Setup code: shell, YAML, Dockerfile, Terraform pieces.
  fc.constantFrom('ssh -o', 'StrictHostKeyChecking=no', '-i', 'cat <<EOF', 'cat <<-\'EOF\' > ~/.ssh/authorized_keys', 'EOF', '$(', ')', '`', '${', '}', '&&', '|', ';', '>>', 'chmod 777 ~/.ssh', 'chmod -R g+w', 'install -m 600', 'ssh-keyscan h >> ~/.ssh/known_hosts', 'GIT_SSH_COMMAND="ssh -A"', 'bash -c \'', '- run: |', 'run:', 'steps:', '#cloud-config', 'ssh_authorized_keys:', '- ', 'mode: 644', 'ansible.posix.authorized_key:', 'key:', 'lineinfile:', 'path: /etc/ssh/sshd_config', 'line:', 'runcmd:', 'RUN ', 'COPY id_rsa /root/.ssh/', '{{ x }}', '${{ secrets.K }}', '$$', 'resource "aws_key_pair" "k" {', 'public_key = "', 'user_data = <<-EOT', 'EOT'),
  fc.string({ maxLength: 16 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const line = fc.array(fragment, { maxLength: 8 }).chain((parts) => fc.constantFrom(' ', '', ',').map((glue) => parts.join(glue)));
const version = fc.constantFrom<OpenSSHVersion>(OLDEST_KNOWN_VERSION, { major: 8, minor: 6 }, { major: 9, minor: 2 }, { major: 9, minor: 9 }, NEWEST_KNOWN_VERSION);

/** Every `{ start, end }` anywhere in `value` lies within [0, length]. */
function expectRangesInside(value: unknown, length: number, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  const record = value as Record<string, unknown>;
  if (typeof record.start === 'number' && typeof record.end === 'number') {
    expect(record.start).toBeGreaterThanOrEqual(0);
    expect(record.end).toBeGreaterThanOrEqual(record.start);
    expect(record.end).toBeLessThanOrEqual(length);
  }
  for (const [key, child] of Object.entries(record)) if (key !== 'line' && key !== 'source') expectRangesInside(child, length, seen);
}

describe('parsers never throw and keep ranges inside the line', () => {
  it('key lines (authorized_keys, .pub, known_hosts)', () => {
    fuzz('key line parsers', fc.tuple(line, version), ([text, target]) => {
      for (const verdict of [parseAuthorizedKeysLine(text, target), parsePublicKeyLine(text, target), parsePublicKeyLine(text, target, true), parseKnownHostsLine(text, target)]) {
        expect(['ignored', 'parsed', 'rejected']).toContain(verdict.status);
        expectRangesInside(verdict, text.length);
      }
    });
  });

  it('authorized_keys options', () => {
    fuzz('key options', fc.tuple(line, version), ([text, target]) => expectRangesInside(parseKeyOptions(text, 0, target), text.length));
  });

  it('config lines and files', () => {
    fuzz('config tokenizer', fc.tuple(line, fc.boolean()), ([text, legacy]) => expectRangesInside(tokenizeConfigLine(text, legacy), text.length));
    fuzz('config files', fc.tuple(fc.array(line, { maxLength: 10 }), fc.constantFrom('sshd_config' as const, 'ssh_config' as const)), ([lines, kind]) => {
      const model = parseConfigFile(createSourceFile('f', lines.join('\n')), kind);
      for (const directive of model.directives) expectRangesInside({ ...directive, block: undefined }, directive.line.text.length);
    });
  });

  it('OpenSSH value parsers', () => {
    fuzz('openssh values', fc.string({ maxLength: 40 }), (text) => {
      cStrtol(text, 0);
      convtime(text, '9.2');
      a2port(text, '9.2');
      scanScaled(text);
      strdelim(text, 0);
      hpdelim(text);
      checkAddressPatternList(text, '9.2');
      parseCidr(text, '9.2');
    });
  });

  it('pattern matching agrees with match.c recursion', () => {
    const recursive = (s: string, p: string): boolean => {
      if (p === '') return s === '';
      if (p[0] === '*') return recursive(s, p.slice(1)) || (s !== '' && recursive(s.slice(1), p));
      return s !== '' && (p[0] === '?' || p[0] === s[0]) && recursive(s.slice(1), p.slice(1));
    };
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '*', '?', '.', ','), maxLength: 10 });
    fuzz('match patterns', fc.tuple(text, text), ([s, p]) => {
      expect(matchPattern(s, p)).toBe(recursive(s, p));
      expect([-1, 0, 1]).toContain(matchPatternList(s, p));
    });
  });

  it('base64: the native fast path agrees with b64_pton', () => {
    const text = fc.string({ unit: fc.constantFrom(...'AQgw/+=  \t\r\n\u0000-_*Z9'), maxLength: 24 });
    fuzz('base64', fc.oneof(text, fc.constantFrom(...blobs).chain((b) => fc.nat(b.length).map((cut) => b.slice(0, cut)))), (value) => {
      expect(decodeBase64(value)).toEqual(decodeLikeBPton(value));
    });
  });

  it('key blobs', () => {
    fuzz('key blobs', fc.tuple(fc.constantFrom(...blobs).map((b) => Buffer.from(b, 'base64')), fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 4 })), ([blob, edits]) => {
      const bytes = Uint8Array.from(blob);
      for (const [at, value] of edits) bytes[at % bytes.length] = value;
      expect(typeof decodeKeyBlob(bytes).ok).toBe('boolean');
    });
  });

  it('setup code (every kind) and the private-key finder', () => {
    fuzz('setup code', fc.tuple(fc.constantFrom(...SETUP_KINDS), fc.array(line, { maxLength: 12 })), ([kind, lines]) => {
      const source = createSourceFile('f', lines.join('\n'));
      const model = parseSetupSource(source, kind);
      const spans = [...model.modes, ...model.installations, ...model.commands.flatMap((command) => command.words)].map((item) => item.span);
      for (const span of spans) {
        expect(span.line).toBeGreaterThanOrEqual(1);
        expect(span.line).toBeLessThanOrEqual(Math.max(1, source.lines.length));
      }
      for (const document of model.embedded) expect(document.origins.every((origin) => origin.line >= 1 && origin.line <= Math.max(1, source.lines.length))).toBe(true);
      expect(Array.isArray(findPrivateKeys(source.text))).toBe(true);
    });
  });

  it('pasted blocks', () => {
    fuzz('pasted blocks', fc.array(fc.oneof(line, fc.constantFrom(...PRIVATE_KEY)), { maxLength: 12 }), (lines) => {
      const source = createSourceFile('f', lines.join('\n'));
      for (const block of findPastedBlocks(source.lines)) {
        expect(block.firstLine).toBeGreaterThanOrEqual(1);
        expect(block.lastLine).toBeLessThanOrEqual(source.lines.length);
      }
    });
  });
});

describe('the whole pipeline', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  const FILE_NAMES = [
    'authorized_keys',
    'known_hosts',
    'id.pub',
    'sshd_config',
    'ssh_config',
    'sshd_config.d/a.conf',
    '.ssh/config',
    'id_ed25519',
    'notes.txt',
    'deploy.sh',
    '.github/workflows/deploy.yml',
    'Dockerfile',
    'Makefile',
    'roles/ssh/tasks/main.yml',
    'user-data',
    'main.tf',
  ];
  const content = fc.array(fc.oneof({ weight: 5, arbitrary: line }, { weight: 1, arbitrary: fc.constant(PRIVATE_KEY.join('\n')) }), { maxLength: 12 }).map((lines) => lines.join('\n'));
  const tree = fc.dictionary(fc.constantFrom(...FILE_NAMES), content, { minKeys: 1, maxKeys: 4 });

  it('exits cleanly, keeps findings inside their files, well-formed output, no key material', async () => {
    await fc.assert(
      fc.asyncProperty(tree, fc.constantFrom('7.4', '9.2', '10.5'), async (files, release) => {
        counts.set('pipeline (4 formats each)', (counts.get('pipeline (4 formats each)') ?? 0) + 1);
        const root = mkdtempSync(path.join(tmpdir(), 'sshlint-fuzz-'));
        roots.push(root);
        for (const [name, text] of Object.entries(files)) {
          mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
          writeFileSync(path.join(root, name), text);
        }
        const outputs: Record<string, string> = {};
        for (const format of ['json', 'sarif', 'github', 'text']) {
          let stdout = '';
          let stderr = '';
          const code = await runCli(['--format', format, '--openssh-version', release, '.'], { cwd: root, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), colorByDefault: false });
          expect(stderr).toBe('');
          expect(code).toBeLessThan(2);
          outputs[format] = stdout;
        }
        const findings: { file: string; line: number; column: number; endLine?: number; endColumn?: number }[] = JSON.parse(outputs.json!).findings;
        for (const finding of findings) {
          const text = files[finding.file];
          if (text === undefined) continue; // a note on a directory
          const lines = createSourceFile(finding.file, text).lines;
          const last = finding.endLine ?? finding.line;
          expect(finding.line).toBeGreaterThanOrEqual(1);
          expect(last).toBeLessThanOrEqual(Math.max(1, lines.length));
          expect(finding.column).toBeLessThanOrEqual((lines[finding.line - 1]?.text.length ?? 0) + 1);
          if (finding.endColumn !== undefined) expect(finding.endColumn).toBeLessThanOrEqual((lines[last - 1]?.text.length ?? 0) + 1);
        }
        expect(JSON.parse(outputs.sarif!).runs[0].results).toHaveLength(findings.length);
        for (const command of outputs.github!.split('\n').filter(Boolean)) expect(command).toMatch(/^::(error|warning|notice) file=/);
        expect(outputs.text!.split('\n').some((l) => l.startsWith('::'))).toBe(false);
        for (const output of Object.values(outputs)) for (const secret of SECRET_CHUNKS) expect(output).not.toContain(secret);
      }),
      { numRuns: Math.max(10, Math.floor(FUZZ_RUNS / 10)) },
    );
  });
});
