import type { FileKind } from '../../core/file-kind.js';
import { SETUP_KINDS } from '../../core/file-kind.js';

/** Where a lockout finding can land: the causing line is in a configuration, a key file or setup code. */
export const LOCKOUT_KINDS: readonly FileKind[] = ['sshd_config', 'authorized_keys', 'public_key', ...SETUP_KINDS];
