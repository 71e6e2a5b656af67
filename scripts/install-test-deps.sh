#!/bin/sh
# Installs what the tests need from Debian: the OpenSSH binaries the oracle tests
# (test/oracle/) ask, pre-commit for the hook test (test/pre-commit/), and puttygen
# (putty-tools) for the private-key tests' PuTTY and ssh.com keys (test/fixtures/private-keys.ts).
# For CI, as root, on Debian. Idempotent. Never starts or enables the system
# sshd: the tests run their own sshd on 127.0.0.1 in debug mode.
set -eu

if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-deps.sh: must run as root" >&2
  exit 1
fi

installed() {
  dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed$'
}

missing=""
for pkg in openssh-server openssh-client pre-commit putty-tools; do
  installed "$pkg" || missing="$missing $pkg"
done

if [ -n "$missing" ]; then
  # policy-rc.d exit 101 tells invoke-rc.d not to start services during install;
  # it is removed again whatever happens, and only if this script created it.
  policy=/usr/sbin/policy-rc.d
  created_policy=no
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod 755 "$policy"
    created_policy=yes
  fi
  trap 'if [ "$created_policy" = yes ]; then rm -f "$policy"; fi' EXIT
  # Debian's unit and init script refuse to start sshd while this file exists;
  # it does not affect the oracle's own `sshd -d`. Only set on a fresh install.
  mkdir -p /etc/ssh
  touch /etc/ssh/sshd_not_to_be_run

  # apt-get update at most once: first if there are no package lists (fresh
  # container), else only when installing from the lists we have fails (stale).
  # $missing is unquoted on purpose below: one word per package.
  apt_install() {
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
  }
  if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1; then
    apt-get update -qq
    apt_install $missing
  elif ! apt_install $missing; then
    apt-get update -qq
    apt_install $missing
  fi

  # The postinst enables ssh.service anyway; undo it (works offline, no-op without systemd).
  if command -v systemctl >/dev/null 2>&1; then
    systemctl disable ssh.service ssh.socket >/dev/null 2>&1 || true
  fi
fi

# sshd's privilege-separation directory (normally made by the service unit).
mkdir -p /run/sshd
chmod 0755 /run/sshd

for bin in /usr/sbin/sshd /usr/bin/ssh /usr/bin/ssh-keygen /usr/bin/puttygen; do
  [ -x "$bin" ] || { echo "install-test-deps.sh: $bin missing after install" >&2; exit 1; }
done
/usr/bin/ssh -V
