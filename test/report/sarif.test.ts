import { describe, expect, it } from 'vitest';
import { SEVERITIES, type Finding } from '../../src/core/finding.js';
import type { LintResult } from '../../src/core/lint-result.js';
import { FINGERPRINT_KEY, formatSarif, SARIF_MAX_RESULTS } from '../../src/report/sarif.js';
import { COMMITTED_KEY, EMPTY, finding, HOSTILE_STRINGS, ROOT_LOGIN, SAMPLE, SPLIT_KEY } from './sample-result.js';

function sarif(result: LintResult): any {
  return JSON.parse(formatSarif(result, { toolVersion: '1.2.3' }));
}

/**
 * No SARIF schema or validator is installed, so the parts of SARIF 2.1.0 that GitHub code
 * scanning requires are checked by hand.
 */
function expectValidSarif(log: any): void {
  expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
  expect(log.version).toBe('2.1.0');
  expect(log.runs).toHaveLength(1);
  const [run] = log.runs;
  expect(run.tool.driver).toMatchObject({ name: 'sshlint', version: '1.2.3', informationUri: expect.stringMatching(/^https:\/\//) });
  const rules: any[] = run.tool.driver.rules;
  expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
  for (const rule of rules) {
    expect(rule).toMatchObject({ id: expect.any(String), name: expect.any(String), shortDescription: { text: expect.any(String) } });
    expect(SEVERITIES).toContain(rule.defaultConfiguration.level);
    expect(rule.properties.tags.length).toBeLessThanOrEqual(20);
    if ('security-severity' in rule.properties) {
      expect(rule.properties.tags).toContain('security');
      expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
      expect(Number(rule.properties['security-severity'])).toBeLessThanOrEqual(10);
    }
  }
  expect(run.results.length).toBeLessThanOrEqual(SARIF_MAX_RESULTS);
  for (const result of run.results) {
    expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
    expect(SEVERITIES).toContain(result.level);
    expect(typeof result.message.text).toBe('string');
    expect(typeof result.partialFingerprints[FINGERPRINT_KEY]).toBe('string');
    for (const location of [...result.locations, ...(result.relatedLocations ?? [])]) {
      const { artifactLocation, region } = location.physicalLocation;
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(artifactLocation.uri).not.toMatch(/^\/|\\|^[a-z]+:/i);
      expect(() => decodeURI(artifactLocation.uri)).not.toThrow();
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
    }
  }
}

function fingerprints(result: LintResult): string[] {
  return sarif(result).runs[0].results.map((r: any) => r.partialFingerprints[FINGERPRINT_KEY]);
}

describe('formatSarif', () => {
  it.each([
    ['no findings', EMPTY],
    ['the sample', SAMPLE],
    ['hostile strings', { filesScanned: 1, rules: [], findings: HOSTILE_STRINGS.map((text, i) => finding({ file: text, line: i + 1, column: 1, message: text })) }],
  ] as const)('is structurally valid: %s', (_name, result) => {
    expectValidSarif(sarif(result));
  });

  it('describes each rule from its metadata and docs', () => {
    expect(sarif({ filesScanned: 0, rules: [SPLIT_KEY], findings: [] }).runs[0].tool.driver.rules).toEqual([
      {
        id: 'SSH104',
        name: 'key-split-across-lines',
        shortDescription: { text: 'A key is split across lines.' },
        fullDescription: { text: 'A key entry continues on the next line.' },
        help: {
          text:
            'A key entry continues on the next line.\n\nWhy it matters: sshd reads one key per line and rejects both halves.\n\n' +
            'Bad:\n    ssh-ed25519 AAAAC3Nza\n    C1lZDI1NTE5AAAAI alice\n\nGood:\n    ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI alice',
          markdown:
            'A key entry continues on the next line.\n\n**Why it matters:** sshd reads one key per line and rejects both halves.\n\n' +
            'Bad:\n\n```text\nssh-ed25519 AAAAC3Nza\nC1lZDI1NTE5AAAAI alice\n```\n\n' +
            'Good:\n\n```text\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI alice\n```\n\n' +
            'References:\n\n- sshd(8) AUTHORIZED_KEYS FILE FORMAT\n\n' +
            '[Rule documentation](https://github.com/sshlint/sshlint/blob/main/docs/rules/SSH104.md)',
        },
        helpUri: 'https://github.com/sshlint/sshlint/blob/main/docs/rules/SSH104.md',
        defaultConfiguration: { level: 'error' },
        properties: { tags: ['malformed'] },
      },
    ]);
  });

  it.each([
    [SPLIT_KEY, undefined],
    [ROOT_LOGIN, '5.5'],
    [COMMITTED_KEY, '9.0'],
  ] as const)('gives security-severity only to security categories: %s', (meta, expected) => {
    const [rule] = sarif({ filesScanned: 0, rules: [meta], findings: [] }).runs[0].tool.driver.rules;
    expect(rule.properties['security-severity']).toBe(expected);
    expect(rule.properties.tags.includes('security')).toBe(expected !== undefined);
  });

  it('lengthens the markdown fence past backticks in an example', () => {
    const [rule] = sarif({ filesScanned: 0, rules: [COMMITTED_KEY], findings: [] }).runs[0].tool.driver.rules;
    expect(rule.help.markdown).toContain('Bad:\n\n````text\n```\n-----BEGIN OPENSSH PRIVATE KEY-----\n````');
  });

  it('writes results with locations, related locations and a rule for unknown rule ids', () => {
    const run = sarif(SAMPLE).runs[0];
    expect(run.tool.driver.rules.map((rule: any) => rule.id)).toEqual(['SSH104', 'SSH210', 'SSH099']);
    expect(run.results.map(({ partialFingerprints: _, ...rest }: any) => rest)).toEqual([
      {
        ruleId: 'SSH210',
        ruleIndex: 1,
        level: 'warning',
        message: { text: 'Root may log in with a password.' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'etc/ssh/sshd_config', uriBaseId: '%SRCROOT%' },
              region: { startLine: 12, startColumn: 1, endLine: 12, endColumn: 20 },
            },
          },
        ],
        relatedLocations: [
          {
            id: 1,
            physicalLocation: { artifactLocation: { uri: 'etc/ssh/sshd_config', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 1 } },
            message: { text: 'Match block starts here.' },
          },
        ],
      },
      {
        ruleId: 'SSH099',
        ruleIndex: 2,
        level: 'note',
        message: { text: 'Trailing whitespace.' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'etc/ssh/sshd_config', uriBaseId: '%SRCROOT%' }, region: { startLine: 30, startColumn: 5 } } }],
      },
      {
        ruleId: 'SSH104',
        ruleIndex: 0,
        level: 'error',
        message: { text: 'Key is split across lines.' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'keys/authorized_keys', uriBaseId: '%SRCROOT%' },
              region: { startLine: 3, startColumn: 1, endLine: 4, endColumn: 18 },
            },
          },
        ],
      },
    ]);
    expect(run.tool.driver.rules[2]).toEqual({
      id: 'SSH099',
      name: 'trailing-whitespace',
      shortDescription: { text: 'trailing-whitespace' },
      defaultConfiguration: { level: 'note' },
      properties: { tags: ['hygiene'] },
    });
    expect(run.invocations).toBeUndefined();
  });

  it('percent-encodes file paths into relative URIs', () => {
    const uri = (file: string) =>
      sarif({ filesScanned: 1, rules: [], findings: [finding({ file, line: 1, column: 1 })] }).runs[0].results[0].locations[0].physicalLocation
        .artifactLocation.uri;
    expect(uri('with space/a#b?c%d.pub')).toBe('with%20space/a%23b%3Fc%25d.pub');
    expect(uri('c:/x')).toBe('c%3A/x');
    expect(uri('bad\ud800name')).toBe('bad%EF%BF%BDname');
  });

  describe('fingerprints', () => {
    const twin = (line: number): Finding => finding({ file: 'a', line, column: 1, message: 'Same message.' });
    const base = [twin(3), twin(9), finding({ file: 'a', line: 5, column: 1, message: 'Other.' })];

    it('do not change when lines shift', () => {
      const shifted = base.map((f) => ({ ...f, line: f.line + 7 }));
      expect(fingerprints({ filesScanned: 1, rules: [], findings: shifted })).toEqual(fingerprints({ filesScanned: 1, rules: [], findings: base }));
    });

    it('tell identical findings apart and change with rule, file or message', () => {
      const prints = fingerprints({
        filesScanned: 2,
        rules: [],
        findings: [...base, { ...twin(3), file: 'b' }, { ...twin(3), ruleId: 'SSH105' }],
      });
      expect(new Set(prints).size).toBe(prints.length);
      expect(prints.every((print) => /^[0-9a-f]{32}$/.test(print))).toBe(true);
    });
  });

  it(`keeps the ${SARIF_MAX_RESULTS} most severe results and says so`, () => {
    const notes = Array.from({ length: SARIF_MAX_RESULTS }, (_, i) => finding({ file: 'a', line: i + 1, column: 1, severity: 'note', message: `n${i}` }));
    const error = finding({ file: 'z', line: 1, column: 1, severity: 'error' });
    const [run] = sarif({ filesScanned: 2, rules: [SPLIT_KEY], findings: [...notes, error] }).runs;
    expect(run.results).toHaveLength(SARIF_MAX_RESULTS);
    expect(run.results.at(-1).ruleId).toBe('SSH104');
    expect(run.results.at(-1).level).toBe('error');
    expect(run.results.at(-2).message.text).toBe(`n${SARIF_MAX_RESULTS - 2}`);
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            descriptor: { id: 'results-truncated' },
            level: 'warning',
            message: { text: expect.stringContaining('reported the 25000 most severe, dropped 1') },
          },
        ],
      },
    ]);
  });
});
