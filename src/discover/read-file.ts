import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { describeFsError, errorCode } from './errors.js';

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/**
 * Ten times the largest authorized_keys anyone reports (100,000 keys). The parsed model costs a
 * few hundred bytes a line: 10 million blank lines took 35 s and 3 GB, 10 million junk lines in a
 * known_hosts ran out of memory, all well under the byte limit.
 */
export const DEFAULT_MAX_LINES = 1_000_000;
/** Like git and grep: a NUL byte early on means binary. */
export const BINARY_PROBE_BYTES = 8192;
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const MIN_CHUNK_BYTES = 64 * 1024;

export type ReadFailure = 'binary' | 'too-large' | 'too-many-lines' | 'unreadable' | 'not-a-file' | 'gone' | 'elsewhere';

export interface ReadLimits {
  maxBytes: number;
  maxLines?: number;
  /** Where the file must really be: a symbolic link on the disk that leads elsewhere is not followed. */
  realPath?: string;
  /**
   * Real paths of directories, kept by the caller for one scan: checking `realPath` resolves the
   * file's directory once, not every file's whole path (a large scan reads thousands of files in
   * hundreds of directories).
   */
  realDirectories?: Map<string, string>;
}

export type ReadResult =
  | { ok: true; bytes: Uint8Array; text: string; hasBom: boolean; invalidUtf8: boolean }
  | { ok: false; reason: ReadFailure; message: string };

/*
 * O_NONBLOCK: opening a FIFO that slipped into the file list (or was named) must not hang; for
 * regular files it changes nothing. Windows has no such flag.
 */
export const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
/** With the directory's real path checked, refusing a symbolic link as the last step proves where the file is. Not on Windows. */
const NO_FOLLOW = constants.O_NOFOLLOW as number | undefined;

const GONE = { ok: false, reason: 'gone', message: 'no longer on disk' } as const;
const ELSEWHERE = { ok: false, reason: 'elsewhere', message: 'a symbolic link on the disk leads elsewhere than git records; not followed' } as const;

/**
 * Reads a file to lint. Never throws for the file's sake: every problem is a `ReadFailure`.
 * Synchronous on purpose: a large scan reads thousands of small files, and through the thread
 * pool each cost five round trips (7,000 files: 280–390 ms against 170 ms in a loop).
 */
export function readTextFile(absPath: string, limits: ReadLimits = { maxBytes: DEFAULT_MAX_BYTES }): ReadResult {
  const fd = openWhereExpected(absPath, limits);
  if (typeof fd !== 'number') return fd;
  try {
    // fstat on the opened descriptor: what we check is what we read, even if the path is swapped meanwhile.
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, reason: 'not-a-file', message: 'not a regular file' };
    if (stats.size > limits.maxBytes) return tooLarge(stats.size, limits.maxBytes);
    const bytes = readAtMost(fd, limits.maxBytes, stats.size);
    // The file grew between fstat and read.
    if (bytes === undefined) return tooLarge(undefined, limits.maxBytes);
    const maxLines = limits.maxLines ?? DEFAULT_MAX_LINES;
    if (hasMoreLines(bytes, maxLines)) {
      return { ok: false, reason: 'too-many-lines', message: `file has more than ${maxLines} lines, the limit sshlint analyses` };
    }
    return decode(bytes);
  } catch (error) {
    return { ok: false, reason: 'unreadable', message: `cannot read: ${describeFsError(error)}` };
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens the file for reading, only where `limits.realPath` says it is (when given): a descriptor,
 * or why not. The caller closes it.
 */
export function openWhereExpected(absPath: string, limits: Pick<ReadLimits, 'realPath' | 'realDirectories'>): number | Extract<ReadResult, { ok: false }> {
  const checked = limits.realPath === undefined ? undefined : isWhereExpected(absPath, limits.realPath, limits.realDirectories);
  if (checked === 'gone') return GONE;
  if (checked === 'elsewhere') return ELSEWHERE;
  try {
    return openSync(absPath, OPEN_FLAGS | (checked === 'directory' ? (NO_FOLLOW ?? 0) : 0));
  } catch (error) {
    // Deleted since git indexed it: nothing to lint, nothing to say.
    if (checked !== undefined && (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR')) return GONE;
    if (checked === 'directory' && errorCode(error) === 'ELOOP') return ELSEWHERE;
    return { ok: false, reason: 'unreadable', message: `cannot open: ${describeFsError(error)}` };
  }
}

/**
 * Whether the file is where `realPath` says: 'path' when its whole real path was compared,
 * 'directory' when only its directory's was (the caller then opens it without following a link).
 */
function isWhereExpected(absPath: string, realPath: string, realDirectories = new Map<string, string>()): 'path' | 'directory' | 'gone' | 'elsewhere' {
  try {
    if (NO_FOLLOW === undefined) return realpathSync(absPath) === realPath ? 'path' : 'elsewhere';
    return path.join(realDirectory(path.dirname(absPath), realDirectories), path.basename(absPath)) === realPath ? 'directory' : 'elsewhere';
  } catch {
    return 'gone';
  }
}

/** realpath(), one lstat per directory not yet known: a directory that is no link is its known parent's real path and its name. */
function realDirectory(directory: string, known: Map<string, string>): string {
  let real = known.get(directory);
  if (real !== undefined) return real;
  const parent = path.dirname(directory);
  if (parent === directory) real = directory;
  else if (lstatSync(directory).isSymbolicLink()) real = realpathSync.native(directory);
  else real = path.join(realDirectory(parent, known), path.basename(directory));
  known.set(directory, real);
  return real;
}

/**
 * Reads to end of file, or returns `undefined` as soon as there is more than `maxBytes`. The size
 * from fstat only sizes the buffers: files grow, and /proc-like files say 0.
 */
function readAtMost(fd: number, maxBytes: number, expectedSize: number): Uint8Array | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const wanted = Math.max(expectedSize - total + 1, MIN_CHUNK_BYTES);
    const chunk = Buffer.allocUnsafe(Math.min(wanted, maxBytes + 1 - total));
    const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
    if (bytesRead === 0) {
      // Usually one chunk, sized by fstat: a view of it, not two copies of a file that can be 64 MB.
      const whole = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
      return new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength);
    }
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) return undefined;
  }
}

/** Counts line feeds natively, and only as far as the limit. */
function hasMoreLines(bytes: Uint8Array, maxLines: number): boolean {
  if (bytes.length <= maxLines) return false;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let lines = 0;
  for (let at = buffer.indexOf(0x0a); at !== -1; at = buffer.indexOf(0x0a, at + 1)) {
    lines++;
    // The line this feed ends, plus the one after it if text follows.
    if (lines + (at + 1 < buffer.length ? 1 : 0) > maxLines) return true;
  }
  return false;
}

function decode(bytes: Uint8Array): ReadResult {
  const nul = bytes.subarray(0, BINARY_PROBE_BYTES).indexOf(0);
  if (nul !== -1) return { ok: false, reason: 'binary', message: binaryMessage(bytes, nul) };
  const hasBom = UTF8_BOM.every((byte, index) => bytes[index] === byte);
  const body = hasBom ? bytes.subarray(UTF8_BOM.length) : bytes;
  const invalidUtf8 = !isUtf8(body);
  // ignoreBOM keeps a second BOM as content; the first one is already cut off above.
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body);
  return { ok: true, bytes, text, hasBom, invalidUtf8 };
}

/** UTF-16 is what PowerShell's `>` writes; saying so saves a Windows user the puzzle. */
function binaryMessage(bytes: Uint8Array, nul: number): string {
  const utf16Bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return utf16Bom
    ? 'file is UTF-16 encoded; OpenSSH reads its files as UTF-8/ASCII'
    : `binary file (NUL byte at offset ${nul})`;
}

function tooLarge(size: number | undefined, maxBytes: number): ReadResult {
  const actual = size === undefined ? 'more than that' : `${size} bytes`;
  return { ok: false, reason: 'too-large', message: `file is larger than the limit of ${maxBytes} bytes (${actual})` };
}
