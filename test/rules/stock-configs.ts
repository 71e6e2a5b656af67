/** Distribution sshd_config / ssh_config files as shipped (comments trimmed), for "no false alarm" cases. */

/** Debian 12 / Ubuntu 22.04+ /etc/ssh/sshd_config. */
export const DEBIAN_SSHD_CONFIG = `
# This is the sshd server system-wide configuration file.  See
# sshd_config(5) for more information.

Include /etc/ssh/sshd_config.d/*.conf

#Port 22
#AddressFamily any
#ListenAddress 0.0.0.0

#HostKey /etc/ssh/ssh_host_rsa_key
#HostKey /etc/ssh/ssh_host_ed25519_key

# Authentication:

#LoginGraceTime 2m
#PermitRootLogin prohibit-password
#StrictModes yes
#MaxAuthTries 6
#MaxSessions 10

#PubkeyAuthentication yes

# Expect .ssh/authorized_keys2 to be disregarded by default in future.
#AuthorizedKeysFile	.ssh/authorized_keys .ssh/authorized_keys2

#HostbasedAuthentication no
#IgnoreRhosts yes

# To disable tunneled clear text passwords, change to no here!
#PasswordAuthentication yes
#PermitEmptyPasswords no

# Change to yes to enable challenge-response passwords (beware issues with
# some PAM modules and threads)
KbdInteractiveAuthentication no

UsePAM yes

#AllowAgentForwarding yes
#AllowTcpForwarding yes
#GatewayPorts no
X11Forwarding yes
#X11DisplayOffset 10
#X11UseLocalhost yes
#PermitTTY yes
PrintMotd no
#PrintLastLog yes
#TCPKeepAlive yes
#PermitUserEnvironment no
#UseDNS no
#PermitTunnel no

# Allow client to pass locale environment variables
AcceptEnv LANG LC_*

# override default of no subsystems
Subsystem	sftp	/usr/lib/openssh/sftp-server

# Example of overriding settings on a per-user basis
#Match User anoncvs
#	X11Forwarding no
#	AllowTcpForwarding no
#	PermitTTY no
#	ForceCommand cvs server
`;

/** Ubuntu cloud image drop-ins (cloud-init with ssh_pwauth: false, and the image's own). */
export const UBUNTU_CLOUD_DROPINS = {
  'sshd_config.d/50-cloud-init.conf': 'PasswordAuthentication no\n',
  'sshd_config.d/60-cloudimg-settings.conf': 'PasswordAuthentication no\n',
};

/** Ubuntu 20.04 (OpenSSH 8.2) /etc/ssh/sshd_config, non-comment lines. */
export const UBUNTU_2004_SSHD_CONFIG = `Include /etc/ssh/sshd_config.d/*.conf
#PasswordAuthentication yes
ChallengeResponseAuthentication no
UsePAM yes
X11Forwarding yes
PrintMotd no
AcceptEnv LANG LC_*
Subsystem sftp /usr/lib/openssh/sftp-server
`;

/** RHEL 9 / Fedora /etc/ssh/sshd_config and its 50-redhat.conf drop-in. */
export const RHEL_SSHD_CONFIG = {
  sshd_config: `# To modify the system-wide sshd configuration, create a  *.conf  file under
#  /etc/ssh/sshd_config.d/  which will be automatically included below
Include /etc/ssh/sshd_config.d/*.conf

#Port 22
#PermitRootLogin prohibit-password
#StrictModes yes
#MaxAuthTries 6
#PubkeyAuthentication yes

# The default is to check both .ssh/authorized_keys and .ssh/authorized_keys2
# but this is overridden so installations will only check .ssh/authorized_keys
AuthorizedKeysFile	.ssh/authorized_keys

#PasswordAuthentication yes
#PermitEmptyPasswords no

# override default of no subsystems
Subsystem	sftp	/usr/libexec/openssh/sftp-server

# Example of overriding settings on a per-user basis
#Match User anoncvs
#	X11Forwarding no
#	AllowTcpForwarding no
#	PermitTTY no
#	ForceCommand cvs server
`,
  'sshd_config.d/50-redhat.conf': `# This system is following system-wide crypto policy. The changes to
# crypto properties (Ciphers, MACs, ...) will not have any effect in
# this or following included files. To override some configuration option,
# write it before this block or in a file with a lexically smaller name.
Include /etc/crypto-policies/back-ends/opensshserver.config

SyslogFacility AUTHPRIV

ChallengeResponseAuthentication no

GSSAPIAuthentication yes
GSSAPICleanupCredentials no

UsePAM yes

X11Forwarding yes

PrintMotd no
`,
};

/** Debian 12 / Ubuntu /etc/ssh/ssh_config. */
export const DEBIAN_SSH_CONFIG = `
# This is the ssh client system-wide configuration file.  See
# ssh_config(5) for more information.

Include /etc/ssh/ssh_config.d/*.conf

Host *
#   ForwardAgent no
#   ForwardX11 no
#   ForwardX11Trusted yes
#   PasswordAuthentication yes
#   HostbasedAuthentication no
#   GSSAPIAuthentication no
#   GSSAPIDelegateCredentials no
#   GSSAPIKeyExchange no
#   GSSAPITrustDNS no
#   BatchMode no
#   CheckHostIP no
#   AddressFamily any
#   ConnectTimeout 0
#   StrictHostKeyChecking ask
#   IdentityFile ~/.ssh/id_rsa
#   IdentityFile ~/.ssh/id_dsa
#   IdentityFile ~/.ssh/id_ecdsa
#   IdentityFile ~/.ssh/id_ed25519
#   Port 22
#   Ciphers aes128-ctr,aes192-ctr,aes256-ctr,aes128-cbc,3des-cbc
#   MACs hmac-md5,hmac-sha1,umac-64@openssh.com
#   EscapeChar ~
#   Tunnel no
#   TunnelDevice any:any
#   PermitLocalCommand no
#   VisualHostKey no
#   ProxyCommand ssh -q -W %h:%p gateway.example.com
#   RekeyLimit 1G 1h
#   UserKnownHostsFile ~/.ssh/known_hosts.d/%k
    SendEnv LANG LC_*
    HashKnownHosts yes
    GSSAPIAuthentication yes
`;

/** RHEL 9 / Fedora /etc/ssh/ssh_config and its 50-redhat.conf drop-in. */
export const RHEL_SSH_CONFIG = {
  ssh_config: `# Uncomment this if you want to use .local domain
# Host *.local

Include /etc/ssh/ssh_config.d/*.conf

# Host *
#   ForwardAgent no
#   ForwardX11 no
#   StrictHostKeyChecking ask
`,
  'ssh_config.d/50-redhat.conf': `# The options here are in the "Match final block" to be applied as the last
# options and could be potentially overwritten by the user configuration
Match final all
	# Follow system-wide Crypto Policy, if defined:
	Include /etc/crypto-policies/back-ends/openssh.config

	GSSAPIAuthentication yes

# If this option is set to yes then remote X11 clients will have full access
# to the original X11 display. As virtually no X11 client supports the untrusted
# mode correctly we set this to yes.
	ForwardX11Trusted yes

# Uncomment this if you want to use .local domain
# Host *.local

	SendEnv LANG LC_CTYPE LC_NUMERIC LC_TIME LC_COLLATE LC_MONETARY LC_MESSAGES
	SendEnv LC_PAPER LC_NAME LC_ADDRESS LC_TELEPHONE LC_MEASUREMENT
	SendEnv LC_IDENTIFICATION LC_ALL LANGUAGE
	SendEnv XMODIFIERS
`,
};

/** Every stock sshd configuration, as config-rule cases (valid unless the rule is opinionated). */
export const STOCK_SSHD_CASES = [
  { name: 'stock Debian 12 sshd_config', text: DEBIAN_SSHD_CONFIG, version: '9.2' },
  { name: 'stock Ubuntu cloud image with drop-ins', text: { sshd_config: DEBIAN_SSHD_CONFIG, ...UBUNTU_CLOUD_DROPINS }, version: '9.6' },
  { name: 'stock Ubuntu 20.04 sshd_config', text: UBUNTU_2004_SSHD_CONFIG, version: '8.2' },
  { name: 'stock RHEL 9 sshd_config with 50-redhat.conf', text: RHEL_SSHD_CONFIG, version: '8.7' },
];

export const STOCK_SSH_CASES = [
  { name: 'stock Debian 12 ssh_config', text: DEBIAN_SSH_CONFIG, version: '9.2' },
  { name: 'stock RHEL 9 ssh_config with 50-redhat.conf', text: RHEL_SSH_CONFIG, version: '8.7' },
];
