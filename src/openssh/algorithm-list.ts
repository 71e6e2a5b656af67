/**
 * How OpenSSH turns the value of an algorithm-list keyword (Ciphers, MACs,
 * KexAlgorithms, HostKeyAlgorithms, PubkeyAcceptedAlgorithms,
 * HostbasedAcceptedAlgorithms, CASignatureAlgorithms) into the list it uses, per
 * release, for sshd (servconf.c) and ssh (readconf.c).
 *
 * Two stages, as in OpenSSH:
 *
 * 1. Parse (the keyword's case in servconf.c / readconf.c). Unless the value starts
 *    with `-` (7.5+), the names after an optional `+` (or `^`, 8.1+) are checked:
 *    - Ciphers (`ciphers_valid`), MACs (`mac_valid`), KexAlgorithms
 *      (`kex_names_valid`): every name must be exact and known; no wildcards; the
 *      `none` cipher is refused (CFLAG_INTERNAL).
 *    - the key keywords (`sshkey_names_valid2(…, allow_wildcard=1)`): a name must be
 *      a known key type / signature algorithm, a short name ("RSA", "ECDSA" …,
 *      case-insensitive, up to 9.8), or a pattern that matches (or negatively
 *      matches) some known name. CASignatureAlgorithms refuses certificate names
 *      from 9.4.
 *    The check stops at the first empty element (`a,,b` checks only `a`), and an
 *    empty first element passes, except for Ciphers/MACs from 10.4 (`found`).
 *    A failure is fatal in sshd; ssh refuses the file.
 *
 * 2. Assemble (`kex_assemble_names`, when defaults are filled in; 7.8+ form):
 *    - `+list`: the default, then the names not yet in it (stops at an empty element);
 *    - `-list`: the default minus every name the pattern-list matches; not checked,
 *      may hold unknown names and wildcards; the result may be empty (no error);
 *    - `^list` (8.1+): the names first, then the default;
 *    - otherwise the list replaces the default.
 *    Except for `-`, every element is then expanded as a pattern against the names
 *    the release knows (in OpenSSH's table order), duplicates dropped, first wins;
 *    unknown names silently select nothing; an element starting with `!` is an
 *    error, and so is an empty result ("invalid argument").
 *    Before 7.8 there was no expansion: an explicit list was used as written.
 *
 * Not handled here (the tokenizer's business): splitting the line into words.
 * `Ciphers a, b` is two words, and sshd 8.7+ rejects the extra one ("extra
 * arguments at end of line"); a quoted `"a b"` is one word and fails the name check.
 * Pass the single argument, unquoted. Nor which occurrence wins (the first one).
 */
import { matchPatternList } from './match.js';
import {
  defaultAlgorithms,
  isKnownAlgorithm,
  keyTypeShortNames,
  knownAlgorithms,
  type AlgorithmClass,
  type Side,
} from './algorithms.js';
import { compareReleases } from '../core/version.js';

export { isKnownAlgorithm } from './algorithms.js';

export type AlgorithmKeyword =
  | 'Ciphers'
  | 'MACs'
  | 'KexAlgorithms'
  | 'HostKeyAlgorithms'
  | 'PubkeyAcceptedAlgorithms'
  | 'HostbasedAcceptedAlgorithms'
  | 'CASignatureAlgorithms';

export const KEYWORD_CLASS: Record<AlgorithmKeyword, AlgorithmClass> = {
  Ciphers: 'cipher',
  MACs: 'mac',
  KexAlgorithms: 'kex',
  HostKeyAlgorithms: 'key',
  PubkeyAcceptedAlgorithms: 'key',
  HostbasedAcceptedAlgorithms: 'key',
  CASignatureAlgorithms: 'sig',
};

/** The keyword a class stands for when resolveAlgorithmList() is given a class. */
const CLASS_KEYWORD: Record<AlgorithmClass, AlgorithmKeyword> = {
  cipher: 'Ciphers',
  mac: 'MACs',
  kex: 'KexAlgorithms',
  key: 'PubkeyAcceptedAlgorithms',
  sig: 'CASignatureAlgorithms',
};

const SPELLINGS: Record<string, AlgorithmKeyword> = {
  ciphers: 'Ciphers',
  macs: 'MACs',
  kexalgorithms: 'KexAlgorithms',
  hostkeyalgorithms: 'HostKeyAlgorithms',
  pubkeyacceptedalgorithms: 'PubkeyAcceptedAlgorithms',
  pubkeyacceptedkeytypes: 'PubkeyAcceptedAlgorithms',
  hostbasedacceptedalgorithms: 'HostbasedAcceptedAlgorithms',
  casignaturealgorithms: 'CASignatureAlgorithms',
};

/**
 * The algorithm-list keyword a configuration keyword is (case-insensitive), with
 * the old spellings: PubkeyAcceptedKeyTypes (both sides), HostbasedAcceptedKeyTypes
 * (sshd), HostbasedKeyTypes (ssh). Whether the spelling exists in a given release
 * is the keyword tables' business.
 */
export function algorithmKeyword(keyword: string, side: Side): AlgorithmKeyword | undefined {
  const k = keyword.toLowerCase();
  if (side === 'server' && k === 'hostbasedacceptedkeytypes') return 'HostbasedAcceptedAlgorithms';
  if (side === 'client' && k === 'hostbasedkeytypes') return 'HostbasedAcceptedAlgorithms';
  return SPELLINGS[k];
}

export interface AlgorithmListError {
  /**
   * The words sshd / ssh print. Parse errors are printed after "FILE line N: "
   * (sshd: `sshd_config line 3: Bad SSH2 cipher spec 'aes*'.`); assemble errors as is.
   */
  message: string;
  /** The list element at fault, when there is one. */
  name?: string;
  /**
   * 'parse': the keyword's own check. 'assemble': kex_assemble_names() (7.8+).
   * sshd: both are fatal. ssh: fatal, except that 8.5–10.3 only log an assemble
   * error of fill_default_options() and go on with the list unset (a bug fixed in
   * 10.4); for HostKeyAlgorithms the error comes when connecting (ssh_kex2).
   */
  stage: 'parse' | 'assemble';
  /** A line OpenSSH logs just before `message` (kex_names_valid's "Unsupported KEX algorithm"). */
  detail?: string;
}

export type AlgorithmListResult =
  | {
      ok: true;
      /**
       * The list OpenSSH uses, in preference order. Empty when a `-` list removed
       * everything: sshd then offers nothing and every key exchange fails (seen on
       * 9.2p1: "no matching cipher found"), although `sshd -T` prints the default
       * (it assembles a second time, and an empty list means "default" there).
       */
      effective: string[];
      /** Names in `effective` that are not in the default. */
      added: string[];
      /** Names of the default that are not in `effective`. */
      removed: string[];
      /**
       * Before 7.8 an explicit key-type list was kept as written, patterns and
       * short names included; `effective` then holds them unexpanded.
       */
      unexpanded?: true;
    }
  | { ok: false; error: AlgorithmListError };

const atLeast = (release: string, v: string): boolean => compareReleases(release, v) >= 0;

// ------------------------------------------------------------ OpenSSH's match.c


/** match_list(list, name) as kex_names_cat uses it: exact, and blind past an empty element. */
function listHas(list: string, name: string): boolean {
  for (const p of list.split(',')) {
    if (p === '') return false;
    if (p === name) return true;
  }
  return false;
}

/** kex_names_cat(a, b): a as is, then b's names not yet present, up to b's first empty element. */
function namesCat(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  let ret = a;
  for (const p of b.split(',')) {
    if (p === '') break;
    if (!listHas(ret, p)) ret += `,${p}`;
  }
  return ret;
}

/** filter_list(): the proposal's names the filter pattern-list matches (allow) or does not (deny). */
function filterList(proposal: readonly string[], filter: string, deny: boolean): string[] {
  return proposal.filter((n) => n !== '' && (deny ? matchPatternList(n, filter) !== 1 : matchPatternList(n, filter) === 1));
}

// ------------------------------------------------------------------- parse stage

interface Bad {
  name?: string;
}

/** The elements strsep() loops see: up to (not including) the first empty one. */
function checkedElements(list: string): string[] {
  const out: string[] = [];
  for (const p of list.split(',')) {
    if (p === '') break;
    out.push(p);
  }
  return out;
}

function validate(keyword: AlgorithmKeyword, list: string, release: string): Bad | undefined {
  if (list === '') return {};
  const cls = KEYWORD_CLASS[keyword];
  const elements = checkedElements(list);
  if (cls === 'cipher' || cls === 'mac' || cls === 'kex') {
    for (const p of elements) if (!isKnownAlgorithm(cls, p, release)) return { name: p };
    // ciphers_valid / mac_valid demand one name from 10.4; kex_names_valid never did.
    if (elements.length === 0 && cls !== 'kex' && atLeast(release, '10.4')) return {};
    return undefined;
  }
  // sshkey_names_valid2(names, allow_wildcard=1, plain_only)
  const impls = knownAlgorithms('key', release);
  const shortNames = keyTypeShortNames(release).map((s) => s.toLowerCase());
  const plainOnly = keyword === 'CASignatureAlgorithms' && atLeast(release, '9.4');
  for (const p of elements) {
    const known = impls.includes(p) || shortNames.includes(p.toLowerCase());
    if (known) {
      if (plainOnly && p.endsWith('-cert-v01@openssh.com')) return { name: p };
      continue;
    }
    if (!impls.some((n) => matchPatternList(n, p) !== 0)) return { name: p };
  }
  return undefined;
}

function parseMessage(keyword: AlgorithmKeyword, side: Side, release: string, value: string): string {
  switch (KEYWORD_CLASS[keyword]) {
    case 'cipher':
      return `Bad SSH2 cipher spec '${value}'.`;
    case 'mac':
      if (side === 'server') return `Bad SSH2 mac spec '${value}'.`;
      return atLeast(release, '8.1') ? `Bad SSH2 MAC spec '${value}'.` : `Bad SSH2 Mac spec '${value}'.`;
    case 'kex':
      return `Bad SSH2 KexAlgorithms '${value}'.`;
    default:
      return `Bad key types '${value}'.`;
  }
}

function missingArgument(keyword: AlgorithmKeyword, side: Side, release: string): string {
  const cls = KEYWORD_CLASS[keyword];
  if (side === 'server' && (cls === 'cipher' || cls === 'mac' || cls === 'kex') && atLeast(release, '8.7')) {
    // sshd prints the keyword as the file spells it.
    return `${keyword} missing argument.`;
  }
  return 'Missing argument.';
}

// ---------------------------------------------------------------- assemble stage

function assembleMessage(keyword: AlgorithmKeyword, side: Side, release: string): string {
  const renamed = atLeast(release, '8.5');
  const what: Record<AlgorithmKeyword, string> = {
    Ciphers: 'ciphers',
    MACs: 'macs',
    KexAlgorithms: 'kex_algorithms',
    HostKeyAlgorithms: 'hostkeyalgorithms',
    PubkeyAcceptedAlgorithms: renamed ? 'pubkey_accepted_algos' : 'pubkey_key_types',
    HostbasedAcceptedAlgorithms: renamed ? 'hostbased_accepted_algos' : 'hostbased_key_types',
    CASignatureAlgorithms: 'ca_sign_algorithms',
  };
  if (side === 'server') return `assemble_algorithms: ${what[keyword]}: invalid argument`;
  if (keyword === 'HostKeyAlgorithms') {
    return renamed ? 'ssh_kex2: kex_assemble_namelist: invalid argument' : 'ssh_kex2: kex_assemble_namelist';
  }
  return `fill_default_options: ${what[keyword]}: invalid argument`;
}

function done(effective: string[], def: readonly string[], unexpanded = false): AlgorithmListResult {
  return {
    ok: true,
    effective,
    added: effective.filter((n) => !def.includes(n)),
    removed: def.filter((n) => !effective.includes(n)),
    ...(unexpanded ? { unexpanded: true as const } : {}),
  };
}

/**
 * The list sshd (`side` 'server') or ssh ('client') of that release ends up with
 * for `keyword value`, or the error it stops with. `keyword` may also be a class
 * ('key' stands for PubkeyAcceptedAlgorithms). `value` is the keyword's single
 * argument, unquoted. Throws RangeError for a release outside 7.4 … 10.5.
 */
export function resolveAlgorithmList(
  keyword: AlgorithmKeyword | AlgorithmClass,
  value: string,
  release: string,
  side: Side,
): AlgorithmListResult {
  const kw: AlgorithmKeyword = keyword in KEYWORD_CLASS ? (keyword as AlgorithmKeyword) : CLASS_KEYWORD[keyword as AlgorithmClass];
  const cls = KEYWORD_CLASS[kw];
  const all = knownAlgorithms(cls, release); // also checks the release
  const parseError = (message: string, name?: string, detail?: string): AlgorithmListResult => ({
    ok: false,
    error: { message, stage: 'parse', ...(name !== undefined ? { name } : {}), ...(detail ? { detail } : {}) },
  });
  const def = defaultAlgorithms(cls, release, side);
  if (def === undefined) {
    // CASignatureAlgorithms before 7.9: the keyword does not exist.
    return parseError(`Bad configuration option: ${kw.toLowerCase()}`);
  }
  if (value === '') return parseError(missingArgument(kw, side, release));

  const head = value[0];
  const minus = head === '-' && atLeast(release, '7.5');
  const caret = head === '^' && atLeast(release, '8.1');
  const plus = head === '+';
  const rest = plus || minus || caret ? value.slice(1) : value;

  if (!minus) {
    const bad = validate(kw, rest, release);
    if (bad) {
      const detail =
        cls === 'kex' && bad.name !== undefined ? `Unsupported KEX algorithm "${bad.name.slice(0, 100)}"` : undefined;
      return parseError(parseMessage(kw, side, release, value), bad.name, detail);
    }
  }

  const defString = def.join(',');
  if (minus) return done(filterList(def, rest, true), def);

  if (!atLeast(release, '7.8')) {
    // No pattern expansion yet: the list is used as written (a `+` list appended).
    const written = (plus ? namesCat(defString, rest) : rest).split(',').filter((n) => n !== '');
    const unexpanded = written.some((n) => !all.includes(n));
    return done(written, def, unexpanded);
  }

  const list = plus ? namesCat(defString, rest) : caret ? namesCat(rest, defString) : rest;
  let ret = '';
  for (const cp of list.split(',')) {
    if (cp.startsWith('!')) {
      return { ok: false, error: { message: assembleMessage(kw, side, release), name: cp, stage: 'assemble' } };
    }
    ret = namesCat(ret, filterList(all, cp, false).join(','));
  }
  if (ret === '') return { ok: false, error: { message: assembleMessage(kw, side, release), stage: 'assemble' } };
  return done(ret.split(','), def);
}
