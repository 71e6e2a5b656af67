import rule from '../../src/rules/authorized-keys/unrestricted-forced-command.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const K = KEYS.ed25519;

ruleTable(rule, {
  valid: [
    { name: 'no command', text: `${K}\nno-pty ${K}\n` },
    { name: 'restrict', text: `restrict,command="/usr/bin/backup" ${K}\n` },
    { name: 'restrict with pty re-enabled (sshd(8) example)', text: `restrict,pty,command="nethack" ${K}\n` },
    { name: 'restrict after command', text: `command="/usr/bin/backup",restrict ${K}\n` },
    { name: 'port forwarding explicitly re-enabled', text: `restrict,port-forwarding,command="/bin/tunnel-only" ${K}\n` },
    { name: 'no-port-forwarding', text: `command="/usr/bin/backup",no-port-forwarding ${K}\n` },
    { name: 'all no- flags', text: `no-port-forwarding,no-agent-forwarding,no-X11-forwarding,no-pty,command="/usr/bin/backup" ${K}\n` },
    { name: 'forwarding limited with permitopen', text: `command="/bin/true",permitopen="localhost:5432" ${K}\n` },
    { name: 'forwarding limited with permitlisten', text: `command="/bin/true",permitlisten="localhost:8080" ${K}\n` },
    { name: 'upper-case flags', text: `NO-PORT-FORWARDING,COMMAND="x" ${K}\n` },
  ],
  invalid: [
    { name: 'bare command', text: `command="/usr/local/bin/backup" ${K} backup@nas\n`, hits: [{ line: 1, column: 1, endColumn: 32, message: 'agent and X11 forwarding are also left on' }] },
    { name: 'after other options', text: `no-pty,command="rrsync -ro /srv" ${K}\n`, hits: [{ line: 1, column: 8, endColumn: 33, message: 'ssh -N -L' }] },
    { name: 'only agent and X11 disabled', text: `command="x",no-agent-forwarding,no-X11-forwarding ${K}\n`, hits: [{ line: 1, message: 'port forwarding is still allowed:' }] },
    { name: 'agent forwarding disabled only', text: `no-agent-forwarding,command="x" ${K}\n`, hits: [{ line: 1, message: '(X11 forwarding is also left on)' }] },
    { name: 'sshd(8) tunnel example', text: `tunnel="0",command="sh /etc/netstart tun0" ${K}\n`, hits: [{ line: 1, column: 12 }] },
    { name: 'CA line', text: `cert-authority,command="/bin/deploy" ${KEYS.ca}\n`, hits: [{ line: 1, message: 'unless the certificates themselves lack permit-port-forwarding' }] },
  ],
});
