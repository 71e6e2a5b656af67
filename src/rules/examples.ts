/** Real public keys used in rule documentation (GitHub's published host keys: public by design). */
export const ED25519_EXAMPLE = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';
export const ED25519_BLOB = 'AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';
export const KEY_FILE_KINDS = ['authorized_keys', 'known_hosts', 'public_key'] as const;
