#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what the tests need (OpenSSH from the
# distribution, npm packages), then type-checks, proves dist/ is rebuilt from src/, and runs
# every test, including the ones that ask the real ssh-keygen and sshd.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v sshd >/dev/null 2>&1 && [ ! -x /usr/sbin/sshd ]; then
  if [ "$(id -u)" = 0 ]; then
    bash scripts/install-openssh.sh
  else
    echo "OpenSSH server not found: run 'sudo bash scripts/install-openssh.sh' first" >&2
    exit 2
  fi
fi
mkdir -p /run/sshd 2>/dev/null || true

npm ci --no-audit --no-fund
npm run typecheck
npm run check-dist
npx vitest run
