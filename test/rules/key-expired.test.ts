import rule from '../../src/rules/authorized-keys/key-expired.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

// TEST_NOW is 2026-11-24T00:00:00Z.
const K = KEYS.ed25519;

ruleTable(rule, {
  valid: [
    { name: 'no expiry', text: `${K}\n` },
    { name: 'future, UTC', text: `expiry-time="20271231Z" ${K}\n` },
    { name: 'future, UTC suffix', text: `expiry-time="20300101UTC" ${K}\n` },
    { name: 'exactly now is not yet expired (sshd: valid_before < now)', text: `expiry-time="20261124Z" ${K}\n` },
    // A local time may be up to 12 hours later than the same digits read as UTC.
    { name: 'local time that may still be in the future', text: `expiry-time="202611231200" ${K}\n` },
    { name: 'local date today', text: `expiry-time="20261124" ${K}\n` },
  ],
  invalid: [
    { name: 'past date, UTC', text: `expiry-time="20250101Z" ${K} contractor\n`, hits: [{ line: 1, column: 1, endColumn: 24, message: 'expired on 2025-01-01 UTC (692 days ago)' }] },
    { name: 'past time with seconds', text: `${K}\nno-pty,expiry-time="20261123235959Z" ${K}\n`, hits: [{ line: 2, column: 8, endColumn: 37, message: 'on 2026-11-23 23:59:59 UTC' }] },
    { name: 'local time past in every zone', text: `expiry-time="202611231159" ${K}\n`, hits: [{ line: 1, message: 'around 2026-11-23 11:59 server time' }] },
    { name: 'local date long ago', text: `expiry-time="20200101" ${K}\n`, hits: [{ line: 1, message: 'around 2020-01-01 server time' }] },
    { name: 'the earliest of several counts', text: `expiry-time="20300101Z",expiry-time="20200101Z" ${K}\n`, hits: [{ line: 1, column: 25, endColumn: 48 }] },
    { name: 'on a CA line', text: `cert-authority,expiry-time="20240601Z" ${KEYS.ca}\n`, hits: [{ line: 1, column: 16 }] },
  ],
});
