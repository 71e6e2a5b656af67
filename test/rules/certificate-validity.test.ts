import { describe, expect, it } from 'vitest';
import rule, { FOREVER, formatCertTime } from '../../src/rules/public-key/certificate-validity.js';
import { CERTS, CERT_KEYS } from '../fixtures/certificates.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const cert = (line: string) => `${line}\n`;
const endOfKey = (line: string) => line.split(' ').slice(0, 2).join(' ').length + 1;

ruleTable(rule, {
  valid: [
    { name: 'valid 2026-01-01 to 2027-12-31 (TEST_NOW is 2026-11-24)', text: cert(CERTS.valid) },
    { name: 'a host certificate in its window', text: cert(CERTS.host) },
    { name: 'a plain key', text: `${CERT_KEYS.user} alice@laptop\n` },
    { name: 'valid 2025-01-01 to 2099-12-31', text: cert(KEYS.ed25519Cert) },
    { name: 'RSA CA', text: cert(CERTS.signedRsaSha512) },
  ],
  invalid: [
    { name: 'expired', text: cert(CERTS.expired), hits: [{ line: 1, column: 1, endColumn: endOfKey(CERTS.expired), message: 'expired on 2021-01-01T00:00:00Z' }] },
    { name: 'valid_before equal to now is expired', text: cert(CERTS.expiresAtTestNow), hits: [{ line: 1, message: 'expired on 2026-11-24T00:00:00Z' }] },
    { name: 'not yet valid', text: cert(CERTS.notYetValid), hits: [{ line: 1, message: 'not valid until 2030-01-01T00:00:00Z' }] },
    { name: 'not yet valid, and forever', text: cert(CERTS.notYetValidForever), hits: [{ line: 1, message: 'not valid until' }, { line: 1, message: 'from 2030-01-01T00:00:00Z forever' }] },
    { name: '-V always:forever', text: cert(CERTS.forever), hits: [{ line: 1, message: 'never expires (valid always:forever)' }] },
    { name: 'no -V: forever by default', text: `# issued by hand\n${CERTS.defaultValidity}\n`, hits: [{ line: 2, message: 'never expires' }] },
  ],
});

describe('certificate times', () => {
  it('formats times in UTC ISO form, and out-of-range ones as numbers', () => {
    expect(formatCertTime(0n)).toBe('1970-01-01T00:00:00Z');
    expect(formatCertTime(1798675200n)).toBe('2026-12-31T00:00:00Z');
    expect(formatCertTime(FOREVER - 1n)).toBe('18446744073709551614 seconds after 1970');
  });
});
