#!/bin/sh
# Provisions the deploy user on a new server.
set -eu
useradd -m deploy
install -d -m 700 -o deploy -g deploy /home/deploy/.ssh
install -m 600 -o deploy -g deploy keys/alice.pub /home/deploy/.ssh/authorized_keys
cat > /etc/ssh/sshd_config.d/20-deploy.conf <<'CONF'
AllowUsers deploy
PasswordAuthentication no
CONF
sshd -t
