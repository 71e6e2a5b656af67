/**
 * sshlint's side of the oracle comparison: the full pipeline on the exact bytes OpenSSH
 * read, which lines a `malformed` finding covers, and readable reports of disagreements.
 * Plus `ssh-keygen -l` as a second oracle, for .pub files.
 */
import { spawn } from 'node:child_process';
import { createSourceFile } from '../../src/core/source.js';
import type { Finding } from '../../src/core/finding.js';
import { parseVersion } from '../../src/core/version.js';
import { defaultConfig } from '../../src/config/config.js';
import { lintSource } from '../../src/engine/lint-source.js';
import { buildRuleSet } from '../../src/engine/rule-set.js';
import { parseAuthorizedKeys } from '../../src/parse/authorized-keys.js';
import type { KeyFileModel, KeyLine } from '../../src/parse/key-file-model.js';
import { RULES } from '../../src/rules/index.js';
import { DEFAULT_POLICY } from '../../src/rules/rule.js';
import { SSH_KEYGEN, sshdLines } from './openssh.js';
import type { LineVerdict } from './openssh.js';

export const VERSION = parseVersion('9.2')!;
const RULE_SET = buildRuleSet(RULES, defaultConfig());
/** Fixed clock: nothing here may depend on the day the suite runs. */
const NOW = Date.UTC(2025, 0, 1) / 1000;

export type KeyFileKind = 'authorized_keys' | 'public_key';

export interface SshlintView {
  model: KeyFileModel;
  findings: Finding[];
  /** The malformed findings that cover 1-based line `n` (a finding may span lines). */
  malformedOn(n: number): Finding[];
}

/** Decodes as src/discover/read-file.ts does: strip one UTF-8 BOM, replace invalid UTF-8. */
export function decodeLikeReadFile(bytes: Uint8Array): { text: string; hasBom: boolean } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  return { text: new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body), hasBom };
}

export function lintBytes(bytes: Uint8Array, kind: KeyFileKind, path: string = kind): SshlintView {
  const { text, hasBom } = decodeLikeReadFile(bytes);
  const source = createSourceFile(path, text, hasBom);
  const model = parseAuthorizedKeys(source, VERSION, kind);
  const findings = lintSource(source, kind, RULE_SET, { version: VERSION, policy: DEFAULT_POLICY, now: NOW });
  const malformed = findings.filter((f) => f.category === 'malformed');
  return {
    model,
    findings,
    malformedOn: (n) => malformed.filter((f) => f.line <= n && n <= (f.endLine ?? f.line)),
  };
}

/**
 * The one documented divergence: a CRLF file's empty line is a lone CR to sshd, which
 * tries to read a key from it and skips it (harmlessly); sshlint strips the CR of a CRLF
 * ending and sees a blank line.
 */
export function isCrlfBlank(line: Uint8Array): boolean {
  let i = 0;
  while (line[i] === 0x20 || line[i] === 0x09) i++;
  return line[i] === 0x0d && i === line.length - 1;
}

export interface Disagreement {
  /** Case id and the line's number within the case (1-based). */
  where: string;
  /** 1-based line in the checked file. */
  line: number;
  text: string;
  oracle: string;
  sshlint: string;
}

export function showLine(bytes: Uint8Array, max = 160): string {
  // Invisible and look-alike characters (NBSP, em space, BOM, U+FFFD…) as \u escapes.
  const text = JSON.stringify(Buffer.from(bytes).toString('utf8')).replace(
    /[\u007f-\u00a0\u00ad\u2000-\u206f\u3000\ufeff\ufffd]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return text.length > max ? `${text.slice(0, max - 20)}…${text.slice(-18)}` : text;
}

export function describeModelLine(entry: KeyLine | undefined): string {
  if (!entry) return 'no such line';
  if (entry.status !== 'rejected') return entry.status;
  const r = entry.rejection;
  const detail =
    r.code === 'option' ? `: ${r.error.sshdMessage}` : r.code === 'key' ? `: ${r.failure.code}${r.failure.code === 'invalid-blob' ? ` (${r.failure.error.code})` : ''}` : '';
  return `rejected (${r.code}${detail})`;
}

export function describeFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'no malformed finding';
  return findings
    .map((f) => `${f.ruleId}/${f.alias} L${f.line}${f.endLine && f.endLine !== f.line ? `-${f.endLine}` : ''}: ${f.message}`)
    .join(' | ');
}

export function formatDisagreements(list: readonly Disagreement[], max = 40): string {
  const shown = list.slice(0, max).map(
    (d) => `- ${d.where} (file line ${d.line}) ${d.text}\n    oracle:  ${d.oracle}\n    sshlint: ${d.sshlint}`,
  );
  if (list.length > max) shown.push(`… and ${list.length - max} more`);
  return shown.join('\n');
}

/**
 * sshd's verdict against sshlint's, line by line:
 * skipped ⇔ exactly one malformed finding covers the line; parsed/ignored ⇔ none does.
 * `where(i)` names the case of 0-based line i.
 */
export function compareWithSshd(bytes: Uint8Array, verdicts: readonly LineVerdict[], where: (i: number) => string): Disagreement[] {
  const view = lintBytes(bytes, 'authorized_keys');
  const raw = sshdLines(bytes);
  const out: Disagreement[] = [];
  if (view.model.lines.length !== verdicts.length) {
    out.push({ where: 'file', line: 0, text: '', oracle: `${verdicts.length} lines`, sshlint: `${view.model.lines.length} lines` });
  }
  verdicts.forEach((v, i) => {
    const covering = view.malformedOn(v.line);
    const line = raw[i] ?? new Uint8Array();
    const crlfBlank = isCrlfBlank(line);
    const ok = crlfBlank
      ? v.verdict === 'skipped' && covering.length === 0
      : v.verdict === 'skipped'
        ? covering.length === 1
        : covering.length === 0;
    if (!ok) {
      out.push({
        where: where(i),
        line: v.line,
        text: showLine(line),
        oracle: `sshd ${v.verdict}${v.reason ? ` (${v.reason})` : ''}${crlfBlank ? ' [CRLF blank line: sshlint must see a blank line]' : ''}`,
        sshlint: `${describeModelLine(view.model.lines[i])}; ${describeFindings(covering)}`,
      });
    }
  });
  return out;
}

/** Rejections that explain a line by its surroundings, whatever sshd's own reason. */
const CONTEXT_CODES = new Set(['bom', 'pasted-block', 'split-key']);

/**
 * Loose agreement on *why* a line is skipped: sshd's log says which stage failed.
 * Returns a description of the mismatch, or undefined.
 */
export function reasonMismatch(verdict: LineVerdict, entry: KeyLine | undefined): string | undefined {
  if (verdict.verdict !== 'skipped' || !entry || entry.status !== 'rejected') return undefined;
  const code = entry.rejection.code;
  if (CONTEXT_CODES.has(code)) return undefined;
  const reason = verdict.reason ?? '';
  if (reason.startsWith('bad key options: ')) {
    const message = reason.slice('bad key options: '.length);
    if (code === 'option' && entry.rejection.error.sshdMessage === message) return undefined;
    return `sshd "${reason}", sshlint ${describeModelLine(entry)}`;
  }
  if (reason === 'invalid key option string') {
    return code === 'unterminated-quote' ? undefined : `sshd "${reason}", sshlint ${describeModelLine(entry)}`;
  }
  // "advance: …": no key after the options field; sshd never got as far as the options.
  return code === 'option' || code === 'unterminated-quote' ? `sshd "${reason.slice(0, 60)}", sshlint ${describeModelLine(entry)}` : undefined;
}

// ------------------------------------------------------------------ ssh-keygen

export interface KeygenResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `ssh-keygen -l -f path`, C locale, under a deadline (the process is killed when it passes). */
export function sshKeygenFingerprint(path: string, timeoutMs = 15_000): Promise<KeygenResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(SSH_KEYGEN, ['-l', '-f', path], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', TZ: 'UTC' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ssh-keygen -l -f ${path} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * ssh-keygen -l's verdict against sshlint's for a .pub file. `do_fingerprint` (ssh-keygen.c)
 * reads every line: it skips blanks, empty and `#` lines; reads a bare key (`sshkey_read`),
 * or else skips one leading token (quote-aware, as `sshkey_advance_past_options`; a token
 * that is a non-zero number followed by a blank is not skipped, so the line fails) and reads
 * the key after it, without parsing that token as options; and exits 0 if any line gave a key.
 * (A first line containing "PRIVATE KEY" switches to private-key loading: no case has one.)
 * So: exit 0 ⇔ some line sshlint does not ignore is covered by no malformed finding.
 */
export function compareWithKeygen(bytes: Uint8Array, result: KeygenResult, where: string): Disagreement | undefined {
  const view = lintBytes(bytes, 'public_key', 'key.pub');
  const usable = view.model.lines.filter((l) => l.status !== 'ignored' && view.malformedOn(l.line.number).length === 0);
  const keygenOk = result.code === 0;
  if (keygenOk === usable.length > 0) return undefined;
  const details = view.model.lines
    .filter((l) => l.status !== 'ignored')
    .map((l) => `L${l.line.number} ${describeModelLine(l)}; ${describeFindings(view.malformedOn(l.line.number))}`)
    .join(' || ');
  return {
    where,
    line: 0,
    text: showLine(bytes),
    oracle: `ssh-keygen -l exit ${result.code}${keygenOk ? '' : ` (${result.stderr.trim().split('\n').pop() ?? ''})`}`,
    sshlint: details || 'no non-ignored line',
  };
}

/** Runs `fn` over `items` with at most `limit` at a time, keeping order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
