#!/usr/bin/env node
/**
 * Developer-only: extracts OpenSSH's algorithm tables, release by release, from a
 * git mirror of openssh-portable. Never run by tests or CI.
 *
 *   node scripts/extract-algorithms.mjs /path/to/openssh-portable[.git] [--json] [--update FILE]
 *
 * For every release tag V_7_4_P1 … V_10_5_P1 it reads, as a default portable
 * build on Linux with OpenSSL 3 would compile them (see DEFINED below):
 *   cipher.c  `ciphers[]`       → cipher_alg_list(): names without CFLAG_INTERNAL (7.6+)
 *                                 or with number SSH_CIPHER_SSH2 (7.4, 7.5); the rest are "internal"
 *   mac.c     `macs[]`          → mac_alg_list()
 *   kex.c / kex-names.c `kexalgs[]` (names via the KEX_* defines of kex.h) → kex_alg_list()
 *   sshkey.c  `keytypes[]` (≤ 9.1) or `keyimpls[]` + the sshkey_*_impl structs (9.2+)
 *                               → sshkey_alg_list(0, 0, 1) ("key") and (0, 1, 1) ("sig"),
 *                                 plus the short names sshkey_type_from_name() accepted
 *   myproposal.h                → KEX_SERVER_* / KEX_CLIENT_* / KEX_DEFAULT_PK_ALG /
 *                                 SSH_ALLOWED_CA_SIGALGS, filtered by the "all" lists as
 *                                 servconf.c / readconf.c do (match_filter_allowlist, 8.2+)
 *
 * Output: by default the TypeScript block that sits between the GENERATED markers of
 * src/openssh/algorithms.ts; `--json` prints the raw per-release data; `--update FILE`
 * rewrites that block in FILE. Review the diff before committing it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const mirrorArg = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--update');
if (!mirrorArg) {
  console.error('usage: extract-algorithms.mjs MIRROR [--json] [--update FILE]');
  process.exit(2);
}
const gitDir = existsSync(join(mirrorArg, '.git')) ? join(mirrorArg, '.git') : mirrorArg;
const wantJson = args.includes('--json');
const updateIdx = args.indexOf('--update');
const updateFile = updateIdx >= 0 ? args[updateIdx + 1] : undefined;

function git(...a) {
  return execFileSync('git', ['--git-dir', gitDir, ...a], { encoding: 'utf8', maxBuffer: 64 << 20 });
}
function show(tag, path) {
  try {
    return execFileSync('git', ['--git-dir', gitDir, 'show', `${tag}:${path}`], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}

// --------------------------------------------------------------- releases

const RELEASE_RE = /^V_(\d+)_(\d+)_P1$/;
const TAGS = git('tag')
  .split('\n')
  .filter((t) => RELEASE_RE.test(t))
  .map((t) => {
    const [, ma, mi] = RELEASE_RE.exec(t);
    return { tag: t, release: `${ma}.${mi}`, key: Number(ma) * 100 + Number(mi) };
  })
  .filter((t) => t.key >= 704 && t.key <= 1005)
  .sort((a, b) => a.key - b.key);

// ------------------------------------------------------- mini preprocessor

/** What a default portable build (Linux, OpenSSL 3, a C99 compiler) defines. */
const DEFINED = new Map(
  Object.entries({
    WITH_OPENSSL: '1',
    OPENSSL_HAS_ECC: '1',
    OPENSSL_HAS_NISTP521: '1',
    OPENSSL_HAVE_EVPGCM: '1',
    OPENSSL_HAVE_EVPCTR: '1',
    HAVE_EVP_SHA256: '1',
    HAVE_EVP_SHA384: '1',
    HAVE_EVP_SHA512: '1',
    HAVE_EVP_RIPEMD160: '1',
    OPENSSL_HAS_ED25519: '1',
    ENABLE_SK: '1',
    USE_SNTRUP761X25519: '1',
    USE_MLKEM768X25519: '1',
    USE_MLDSA: '1',
    WITH_ZLIB: '1',
    OPENSSL_VERSION_NUMBER: '0x30000000',
  }),
);
// Deliberately undefined: WITH_SSH1, WITH_XMSS, OPENSSL_NO_DES / _BF / _CAST / _RC4.
// WITH_DSA: configure defined it unless --disable-dsa-keys up to 9.7; from 9.8 it
// needs --enable-dsa-keys (10.0 deleted DSA). Set per release in the main loop.
let releaseDefs = new Map();

function stripComments(src) {
  let out = '';
  for (let i = 0; i < src.length; ) {
    const c = src[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const body = src.slice(i, end < 0 ? src.length : end + 2);
      out += body.replace(/[^\n]/g, ' ');
      i = end < 0 ? src.length : end + 2;
    } else if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function evalCondition(expr, defs) {
  let e = expr.replace(/defined\s*\(\s*(\w+)\s*\)|defined\s+(\w+)/g, (_, a, b) => (defs.has(a ?? b) ? '1' : '0'));
  e = e.replace(/\b([A-Za-z_]\w*)\b/g, (_, id) => (defs.has(id) ? defs.get(id) || '1' : '0'));
  e = e.replace(/\b(0x[0-9a-fA-F]+|\d+)[uUlL]*\b/g, '$1');
  if (!/^[\s0-9a-fA-Fx()!&|<>=+-]*$/.test(e)) throw new Error(`cannot evaluate #if ${expr}`);
  return Boolean(Function(`"use strict"; return (${e || '0'});`)());
}

/**
 * Runs the conditionals of a C file; returns the kept text and the object-like
 * macros it defined (bodies as written).
 */
function preprocess(src, extraDefs = new Map()) {
  const defs = new Map([...DEFINED, ...releaseDefs, ...extraDefs]);
  const text = stripComments(src.replace(/\\\r?\n/g, ' '));
  const macros = new Map();
  const stack = []; // { active, taken, parentActive }
  const kept = [];
  const active = () => stack.every((s) => s.active);
  for (const line of text.split('\n')) {
    const m = /^\s*#\s*(\w+)\s*(.*)$/.exec(line);
    if (!m) {
      if (active()) kept.push(line);
      continue;
    }
    const [, dir, rest] = m;
    const parentActive = active();
    switch (dir) {
      case 'if':
      case 'ifdef':
      case 'ifndef': {
        const cond =
          dir === 'if' ? evalCondition(rest, defs) : dir === 'ifdef' ? defs.has(rest.trim()) : !defs.has(rest.trim());
        stack.push({ active: cond, taken: cond });
        break;
      }
      case 'elif': {
        const top = stack[stack.length - 1];
        const cond = !top.taken && evalCondition(rest, defs);
        top.active = cond;
        top.taken ||= cond;
        break;
      }
      case 'else': {
        const top = stack[stack.length - 1];
        top.active = !top.taken;
        top.taken = true;
        break;
      }
      case 'endif':
        stack.pop();
        break;
      case 'define':
        if (parentActive) {
          const d = /^(\w+)(\([^)]*\))?\s*(.*)$/.exec(rest);
          if (d && !d[2]) {
            macros.set(d[1], d[3].trim());
            defs.set(d[1], d[3].trim() || '1');
          }
        }
        break;
      case 'undef':
        if (parentActive) {
          macros.delete(rest.trim());
          defs.delete(rest.trim());
        }
        break;
      default:
        break;
    }
  }
  return { text: kept.join('\n'), macros };
}

/** Expands a macro body made of string literals and macro names into one string. */
function expandString(body, macros, depth = 0) {
  if (depth > 20) throw new Error('macro recursion');
  let out = '';
  const re = /"((?:[^"\\]|\\.)*)"|([A-Za-z_]\w*)|(\S)/g;
  let m;
  while ((m = re.exec(body))) {
    if (m[1] !== undefined) out += m[1];
    else if (m[2] !== undefined) {
      if (!macros.has(m[2])) throw new Error(`unknown macro ${m[2]}`);
      out += expandString(macros.get(m[2]), macros, depth + 1);
    } else if (m[3] !== undefined) throw new Error(`unexpected ${m[3]} in macro body ${body}`);
  }
  return out;
}

/** The top-level `{ … }` initialisers of the array named `name`. */
function arrayEntries(text, declRe) {
  const m = declRe.exec(text);
  if (!m) return undefined;
  let i = text.indexOf('{', m.index + m[0].length - 1);
  const entries = [];
  let depth = 0;
  let start = -1;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '{') {
      depth++;
      if (depth === 2) start = i + 1;
    } else if (c === '}') {
      if (depth === 2) entries.push(text.slice(start, i));
      depth--;
      if (depth === 0) break;
    } else if (depth === 1 && c !== ',' && !/\s/.test(c) && start < 0) {
      // pointer arrays: &sshkey_x_impl, NULL
    }
  }
  return { entries, body: text.slice(m.index, i) };
}

function splitFields(entry) {
  const fields = [];
  let cur = '';
  let depth = 0;
  for (let i = 0; i < entry.length; i++) {
    const c = entry[i];
    if (c === '"') {
      let j = i + 1;
      while (entry[j] !== '"') j += entry[j] === '\\' ? 2 : 1;
      cur += entry.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '(' || c === '{') depth++;
    if (c === ')' || c === '}') depth--;
    if (c === ',' && depth === 0) {
      fields.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim()) fields.push(cur.trim());
  return fields;
}

const str = (field) => {
  const m = /^"((?:[^"\\]|\\.)*)"$/.exec(field.trim());
  return m ? m[1] : undefined;
};

function structFields(text, structName) {
  const m = new RegExp(`struct\\s+${structName}\\s*\\{([^}]*)\\}`).exec(text);
  if (!m) throw new Error(`struct ${structName} not found`);
  return m[1]
    .split(';')
    .map((d) => /(\w+)\s*(\[[^\]]*\])?\s*$/.exec(d.trim())?.[1])
    .filter(Boolean);
}

// ---------------------------------------------------------------- extractors

function ciphers(tag) {
  const { text, macros } = preprocess(show(tag, 'cipher.c'));
  const fields = structFields(text, 'sshcipher');
  const { entries } = arrayEntries(text, /static\s+const\s+struct\s+sshcipher\s+ciphers\s*\[\]\s*=\s*\{/);
  const cflagInternal = macros.get('CFLAG_INTERNAL'); // CFLAG_NONE from 7.6
  const all = [];
  const internal = [];
  for (const e of entries) {
    const f = splitFields(e);
    const name = str(f[0]);
    if (!name) continue;
    const rec = Object.fromEntries(fields.map((k, i) => [k, f[i]]));
    let isInternal;
    if ('number' in rec) isInternal = rec.number !== 'SSH_CIPHER_SSH2';
    else {
      if (!cflagInternal) throw new Error(`${tag}: no CFLAG_INTERNAL`);
      isInternal = (rec.flags ?? '').includes(cflagInternal);
    }
    (isInternal ? internal : all).push(name);
  }
  return { all, internal };
}

function macs(tag) {
  const { text } = preprocess(show(tag, 'mac.c'));
  const { entries } = arrayEntries(text, /static\s+const\s+struct\s+macalg\s+macs\s*\[\]\s*=\s*\{/);
  return entries.map((e) => str(splitFields(e)[0])).filter(Boolean);
}

function kexes(tag) {
  const header = preprocess(show(tag, 'kex.h'));
  const file = show(tag, 'kex-names.c') ?? show(tag, 'kex.c');
  const { text } = preprocess(file);
  const { entries } = arrayEntries(text, /static\s+const\s+struct\s+kexalg\s+kexalgs\s*\[\]\s*=\s*\{/);
  const names = [];
  for (const e of entries) {
    const first = splitFields(e)[0];
    if (first === 'NULL') continue;
    names.push(str(first) ?? expandString(first, header.macros));
  }
  return names;
}

/** keyimpls in order, each { name, shortname, cert, sigonly }. */
function keyImpls(tag) {
  const src = show(tag, 'sshkey.c');
  const { text } = preprocess(src);
  if (/struct\s+keytype\s+keytypes\s*\[\]/.test(text)) {
    const fields = structFields(text, 'keytype');
    const { entries } = arrayEntries(text, /static\s+const\s+struct\s+keytype\s+keytypes\s*\[\]\s*=\s*\{/);
    return entries
      .map((e) => Object.fromEntries(fields.map((k, i) => [k, splitFields(e)[i]])))
      .filter((r) => r.type !== '-1')
      .map((r) => ({ name: str(r.name) ?? null, shortname: str(r.shortname) ?? null, cert: r.cert === '1', sigonly: r.sigonly === '1' }));
  }
  const decl = /const\s+struct\s+sshkey_impl\s*\*\s*const\s+keyimpls\s*\[\]\s*=\s*\{([^}]*)\}/.exec(text);
  if (!decl) throw new Error(`${tag}: no keytypes/keyimpls`);
  const ids = [...decl[1].matchAll(/&(\w+)/g)].map((m) => m[1]);
  const fields = structFields(preprocess(show(tag, 'sshkey.h')).text, 'sshkey_impl');
  const files = git('ls-tree', '--name-only', tag)
    .split('\n')
    .filter((f) => /^(ssh-[\w-]+|sshkey[\w-]*)\.c$/.test(f));
  const impls = new Map();
  for (const f of files) {
    const t = preprocess(show(tag, f), new Map([['WITH_DSA', '1'], ['WITH_XMSS', '1']])).text;
    for (const m of t.matchAll(/const\s+struct\s+sshkey_impl\s+(\w+)\s*=\s*\{([^}]*)\}/g)) {
      const f2 = splitFields(m[2]);
      const r = Object.fromEntries(fields.map((k, i) => [k, f2[i]]));
      impls.set(m[1], { name: str(r.name) ?? null, shortname: str(r.shortname) ?? null, cert: r.cert === '1', sigonly: r.sigonly === '1' });
    }
  }
  return ids.map((id) => {
    const impl = impls.get(id);
    if (!impl) throw new Error(`${tag}: ${id} not found`);
    return impl;
  });
}

/** sshkey_alg_list(certs_only, plain_only, include_sigonly) as of that tag. */
function algList(impls, { plainOnly, includeSigonly }) {
  // 7.8's keytypes[] lists the RSA certificate entries twice, so its sshkey_alg_list()
  // repeats them; kex_assemble_names() drops repeats anyway, so keep the first only.
  return [
    ...new Set(
      impls
        .filter((k) => k.name !== null && (includeSigonly || !k.sigonly) && !(plainOnly && k.cert))
        .map((k) => k.name),
    ),
  ];
}

function proposals(tag) {
  const { macros } = preprocess(show(tag, 'myproposal.h'));
  const get = (n) => (macros.has(n) ? expandString(macros.get(n), macros).split(',').filter(Boolean) : undefined);
  return {
    serverKex: get('KEX_SERVER_KEX'),
    clientKex: get('KEX_CLIENT_KEX'),
    pk: get('KEX_DEFAULT_PK_ALG'),
    serverEnc: get('KEX_SERVER_ENCRYPT'),
    clientEnc: get('KEX_CLIENT_ENCRYPT'),
    serverMac: get('KEX_SERVER_MAC'),
    clientMac: get('KEX_CLIENT_MAC'),
    caSig: get('SSH_ALLOWED_CA_SIGALGS'),
  };
}

/**
 * Which myproposal.h lists readconf.c's fill_default_options() hands to
 * kex_assemble_names() for ciphers/macs/kex: KEX_CLIENT_* except in 7.8 and 7.9,
 * which passed KEX_SERVER_* (fixed in 8.0). Read from the source, not assumed.
 */
function clientUsesServerLists(tag) {
  const rc = show(tag, 'readconf.c');
  return /ASSEMBLE\(ciphers,\s*KEX_SERVER_ENCRYPT/.test(rc);
}

function filterAllow(list, all) {
  // match_filter_allowlist(proposal, filter): the proposal's names that match the
  // filter pattern-list; all names here are literal.
  return list.filter((n) => all.includes(n));
}

// --------------------------------------------------------------------- main

const data = [];
for (const { tag, release, key } of TAGS) {
  releaseDefs = new Map(key < 908 ? [['WITH_DSA', '1']] : []);
  const c = ciphers(tag);
  const mac = macs(tag);
  const kex = kexes(tag);
  const impls = keyImpls(tag);
  const keyAll = algList(impls, { plainOnly: false, includeSigonly: true });
  const sigAll = algList(impls, { plainOnly: true, includeSigonly: true });
  // Before 9.9 sshkey_type_from_name() also matched the short name of plain types.
  // (7.4's nameless "RSA1" entry is left out: sshkey_names_valid2() refused that type.)
  const shortNames =
    key < 909 ? [...new Set(impls.filter((k) => k.name && !k.cert && k.shortname).map((k) => k.shortname))] : [];
  const p = proposals(tag);
  const serverLists = clientUsesServerLists(tag);
  const filtered = key >= 802; // match_filter_allowlist of the defaults from 8.2
  const def = (list, all) => {
    if (!list) return undefined;
    const kept = filterAllow(list, all);
    if (!filtered && kept.length !== list.length)
      console.error(`${release}: default names not compiled: ${list.filter((n) => !all.includes(n))}`);
    return filtered ? kept : list;
  };
  data.push({
    release,
    cipher: c.all,
    cipherInternal: c.internal,
    mac,
    kex,
    key: keyAll,
    sig: sigAll,
    shortNames,
    defaults: {
      server: {
        cipher: def(p.serverEnc, c.all),
        mac: def(p.serverMac, mac),
        kex: def(p.serverKex, kex),
        key: def(p.pk, keyAll),
        sig: def(p.caSig, sigAll),
      },
      client: {
        cipher: def(serverLists ? p.serverEnc : p.clientEnc, c.all),
        mac: def(serverLists ? p.serverMac : p.clientMac, mac),
        kex: def(serverLists ? p.serverKex : p.clientKex, kex),
        key: def(p.pk, keyAll),
        sig: def(p.caSig, sigAll),
      },
    },
  });
}

if (wantJson) {
  console.log(JSON.stringify(data, null, 1));
  process.exit(0);
}

// Collapse consecutive releases with equal lists into spans.
function spans(get) {
  const out = [];
  for (const d of data) {
    const names = get(d);
    if (names === undefined) continue;
    const last = out[out.length - 1];
    const prevIdx = data.indexOf(d) - 1;
    if (last && last.to === data[prevIdx]?.release && JSON.stringify(last.names) === JSON.stringify(names)) last.to = d.release;
    else out.push({ from: d.release, to: d.release, names });
  }
  return out;
}

function emit(name, doc, sp) {
  const lines = [`/** ${doc} */`, `const ${name}: readonly Span[] = [`];
  for (const s of sp) {
    lines.push(`  {`, `    from: '${s.from}',`, `    to: '${s.to}',`, `    names: [`);
    let line = '';
    for (const n of s.names) {
      const item = `'${n}',`;
      if (line && line.length + 1 + item.length > 110) {
        lines.push(`      ${line}`);
        line = item;
      } else line = line ? `${line} ${item}` : item;
    }
    if (line) lines.push(`      ${line}`);
    lines.push(`    ],`, `  },`);
  }
  lines.push('];');
  return lines.join('\n');
}

const block = [
  `// Generated by scripts/extract-algorithms.mjs from openssh-portable tags ${TAGS[0].tag} … ${TAGS[TAGS.length - 1].tag}; reviewed by hand.`,
  `export const EXTRACTED_RELEASES = [${TAGS.map((t) => `'${t.release}'`).join(', ')}] as const;`,
  emit('CIPHER_SPANS', 'cipher_alg_list(): `ciphers[]` minus CFLAG_INTERNAL, in table order.', spans((d) => d.cipher)),
  emit('CIPHER_INTERNAL_SPANS', '`ciphers[]` entries refused in configuration (CFLAG_INTERNAL; SSH_CIPHER_NONE before 7.6).', spans((d) => d.cipherInternal)),
  emit('MAC_SPANS', 'mac_alg_list(): `macs[]` in table order.', spans((d) => d.mac)),
  emit('KEX_SPANS', 'kex_alg_list(): `kexalgs[]` in table order.', spans((d) => d.kex)),
  emit('KEY_SPANS', 'sshkey_alg_list(0, 0, 1): every key type and signature algorithm, certificates included, in keyimpls order.', spans((d) => d.key)),
  emit('SIG_SPANS', 'sshkey_alg_list(0, 1, 1): plain key types and signature algorithms (the CASignatureAlgorithms universe).', spans((d) => d.sig)),
  emit('SHORT_NAME_SPANS', 'Short names sshkey_type_from_name() accepted case-insensitively for plain types (gone in 9.9).', spans((d) => (d.shortNames.length ? d.shortNames : undefined))),
  ...['server', 'client'].flatMap((side) =>
    ['cipher', 'mac', 'kex', 'key', 'sig'].map((cls) =>
      emit(
        `DEFAULT_${side.toUpperCase()}_${cls.toUpperCase()}_SPANS`,
        `${side} default for the ${cls} class, as ${side === 'server' ? 'servconf.c assemble_algorithms()' : 'readconf.c fill_default_options()'} assembles it.`,
        spans((d) => d.defaults[side][cls]),
      ),
    ),
  ),
].join('\n\n');

if (updateFile) {
  const src = readFileSync(updateFile, 'utf8');
  const begin = '// BEGIN GENERATED';
  const end = '// END GENERATED';
  const a = src.indexOf(begin);
  const b = src.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${updateFile}: markers not found`);
  writeFileSync(updateFile, `${src.slice(0, a + begin.length)}\n${block}\n${src.slice(b)}`);
  console.error(`updated ${updateFile}`);
} else {
  console.log(block);
}
