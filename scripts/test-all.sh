#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what the tests need (OpenSSH from the
# distribution, npm packages), then type-checks, proves dist/ is rebuilt from src/, and runs
# every test, including the ones that ask the real ssh-keygen and sshd.
set -euo pipefail
cd "$(dirname "$0")/.."

# The oracle tests need the real OpenSSH; the hook test Debian's pre-commit; the private-key tests puttygen.
if [ ! -x /usr/sbin/sshd ] || ! command -v pre-commit >/dev/null 2>&1 || ! command -v puttygen >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    bash scripts/install-test-deps.sh
  else
    echo "OpenSSH server, pre-commit or puttygen not found: run 'sudo bash scripts/install-test-deps.sh' first" >&2
    exit 2
  fi
fi
mkdir -p /run/sshd 2>/dev/null || true

npm ci --no-audit --no-fund
npm run typecheck
npm run check-dist
npx vitest run
