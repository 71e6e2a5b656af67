/** The kinds of file sshlint understands. `--kind` accepts the user-facing ones. */
export const USER_KINDS = ['authorized_keys', 'sshd_config', 'ssh_config', 'known_hosts', 'public_key'] as const;
export type UserKind = (typeof USER_KINDS)[number];

/** Code that sets SSH up: detected by name or content, never forced with --kind. */
export const SETUP_KINDS = ['workflow', 'shell_script', 'dockerfile', 'makefile', 'ansible', 'cloud_init', 'terraform'] as const;
export type SetupKind = (typeof SETUP_KINDS)[number];

/** Every file kind, including the ones only detected (never forced with --kind). */
export type FileKind = UserKind | 'private_key' | SetupKind;

export function isSetupKind(value: string): value is SetupKind {
  return (SETUP_KINDS as readonly string[]).includes(value);
}

export function isUserKind(value: string): value is UserKind {
  return (USER_KINDS as readonly string[]).includes(value);
}
