import rule from '../../src/rules/key-files/byte-order-mark.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

ruleTable(rule, {
  valid: [{ name: 'no BOM', text: `${KEYS.ed25519}\n` }],
  invalid: [
    { name: 'BOM before a key', bom: true, text: `${KEYS.ed25519} a\n${KEYS.rsa2048}\n`, hits: [{ line: 1, column: 1, message: 'skips this first key' }] },
    { name: 'BOM before a comment', bom: true, text: `# keys\n${KEYS.ed25519}\n`, hits: [{ line: 1, message: 'harmless on this comment line' }] },
    { name: 'BOM in a .pub', kind: 'public_key', bom: true, text: `${KEYS.ed25519}\n`, hits: [{ line: 1 }] },
  ],
});
