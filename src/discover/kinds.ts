import type { FileKind } from '../core/file-kind.js';

/**
 * File names OpenSSH itself reads (sshd_config(5) AuthorizedKeysFile, GlobalKnownHostsFile and
 * UserKnownHostsFile defaults, ssh(1) -i defaults). Only exact names: suffixed copies and templates
 * (`sshd_config.j2`, `authorized_keys.bak`, `alice.authorized_keys`) are not what sshd reads, and
 * templates would draw false alarms; `--kind` covers them.
 */
export const FILE_NAME_KINDS: ReadonlyMap<string, FileKind> = new Map<string, FileKind>([
  ['authorized_keys', 'authorized_keys'],
  ['authorized_keys2', 'authorized_keys'],
  ['known_hosts', 'known_hosts'],
  ['known_hosts2', 'known_hosts'],
  ['ssh_known_hosts', 'known_hosts'],
  ['ssh_known_hosts2', 'known_hosts'],
  ['sshd_config', 'sshd_config'],
  ['ssh_config', 'ssh_config'],
  // ssh(1)'s default identity files; the FIDO ones (`id_ecdsa_sk`, `id_ed25519_sk`) match PRIVATE_KEY_NAME.
  ['id_rsa', 'private_key'],
  ['id_dsa', 'private_key'],
  ['id_ecdsa', 'private_key'],
  ['id_ed25519', 'private_key'],
  ['id_xmss', 'private_key'],
]);

/** FIDO keys (`id_ed25519_sk`, also named by their owner: `id_work_sk`) and sshd host keys (`ssh_host_ed25519_key`). */
const PRIVATE_KEY_NAME = /^(?:id_\w+_sk|ssh_host_\w+_key)$/;

/**
 * Drop-in directories: sshd and ssh `Include` them, and `~/.ssh/config.d/` is the common
 * convention for splitting a client config. Every file directly inside counts, not only `*.conf`,
 * so a rule can say that the default `Include …/*.conf` never reads it; documentation is skipped.
 */
const DROP_IN_DIRECTORIES: ReadonlyMap<string, FileKind> = new Map<string, FileKind>([
  ['sshd_config.d', 'sshd_config'],
  ['ssh_config.d', 'ssh_config'],
  ['.ssh/config.d', 'ssh_config'],
]);
const DOCUMENTATION_NAME = /^readme(?:\..*)?$|\.md$/i;

/**
 * The kind a file's path gives, or `undefined` when only its content can tell (`*.pem`, `*.key`,
 * a renamed private key). Looks at the last three segments only, so any path works: relative,
 * absolute, with `/` or `\` separators.
 */
export function kindFromPath(relPath: string): FileKind | undefined {
  const [grandparent, parent, name] = lastSegments(relPath);

  const byName = FILE_NAME_KINDS.get(name);
  if (byName) return byName;
  if (/\.pub$/i.test(name)) return 'public_key';
  // PuTTY writes `.ppk` whatever the key type; Windows users capitalise it.
  if (/\.ppk$/i.test(name) || PRIVATE_KEY_NAME.test(name)) return 'private_key';
  if (parent === '.ssh' && name === 'config') return 'ssh_config';
  if (parent !== undefined && !DOCUMENTATION_NAME.test(name)) {
    const dropIn =
      DROP_IN_DIRECTORIES.get(parent) ?? (grandparent === undefined ? undefined : DROP_IN_DIRECTORIES.get(`${grandparent}/${parent}`));
    if (dropIn) return dropIn;
  }
  return setupKindFromPath(name, parent, grandparent);
}

/**
 * The last three segments (missing ones undefined), found from the end: a large scan classifies
 * every path, and splitting each whole path cost more than the rest of the classification.
 */
function lastSegments(filePath: string): [string | undefined, string | undefined, string] {
  const segments: string[] = [];
  let end = filePath.length;
  while (segments.length < 3) {
    const separator = end === 0 ? -1 : Math.max(filePath.lastIndexOf('/', end - 1), filePath.lastIndexOf('\\', end - 1));
    segments.push(filePath.slice(separator + 1, end));
    if (separator === -1) break;
    end = separator;
  }
  return [segments[2], segments[1], segments[0] ?? ''];
}

const YAML_NAME = /\.ya?ml$/i;
const TASK_DIRECTORIES = ['tasks', 'handlers'];
/** cloud-init reads user data by content (`#cloud-config`), so these names only make a file a candidate; its parser checks the header. */
const CLOUD_INIT_NAME = /^(?:user[-_]?data|cloud[-_]?init|cloud[-_]?config)(?:\.ya?ml)?$|\.cloud-?config$/i;

/**
 * Code that sets SSH up, by its conventional names: workflows, scripts, Dockerfiles, Makefiles
 * (extensionless scripts would need their content read); Ansible task files by their place in a
 * role or playbook tree (`roles/web/tasks/main.yml`, `tasks/ssh/keys.yml`, `playbooks/*.yml`,
 * `*.ansible.yml`), cloud-init user data by its usual names, Terraform by `.tf`. Playbooks
 * elsewhere and templated user data are found by content.
 */
function setupKindFromPath(name: string, parent: string | undefined, grandparent: string | undefined): FileKind | undefined {
  if (DOCUMENTATION_NAME.test(name)) return undefined;
  if (grandparent === '.github' && parent === 'workflows' && YAML_NAME.test(name)) return 'workflow';
  if (/\.(?:sh|bash)$/.test(name)) return 'shell_script';
  if (/^(?:Dockerfile|Containerfile)(?:\..+)?$|\.(?:dockerfile|containerfile)$/i.test(name)) return 'dockerfile';
  if (/^(?:GNUmakefile|[Mm]akefile)$|\.mk$/.test(name)) return 'makefile';
  if (CLOUD_INIT_NAME.test(name)) return 'cloud_init';
  if (/\.tf$/i.test(name)) return 'terraform';
  if (!YAML_NAME.test(name)) return undefined;
  const inTasks = TASK_DIRECTORIES.includes(parent ?? '') || TASK_DIRECTORIES.includes(grandparent ?? '');
  if (inTasks || parent === 'playbooks' || /\.ansible\.ya?ml$/i.test(name)) return 'ansible';
  return undefined;
}

/** YAML and template files whose path gives no kind: their first lines may show cloud-init user data or an Ansible playbook. */
export function mayHoldSetupYaml(relPath: string): boolean {
  return /\.(?:ya?ml|tpl|tftpl|j2)$/i.test(relPath);
}

/** cloud-init's user-data type by prefix: `#cloud-config`, not `#cloud-config-archive` or `-jsonp` (other formats). */
export function isCloudConfig(lines: readonly string[]): boolean {
  const first = lines[0]?.trim() === '## template: jinja' ? lines[1] : lines[0];
  return /^#cloud-config(?!-)/.test(first ?? '');
}

/**
 * cloud-init user data starts `#cloud-config` (after `## template: jinja` when templated); a
 * playbook is a list of plays, each with `hosts:`.
 */
export function setupKindFromContent(head: string): FileKind | undefined {
  const lines = head.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (isCloudConfig(lines)) return 'cloud_init';
  const firstItem = lines.find((line) => line.trim() !== '' && !line.startsWith('#') && line.trim() !== '---');
  if (firstItem?.startsWith('- ') && /^(?:- |  )hosts:\s*\S/m.test(head)) return 'ansible';
  return undefined;
}

/** How much of a file `kindFromContent` needs: markers sit on the first line, or after a PEM certificate or two. */
export const CONTENT_SNIFF_BYTES = 8192;

/** Armour lines that begin a private key (ssh-knowledge §g). PuTTY's header is a whole first line, PEM's a block. */
export const PEM_PRIVATE_KEY_MARKERS = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  '-----BEGIN RSA PRIVATE KEY-----',
  '-----BEGIN DSA PRIVATE KEY-----',
  '-----BEGIN EC PRIVATE KEY-----',
  '-----BEGIN PRIVATE KEY-----',
  '-----BEGIN ENCRYPTED PRIVATE KEY-----',
  // ssh.com's format; it can hold an unencrypted key despite its name.
  '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----',
] as const;
export const PUTTY_PRIVATE_KEY_MARKERS = ['PuTTY-User-Key-File-2:', 'PuTTY-User-Key-File-3:'] as const;
export const PRIVATE_KEY_MARKERS: readonly string[] = [...PEM_PRIVATE_KEY_MARKERS, ...PUTTY_PRIVATE_KEY_MARKERS];

const PEM_BEGIN = '-----BEGIN ';

/**
 * The kind a file's first bytes prove, for files whose name says nothing. Only private keys are
 * sniffed: their armour cannot be mistaken for anything else, and finding committed keys under any
 * name is the point. Everything else is ambiguous by content (a line of `ssh-ed25519 AAAA…` is
 * equally a `.pub`, an authorized_keys or part of a script), so it is left to names and `--kind`.
 *
 * A marker counts when it starts the first non-blank line, or, in a PEM bundle (first line is any
 * `-----BEGIN `), when it starts any line. A key pasted into a script or YAML after other text does
 * not make that file a key file; that is a job for rules on those files.
 */
export function kindFromContent(head: string): FileKind | undefined {
  const lines = head.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const first = lines.find((line) => line.trim() !== '')?.trim();
  if (first === undefined) return undefined;
  if (PRIVATE_KEY_MARKERS.some((marker) => first.startsWith(marker))) return 'private_key';
  if (first.startsWith(PEM_BEGIN) && lines.some((line) => PEM_PRIVATE_KEY_MARKERS.some((marker) => line.startsWith(marker)))) {
    return 'private_key';
  }
  return undefined;
}

/** A machine's account files, `etc/passwd` and `etc/group` (never shadow): the lockout analysis reads the groups they give a user. */
export function isAccountFile(relPath: string): boolean {
  return /(?:^|[\\/])etc[\\/](?:passwd|group)$/.test(relPath);
}
