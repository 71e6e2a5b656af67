#!/usr/bin/env node
/**
 * Developer tool: extracts sshd_config / ssh_config keyword facts from an
 * OpenSSH portable git mirror, one release tag at a time, so that the
 * hand-reviewed tables in src/openssh/*.ts can be (re)checked against the C.
 *
 * Never run by tests or CI (it needs a local mirror and takes a while).
 *
 *   node scripts/extract-keywords.mjs <openssh-portable git dir> [--json | --check]
 *
 *   (default)  human-readable summary per keyword: table presence, opcode,
 *              SSHCFG flags and #ifdef conditions as release ranges; the
 *              releases where the keyword's handler in
 *              process_server_config_line / process_config_line changed; the
 *              multistate table it parses with; defaults from
 *              fill_default_server_options / fill_default_options.
 *   --json     the same facts as JSON.
 *   --check    transpiles src/openssh/*.ts with esbuild and compares them
 *              with the extracted facts (keyword sets, lifecycle, aliases,
 *              Match flags, build conditions, choice values, simple
 *              defaults); exits 1 on any disagreement.
 *
 * What is extracted mechanically, per tag V_X_Y_P1 (7.4 and later):
 *   - servconf.c `keywords[]` (before 10.4), or the SSHCONF_* entry lists in
 *     servconf.h that 10.4 introduced, with the preprocessor conditions
 *     (#ifdef USE_PAM ... #else ...) each entry sits under;
 *   - readconf.c `keywords[]`, likewise;
 *   - every `case sX:` / `case oX:` handler, followed through its gotos, as
 *     normalised text (only used to show where a keyword's parsing changed);
 *   - the `multistate_*` tables and which handler uses which;
 *   - `if (options->f == -1) options->f = V;` defaults, mapped to keywords
 *     through `intptr = &options->f` in the handler.
 * Everything about value grammar and accumulation is then read and written
 * by hand in the TypeScript tables; this script only points at the changes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const FIRST = [7, 4];

// ------------------------------------------------------------------ git

function git(mirror, ...args) {
  return execFileSync('git', ['-C', mirror, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

function show(mirror, tag, path) {
  try {
    return git(mirror, 'show', `${tag}:${path}`);
  } catch {
    return '';
  }
}

function releaseTags(mirror) {
  const tags = git(mirror, 'tag', '--list', 'V_*_P1')
    .split('\n')
    .map((t) => /^V_(\d+)_(\d+)_P1$/.exec(t.trim()))
    .filter((m) => m !== null)
    .map((m) => ({ tag: m[0], major: Number(m[1]), minor: Number(m[2]) }))
    .filter((t) => t.major > FIRST[0] || (t.major === FIRST[0] && t.minor >= FIRST[1]));
  tags.sort((a, b) => a.major - b.major || a.minor - b.minor);
  return tags.map((t) => ({ release: `${t.major}.${t.minor}`, tag: t.tag }));
}

// ---------------------------------------------------------- C helpers

/** Joins backslash-continued lines. */
function joinContinuations(text) {
  return text.replace(/\\\n/g, ' ');
}

function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:])\/\/[^\n]*/g, '$1');
}

/** Preprocessor condition stack tracking; returns a function per line. */
function conditionTracker() {
  const stack = [];
  return {
    /** Feeds a line; returns true when the line was a directive. */
    feed(line) {
      const t = line.trim();
      let m;
      if ((m = /^#\s*ifdef\s+(\w+)/.exec(t))) stack.push(m[1]);
      else if ((m = /^#\s*ifndef\s+(\w+_H)\b/.exec(t))) stack.push(''); // include guard
      else if ((m = /^#\s*ifndef\s+(\w+)/.exec(t))) stack.push(`!${m[1]}`);
      else if ((m = /^#\s*if\s+(.*)$/.exec(t))) stack.push(normaliseIf(m[1]));
      else if (/^#\s*else\b/.test(t)) stack.push(negate(stack.pop()));
      else if ((m = /^#\s*elif\s+(.*)$/.exec(t))) {
        stack.push(`${negate(stack.pop())} && ${normaliseIf(m[1])}`);
      } else if (/^#\s*endif\b/.test(t)) stack.pop();
      else return false;
      return true;
    },
    current() {
      return stack.filter((c) => c !== '');
    },
  };
}

function normaliseIf(expr) {
  const e = stripComments(expr).trim();
  const m = /^defined\s*\(\s*(\w+)\s*\)$/.exec(e);
  if (m) return m[1];
  const n = /^!\s*defined\s*\(\s*(\w+)\s*\)$/.exec(e);
  if (n) return `!${n[1]}`;
  return e;
}

function negate(cond) {
  if (cond === undefined) return '!?';
  if (/^!\w+$/.test(cond)) return cond.slice(1);
  if (/^\w+$/.test(cond)) return `!${cond}`;
  return `!(${cond})`;
}

/** Index of the brace closing the block that opens at `open`. */
function blockEnd(src, open) {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '"' || c === "'") {
      for (i++; src[i] !== c; i++) if (src[i] === '\\') i++;
    } else if (src.startsWith('/*', i)) {
      i = src.indexOf('*/', i) + 1;
    } else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return src.length;
}

/** Body of the first *definition* of one of `names` (a function). */
function functionBody(src, ...names) {
  for (const name of names) {
    const re = new RegExp(`\\n${name}\\(`, 'g');
    let m;
    while ((m = re.exec(src))) {
      const brace = src.indexOf('\n{', m.index);
      const semi = src.indexOf(';', m.index);
      if (brace === -1 || semi < brace) continue;
      return src.slice(m.index, blockEnd(src, brace + 1) + 1);
    }
  }
  return '';
}

// --------------------------------------------------- keyword tables

/** Old style: `{ "name", sOpcode, FLAGS }` rows of keywords[] in a .c file. */
function parseKeywordArray(src) {
  const start = src.search(/\}\s*keywords\[\]\s*=\s*\{/);
  if (start < 0) return [];
  const open = src.indexOf('{', src.indexOf('keywords[]', start));
  const end = blockEnd(src, open);
  const body = src.slice(open + 1, end);
  const tracker = conditionTracker();
  const rows = [];
  for (const line of body.split('\n')) {
    if (tracker.feed(line)) continue;
    const m = /\{\s*"([^"]+)"\s*,\s*(\w+)\s*(?:,\s*([\w\s|]+?))?\s*\}/.exec(stripComments(line));
    const comment = /\/\*\s*(.*?)\s*\*\//.exec(line)?.[1];
    if (!m) {
      if (/SSHD_CONFIG_ENTRIES/.test(line)) rows.push({ macro: 'SSHD_CONFIG_ENTRIES', conds: tracker.current() });
      continue;
    }
    rows.push({
      name: m[1],
      opcode: m[2],
      flags: m[3] ? m[3].split('|').map((f) => f.trim()) : undefined,
      conds: tracker.current(),
      ...(comment ? { comment } : {}),
    });
  }
  return rows;
}

/** New style (10.4+): SSHCONF_* entry lists in servconf.h. */
function parseEntryMacros(header) {
  const text = joinContinuations(stripComments(header));
  const tracker = conditionTracker();
  /** name -> [{ body, conds }] */
  const defs = new Map();
  for (const line of text.split('\n')) {
    if (tracker.feed(line)) continue;
    const m = /^\s*#\s*define\s+(SSHD_CONFIG_\w+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const list = defs.get(m[1]) ?? [];
    list.push({ body: m[2], conds: tracker.current() });
    defs.set(m[1], list);
  }
  const out = [];
  const expand = (name, conds, depth) => {
    if (depth > 10) throw new Error(`macro recursion at ${name}`);
    for (const def of defs.get(name) ?? []) {
      const here = [...conds, ...def.conds];
      const tokens = def.body.match(/SSHCONF_\w+\([^)]*\)|SSHD_CONFIG_\w+/g) ?? [];
      for (const token of tokens) {
        if (token.startsWith('SSHD_CONFIG_')) {
          expand(token, here, depth + 1);
          continue;
        }
        const mm = /^(SSHCONF_\w+)\(([^)]*)\)$/.exec(token);
        const kind = mm[1];
        const args = mm[2].split(',').map((a) => a.trim());
        const row = entryFromMacro(kind, args);
        if (row) out.push({ ...row, conds: here });
      }
    }
  };
  expand('SSHD_CONFIG_ENTRIES', [], 0);
  return out;
}

function entryFromMacro(kind, args) {
  const flags = (f) => f.split('|').map((x) => x.trim());
  switch (kind) {
    case 'SSHCONF_INT': // (var, conf, flags, ms, def, cp)
      return { name: args[1], opcode: `s${args[1]}`, flags: flags(args[2]), field: args[0], multistate: args[3], def: args[4] };
    case 'SSHCONF_INTFLAG': // (var, conf, flags, def, cp)
      return { name: args[1], opcode: `s${args[1]}`, flags: flags(args[2]), field: args[0], multistate: 'multistate_flag', def: args[3] };
    case 'SSHCONF_STRING':
    case 'SSHCONF_CUSTOM':
      return { name: args[kind === 'SSHCONF_STRING' ? 1 : 0], opcode: `s${args[kind === 'SSHCONF_STRING' ? 1 : 0]}`, flags: flags(args[2]) };
    case 'SSHCONF_STRARRAY': // (var, nvar, conf, flags, cp)
      return { name: args[2], opcode: `s${args[2]}`, flags: flags(args[3]) };
    case 'SSHCONF_DEPRECATE': // (conf, flags, token)
      return { name: args[0], opcode: args[2] === 'SSHCONF_IGNORE' ? 'sIgnore' : 'sDeprecated', flags: flags(args[1]) };
    case 'SSHCONF_UNSUPPORTED_INT':
    case 'SSHCONF_UNSUPPORTED_STRING': // (var, conf, flags)
      return { name: args[1], opcode: 'sUnsupported', flags: flags(args[2]) };
    case 'SSHCONF_ALIAS': // (old, conf, flags)
      return { name: args[0], opcode: `s${args[1]}`, flags: flags(args[2]), kind };
    case 'SSHCONF_NONCONF':
      return undefined;
    default:
      throw new Error(`unknown entry macro ${kind}`);
  }
}

function sshdKeywordRows(servconfC, servconfH) {
  const rows = parseKeywordArray(servconfC);
  const out = [];
  for (const row of rows) {
    if (row.macro) out.push(...parseEntryMacros(servconfH).map((r) => ({ ...r, conds: [...row.conds, ...r.conds] })));
    else out.push(row);
  }
  return out;
}

// ---------------------------------------------------------- handlers

/**
 * Splits the option-parsing switch into `case X:` handlers. A handler's text
 * is its own body plus the text reached through its first goto (recursively),
 * which is what decides how the keyword's value is parsed.
 */
function parseHandlers(fn, prefix) {
  const lines = fn.split('\n');
  const caseRe = new RegExp(`^\\tcase (${prefix}\\w+):`);
  const sections = []; // { labels: [], lines: [] }
  let current;
  for (const line of lines) {
    const m = caseRe.exec(line);
    if (m) {
      if (current && current.lines.length === 0) current.labels.push(m[1]);
      else {
        current = { labels: [m[1]], lines: [] };
        sections.push(current);
      }
      continue;
    }
    if (/^\tdefault:/.test(line) || /^\t\}\s*$/.test(line)) {
      current = undefined;
      continue;
    }
    if (current) current.lines.push(line);
  }
  // Goto labels ("parse_flag:") live inside sections; map label -> text from there to the section end.
  const labelText = new Map();
  for (const section of sections) {
    section.lines.forEach((line, i) => {
      const m = /^\s*(\w+):\s*$/.exec(line);
      if (m && !/^(case|default)$/.test(m[1])) labelText.set(m[1], section.lines.slice(i + 1).join('\n'));
    });
  }
  const norm = (t) =>
    stripComments(t)
      .replace(/\s+/g, ' ')
      .trim();
  const follow = (text, seen) => {
    let out = text;
    const gotoRe = /goto (\w+);/g;
    let m;
    while ((m = gotoRe.exec(text))) {
      if (m[1] === 'out' || seen.has(m[1])) continue;
      seen.add(m[1]);
      const target = labelText.get(m[1]);
      if (target !== undefined) out += `\n/* -> ${m[1]} */\n${follow(target, seen)}`;
    }
    return out;
  };
  const handlers = new Map();
  for (const section of sections) {
    const own = section.lines.join('\n');
    // Cut the own body at the first top-level break/return so fallthrough labels don't leak in.
    const text = follow(own, new Set());
    const ms = [...text.matchAll(/multistate_ptr\s*=\s*(multistate_\w+)/g)].map((x) => x[1]);
    const usesFlag = /goto parse_flag;/.test(own);
    const fields = [...own.matchAll(/(?:intptr|charptr|log_level_ptr|log_facility_ptr)\s*=\s*&options->([\w.]+)/g)].map((x) => x[1]);
    for (const label of section.labels) {
      handlers.set(label, {
        text: norm(text),
        multistate: ms[0] ?? (usesFlag ? 'multistate_flag' : undefined),
        fields,
      });
    }
  }
  return handlers;
}

// -------------------------------------------------------- multistate

function parseMultistates(src) {
  const tables = {};
  const re = /static const struct multistate (multistate_\w+)\[\]\s*=\s*\{/g;
  let m;
  while ((m = re.exec(src))) {
    const open = src.indexOf('{', m.index + m[0].length - 1);
    const end = blockEnd(src, open);
    const tracker = conditionTracker();
    const rows = [];
    for (const line of src.slice(open + 1, end).split('\n')) {
      if (tracker.feed(line)) continue;
      const r = /\{\s*"([^"]+)"\s*,\s*([^}]+?)\s*\}/.exec(line);
      if (r) rows.push({ key: r[1], value: r[2], conds: tracker.current() });
    }
    tables[m[1]] = rows;
  }
  return tables;
}

// ---------------------------------------------------------- defaults

/** Numeric #defines (and simple enums) of a set of sources: name -> number. */
function parseDefines(texts) {
  const out = {};
  for (const text of texts) {
    for (const m of text.matchAll(/^#\s*define\s+(\w+)\s+\(?(-?(?:0x[0-9a-fA-F]+|\d+))\)?\s*(?:\/\*.*)?$/gm)) {
      out[m[1]] ??= Number(m[2]);
    }
    for (const m of text.matchAll(/enum\s*\w*\s*\{([^}]*)\}/g)) {
      let next = 0;
      for (const item of stripComments(m[1]).split(',')) {
        const mm = /^\s*(\w+)\s*(?:=\s*(-?\d+))?\s*$/.exec(item);
        if (!mm) continue;
        if (mm[2] !== undefined) next = Number(mm[2]);
        out[mm[1]] ??= next;
        next++;
      }
    }
  }
  out.AF_UNSPEC ??= 0;
  out.AF_INET ??= 2;
  out.AF_INET6 ??= 10;
  return out;
}

function numericValue(expr, defines) {
  if (expr === undefined) return undefined;
  const e = String(expr).replace(/\s*\/\*.*$/, '').trim();
  if (/^-?\d+$/.test(e)) return Number(e);
  if (e in defines) return defines[e];
  return undefined;
}

function parseDefaults(fn) {
  const out = {};
  const re = /if \(options->([\w.]+) == [^)]+\)\s*\n\s*options->\1 = ([^;]+);/g;
  let m;
  while ((m = re.exec(fn))) if (!(m[1] in out)) out[m[1]] = m[2].replace(/\s+/g, ' ').trim();
  const lt = /if \(options->([\w.]+) < 0\.0\)\s*\n\s*options->\1 = ([^;]+);/g;
  while ((m = lt.exec(fn))) if (!(m[1] in out)) out[m[1]] = m[2].trim();
  return out;
}

/** Constants whose config-file spelling is fixed; anything else stays raw. */
const CONSTANTS = {
  DEFAULT_AUTH_FAIL_MAX: '6',
  DEFAULT_SESSIONS_MAX: '10',
  SSHD_DEFAULT_LOGIN_GRACE_TIME: '120',
  SSHD_DEFAULT_X11_DISPLAY_OFFSET: '10',
  SSH_RSA_MINIMUM_MODULUS_SIZE: '1024',
  SSH_FP_HASH_DEFAULT: 'SHA256',
  SSH_TUNMODE_NO: 'no',
  INT_MAX: 'none',
  SYSLOG_LEVEL_INFO: 'INFO',
  SYSLOG_FACILITY_AUTH: 'AUTH',
  SYSLOG_FACILITY_USER: 'USER',
  AF_UNSPEC: 'any',
};

function renderDefault(expr, multistate, tables) {
  if (expr === undefined) return undefined;
  const e = expr.replace(/\s*\/\*.*$/, '').trim();
  const table = multistate ? tables[multistate] : undefined;
  if (table) {
    const hit = table.find((row) => row.value === e && !row.conds.some((c) => c.startsWith('!')));
    if (hit) return hit.key === 'true' ? 'yes' : hit.key === 'false' ? 'no' : hit.key;
  }
  if (multistate === 'multistate_flag' && (e === '0' || e === '1')) return e === '1' ? 'yes' : 'no';
  if (e in CONSTANTS) return CONSTANTS[e];
  if (/^-?\d+$/.test(e)) return e;
  return undefined;
}

// -------------------------------------------------------------- man

function manKeywords(page) {
  const out = new Map();
  for (const m of page.matchAll(/^\.It Cm (\w+)/gm)) if (!out.has(m[1].toLowerCase())) out.set(m[1].toLowerCase(), m[1]);
  return out;
}

// ------------------------------------------------------------- extract

function extract(mirror) {
  const releases = releaseTags(mirror);
  const facts = { mirror: resolve(mirror), releases, sshd: {}, ssh: {} };
  for (const program of ['sshd', 'ssh']) {
    facts[program] = { keywords: {}, handlers: {}, multistate: {}, defaults: {}, man: {} };
  }
  for (const { release, tag } of releases) {
    process.stderr.write(`${tag} `);
    const servconfC = show(mirror, tag, 'servconf.c');
    const servconfH = show(mirror, tag, 'servconf.h');
    const readconfC = show(mirror, tag, 'readconf.c');
    const pages = { sshd: show(mirror, tag, 'sshd_config.5'), ssh: show(mirror, tag, 'ssh_config.5') };

    const sources = {
      sshd: {
        rows: sshdKeywordRows(servconfC, servconfH),
        fn: functionBody(servconfC, 'process_server_config_line_depth', 'process_server_config_line'),
        prefix: 's',
        tables: parseMultistates(servconfC),
        defaultsFn: functionBody(servconfC, 'fill_default_server_options'),
      },
      ssh: {
        rows: parseKeywordArray(readconfC),
        fn: functionBody(readconfC, 'process_config_line_depth', 'process_config_line'),
        prefix: 'o',
        tables: parseMultistates(readconfC),
        defaultsFn: functionBody(readconfC, 'fill_default_options'),
      },
    };

    const defines = parseDefines([servconfH, show(mirror, tag, 'readconf.h'), show(mirror, tag, 'misc.h'), show(mirror, tag, 'sshkey.h'), show(mirror, tag, 'digest.h'), show(mirror, tag, 'ssh.h'), show(mirror, tag, 'compat.h'), show(mirror, tag, 'channels.h'), show(mirror, tag, 'myproposal.h'), show(mirror, tag, 'defines.h'), show(mirror, tag, 'kex.h'), show(mirror, tag, 'packet.h'), servconfC, readconfC]);
    (facts.defines ??= {})[release] = defines;
    for (const program of ['sshd', 'ssh']) {
      const src = sources[program];
      const out = facts[program];
      const handlers = parseHandlers(src.fn, src.prefix);
      const defaults = parseDefaults(src.defaultsFn);
      const man = manKeywords(pages[program]);
      out.man[release] = [...man.values()];
      for (const [name, rows] of Object.entries(src.tables)) {
        (out.multistate[name] ??= {})[release] = rows;
      }
      for (const row of src.rows) {
        const lower = row.name.toLowerCase();
        const entry = (out.keywords[lower] ??= { spellings: {}, releases: {} });
        if (row.name !== lower) entry.spellings.macro = row.name;
        if (man.has(lower)) entry.spellings.man = man.get(lower);
        const variants = (entry.releases[release] ??= []);
        const handler = handlers.get(row.opcode);
        // Default: macro-declared (10.4+) or fill_default via the handler's field.
        let def = row.def;
        if (def === undefined && handler) {
          for (const field of handler.fields) if (defaults[field] !== undefined) def ??= defaults[field];
        }
        // The handler decides (SSHCONF_INTFLAG claims multistate_flag even for PermitTunnel).
        const multistate = handler
          ? handler.multistate
          : row.multistate && row.multistate !== 'NULL'
            ? row.multistate
            : undefined;
        variants.push({
          ...(row.comment ? { comment: row.comment } : {}),
          ...(row.kind === 'SSHCONF_ALIAS' ? { comment: 'alias' } : {}),
          opcode: row.opcode,
          flags: row.flags,
          conds: row.conds,
          multistate,
          default: def,
          defaultRendered: renderDefault(def, multistate, src.tables),
        });
        if (handler) {
          const hs = (out.handlers[row.opcode] ??= {});
          hs[release] = handler.text;
        }
      }
    }
  }
  process.stderr.write('\n');
  return facts;
}

// ------------------------------------------------------------- summary

function ranges(releases, valueAt) {
  const out = [];
  let prev;
  for (const { release } of releases) {
    const v = valueAt(release);
    const key = JSON.stringify(v);
    if (prev && prev.key === key) prev.to = release;
    else {
      prev = { from: release, to: release, key, value: v };
      out.push(prev);
    }
  }
  return out;
}

function describeVariants(variants) {
  if (!variants) return '-';
  return variants
    .map((v) => {
      const cond = v.conds.length ? ` [${v.conds.join(' && ')}]` : '';
      const flags = v.flags ? ` ${v.flags.join('|').replace(/SSHCFG_/g, '')}` : '';
      return `${v.opcode}${flags}${cond}`;
    })
    .join(' ; ');
}

function summary(facts) {
  const lines = [];
  const { releases } = facts;
  lines.push(`# releases: ${releases.map((r) => r.release).join(' ')}`);
  for (const program of ['sshd', 'ssh']) {
    const p = facts[program];
    lines.push('', `## ${program}: ${Object.keys(p.keywords).length} keyword names`);
    for (const r of releases) {
      const n = Object.values(p.keywords).filter((k) => k.releases[r.release]).length;
      lines.push(`  ${r.release}: ${n} names in keywords[]`);
    }
    for (const [name, entry] of Object.entries(p.keywords).sort(([a], [b]) => a.localeCompare(b))) {
      const spelled = entry.spellings.man ?? entry.spellings.macro ?? name;
      lines.push('', `${spelled}`);
      for (const range of ranges(releases, (rel) => describeVariants(entry.releases[rel]))) {
        lines.push(`  ${range.from}..${range.to}: ${range.value}`);
      }
      const opcodes = new Set(Object.values(entry.releases).flat().map((v) => v.opcode));
      for (const opcode of opcodes) {
        const texts = p.handlers[opcode];
        if (!texts) continue;
        const changes = ranges(releases, (rel) => texts[rel] ?? null)
          .filter((r) => r.value !== null)
          .map((r) => r.from);
        if (changes.length > 1) lines.push(`  handler ${opcode} changed in: ${changes.slice(1).join(', ')}`);
      }
      const ms = ranges(releases, (rel) => entry.releases[rel]?.map((v) => v.multistate).filter(Boolean) ?? []);
      for (const range of ms) {
        if (!range.value.length) continue;
        const table = range.value[0];
        const values = ranges(
          releases.slice(releases.findIndex((r) => r.release === range.from)),
          (rel) => (p.multistate[table]?.[rel] ?? []).map((row) => row.key + (row.conds.length ? `[${row.conds.join('&&')}]` : '')),
        ).filter((v) => v.value.length);
        lines.push(`  ${range.from}..${range.to}: ${table} = ${values.map((v) => `${v.from}: ${v.value.join(' ')}`).join(' | ')}`);
      }
      const defs = ranges(releases, (rel) => entry.releases[rel]?.map((v) => v.defaultRendered ?? v.default).filter(Boolean)[0] ?? null);
      const shown = defs.filter((d) => d.value !== null);
      if (shown.length) lines.push(`  default: ${shown.map((d) => `${d.from}..${d.to}=${d.value}`).join(', ')}`);
    }
  }
  return lines.join('\n');
}

// --------------------------------------------------------------- check

async function loadTables() {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = resolve(here, '..');
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'sshlint-kw-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      `export * as sshd from ${JSON.stringify(join(root, 'src/openssh/sshd-keywords.ts'))};\n` +
        `export * as ssh from ${JSON.stringify(join(root, 'src/openssh/ssh-keywords.ts'))};\n` +
        `export * as releases from ${JSON.stringify(join(root, 'src/openssh/releases.ts'))};\n`,
    );
    const outfile = join(dir, 'tables.mjs');
    await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'silent' });
    return await import(pathToFileURL(outfile).href);
  } finally {
    setTimeout(() => rmSync(dir, { recursive: true, force: true }), 0);
  }
}

/** Defaults that fill_default_* leaves as a placeholder and another file fills in. */
const DEFAULT_SET_ELSEWHERE = {
  sshd: [],
  // readconf.c: "options->port = 0; /* Filled in ssh_connect. */" (22 unless the URI/-p says otherwise).
  ssh: ['port'],
};

/** The status a keywords[] variant list implies for a build with `features`. */
function sourceStatus(program, variants, features) {
  const holds = (cond) => {
    if (cond.startsWith('!')) return !holds(cond.slice(1));
    return features.has(cond);
  };
  const live = variants.filter((v) => v.conds.every(holds));
  if (live.length !== 1) return { status: live.length === 0 ? 'unknown' : 'ambiguous' };
  const v = live[0];
  const p = program === 'sshd' ? 's' : 'o';
  const status =
    v.opcode === `${p}Deprecated` ? 'deprecated'
    : v.opcode === `${p}Ignore` ? 'ignored'
    : v.opcode === `${p}Unsupported` ? 'unsupported'
    : 'active';
  return { status, opcode: v.opcode, flags: v.flags };
}

const SOURCE_FEATURES = {
  // Preprocessor symbols per build profile of the TS tables.
  debian: new Set(['USE_PAM', 'KRB5', 'GSSAPI', 'ENABLE_PKCS11', 'WITH_ZLIB', 'OPENSSL_HAS_ECC', 'WITH_OPENSSL']),
  minimal: new Set(['WITH_ZLIB', 'ENABLE_PKCS11', 'OPENSSL_HAS_ECC', 'WITH_OPENSSL']),
};

async function check(facts) {
  const tables = await loadTables();
  const problems = [];
  const releaseList = facts.releases.map((r) => r.release);
  const tsReleases = [...tables.releases.RELEASES];
  if (JSON.stringify(tsReleases) !== JSON.stringify(releaseList)) {
    problems.push(`releases.ts lists ${tsReleases.join(' ')}; the mirror has ${releaseList.join(' ')}`);
  }
  for (const program of ['sshd', 'ssh']) {
    const mod = tables[program];
    const lookup = program === 'sshd' ? mod.sshdKeyword : mod.sshKeyword;
    const all = program === 'sshd' ? mod.SSHD_KEYWORDS : mod.SSH_KEYWORDS;
    const p = facts[program];
    for (const [profileName, features] of Object.entries(SOURCE_FEATURES)) {
      const profile = tables.releases.BUILD_PROFILES[profileName];
      for (const release of releaseList) {
        if (!tsReleases.includes(release)) continue;
        const names = new Set([...Object.keys(p.keywords), ...all.map((k) => k.name.toLowerCase())]);
        for (const name of names) {
          const variants = p.keywords[name]?.releases[release];
          const src = variants ? sourceStatus(program, variants, features) : { status: 'unknown' };
          const ts = lookup(name, release, profile);
          // 'rejected' (RDomain without routing domains) is an active opcode in the source.
          const tsStatus = ts ? (ts.status === 'rejected' ? 'active' : ts.status) : 'unknown';
          // Distro-only keywords are unknown upstream; the TS table may mark them active for Debian.
          const entry = all.find((k) => k.name.toLowerCase() === name);
          if (entry?.distro && src.status === 'unknown') continue;
          const wanted = src.status;
          if (tsStatus !== wanted) {
            problems.push(`${program} ${release} ${profileName}: ${name}: source ${src.status}${src.opcode ? ` (${src.opcode})` : ''}, table ${tsStatus}`);
            continue;
          }
          if (src.status === 'unknown' || !ts) continue;
          if (program === 'sshd' && src.flags) {
            const match = src.flags.includes('SSHCFG_MATCH') || src.flags.includes('SSHCFG_ALL');
            if (ts.allowedInMatch !== match) problems.push(`sshd ${release}: ${name}: Match allowed in source ${match}, table ${ts.allowedInMatch}`);
          }
          if (src.status === 'active') {
            const target = aliasTarget(program, name, src.opcode, p, release);
            const tsTarget = ts.aliasOf ? ts.aliasOf.toLowerCase() : undefined;
            if (target !== tsTarget) problems.push(`${program} ${release}: ${name}: alias of ${target ?? '-'} in source, ${tsTarget ?? '-'} in table`);
          }
          if (src.status === 'active' && profileName === 'debian' && ts.grammar?.kind === 'choice') {
            const v = variants.find((x) => x.opcode === src.opcode);
            const table = v?.multistate ? p.multistate[v.multistate]?.[release] : undefined;
            if (table) {
              const keys = table.filter((r) => r.conds.every((c) => (c.startsWith('!') ? !features.has(c.slice(1)) : features.has(c)))).map((r) => r.key.toLowerCase());
              const tsValues = ts.grammar.values.map((x) => x.toLowerCase());
              if ([...keys].sort().join() !== [...tsValues].sort().join()) {
                problems.push(`${program} ${release}: ${name}: ${v.multistate} = ${keys.join(',')}; table choice = ${tsValues.join(',')}`);
              }
            }
          }
          // Upstream defaults: the table's `default`, not a distribution's `buildDefault`.
          const upstreamDefault =
            ts.aliasOf || ts.facts.default === undefined ? undefined : tables.releases.atRelease(ts.facts.default, release);
          if (
            src.status === 'active' &&
            profileName === 'debian' &&
            upstreamDefault !== undefined &&
            !DEFAULT_SET_ELSEWHERE[program].includes(name) &&
            ['flag', 'choice', 'integer', 'time'].includes(ts.grammar.kind)
          ) {
            const v = variants.find((x) => x.opcode === src.opcode);
            const mismatch = defaultMismatch(v, { ...ts, default: upstreamDefault }, p.multistate, facts.defines[release], release);
            if (mismatch) problems.push(`${program} ${release}: ${name}: ${mismatch}`);
          }
        }
      }
    }
  }
  if (problems.length) {
    console.log(problems.join('\n'));
    console.log(`\n${problems.length} disagreement(s)`);
    process.exitCode = 1;
  } else {
    console.log('tables agree with the mirror');
  }
}

/**
 * Compares a table default with the source's fill_default expression: by
 * rendered text when the script could render it, else by numeric value
 * (flags: yes=1/no=0; choices: through the multistate table). Returns a
 * description of the disagreement, or undefined.
 */
function defaultMismatch(v, ts, multistate, defines, release) {
  if (!v || v.default === undefined) return undefined;
  const tsDefault = ts.default === null ? 'none' : String(ts.default);
  if (v.defaultRendered !== undefined && v.defaultRendered.toLowerCase() === tsDefault.toLowerCase()) return undefined;
  const sourceNumber = numericValue(v.default, defines);
  if (sourceNumber === undefined) return undefined; // not a simple constant: unchecked
  let tsNumber;
  if (ts.grammar.kind === 'flag') tsNumber = { yes: 1, no: 0 }[tsDefault.toLowerCase()];
  else if (ts.grammar.kind === 'choice' && v.multistate) {
    const row = multistate[v.multistate]?.[release]?.find((r) => r.key.toLowerCase() === tsDefault.toLowerCase());
    tsNumber = row ? numericValue(row.value, defines) : undefined;
  } else if (/^\d+$/.test(tsDefault)) tsNumber = Number(tsDefault);
  else if (tsDefault === 'none' && ts.grammar.kind === 'time') tsNumber = sourceNumber <= 0 ? sourceNumber : -1; // sshd stores none as 0, ssh as -1
  if (tsNumber === sourceNumber) return undefined;
  return `default ${v.default} (= ${sourceNumber}) in source, ${tsDefault} (= ${tsNumber}) in table`;
}

/** The canonical (lower-case) keyword an alias row points at, if its opcode belongs to another name. */
function aliasTarget(program, name, opcode, p, release) {
  const owners = Object.entries(p.keywords)
    .filter(([, e]) => e.releases[release]?.some((v) => v.opcode === opcode))
    .map(([n]) => n);
  if (owners.length <= 1) return undefined;
  // The canonical keyword is the one whose opcode name matches it, else the man page's.
  const stem = opcode.slice(1).toLowerCase();
  const plain = owners.filter((n) =>
    p.keywords[n].releases[release].every((v) => v.opcode !== opcode || !/alias|obsolete/.test(v.comment ?? '')),
  );
  const canonical =
    owners.find((n) => n === stem) ??
    (plain.length === 1 ? plain[0] : undefined) ??
    owners.find((n) => p.keywords[n].spellings.man && p.man[release]?.includes(p.keywords[n].spellings.man)) ??
    owners[0];
  return canonical === name ? undefined : canonical;
}

// ---------------------------------------------------------------- main

async function main() {
  const args = process.argv.slice(2);
  const mirror = args.find((a) => !a.startsWith('--'));
  if (!mirror) {
    console.error('usage: node scripts/extract-keywords.mjs <openssh-portable git dir> [--json | --check]');
    process.exit(2);
  }
  const facts = extract(mirror);
  if (args.includes('--json')) console.log(JSON.stringify(facts, null, 1));
  else if (args.includes('--check')) await check(facts);
  else console.log(summary(facts));
}

await main();
