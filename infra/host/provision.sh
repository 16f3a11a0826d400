#!/usr/bin/env bash
# Provisions a fresh Debian 12+/Ubuntu 22.04+ VPS for Study Room. Idempotent: safe to run again.
# Run as root from a checkout of the repository:
#   DOMAIN=study.example.org EMAIL=ops@example.org bash infra/host/provision.sh
# env: DOMAIN (required), EMAIL (required for the certificate), API_PORTS ("4001 4002"),
#      NODE_MAJOR (24), SKIP_CERT=1 (no certbot, e.g. before DNS points here), SKIP_FIREWALL=1.
set -euo pipefail

DOMAIN=${DOMAIN:?set DOMAIN, e.g. DOMAIN=study.example.org}
EMAIL=${EMAIL:-}
API_PORTS=${API_PORTS:-4001 4002}
NODE_MAJOR=${NODE_MAJOR:-24}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
app=/opt/studyroom
export DEBIAN_FRONTEND=noninteractive

[[ $(id -u) == 0 ]] || { echo "provision: run as root" >&2; exit 1; }
log() { printf '\n== %s\n' "$*"; }

log "packages"
apt-get update -qq
apt-get install -y -qq ca-certificates curl xz-utils openssl rsync nginx certbot postgresql \
  redis-server nftables docker.io unattended-upgrades >/dev/null

log "Node.js ${NODE_MAJOR} (official tarball, checksum-verified)"
if ! /usr/local/bin/node --version 2>/dev/null | grep -q "^v${NODE_MAJOR}\."; then
  arch=$(dpkg --print-architecture); case $arch in amd64) arch=x64 ;; arm64) arch=arm64 ;; esac
  base="https://nodejs.org/dist/latest-v${NODE_MAJOR}.x"
  tmp=$(mktemp -d)
  curl -fsSL "$base/SHASUMS256.txt" -o "$tmp/SHASUMS256.txt"
  file=$(grep -o "node-v${NODE_MAJOR}\.[0-9.]*-linux-${arch}\.tar\.xz" "$tmp/SHASUMS256.txt" | head -1)
  curl -fsSL "$base/$file" -o "$tmp/$file"
  (cd "$tmp" && grep " $file\$" SHASUMS256.txt | sha256sum -c -)
  mkdir -p /opt/node && tar -xJf "$tmp/$file" -C /opt/node
  ln -sfn "/opt/node/${file%.tar.xz}" /opt/node/current
  for bin in node npm npx; do ln -sfn "/opt/node/current/bin/$bin" "/usr/local/bin/$bin"; done
  rm -rf "$tmp"
fi
/usr/local/bin/node --version

log "user and directories"
id studyroom >/dev/null 2>&1 || useradd --system --home-dir /var/lib/studyroom --shell /usr/sbin/nologin studyroom
install -d -o studyroom -g studyroom -m 0750 /var/lib/studyroom
install -d -o root -g studyroom -m 0750 /etc/studyroom
install -d -m 0755 "$app/releases" /var/www/certbot /var/lib/weaviate

log "environment file /etc/studyroom/env"
if [[ ! -f /etc/studyroom/env ]]; then
  db_password=$(openssl rand -hex 24)
  cat > /etc/studyroom/env <<ENV
# Study Room settings (systemd EnvironmentFile). Do not set PORT, ROLE or HOST here: the units do.
DATABASE_URL=postgres://studyroom:${db_password}@127.0.0.1:5432/studyroom
WEAVIATE_URL=http://127.0.0.1:8080
WEAVIATE_GRPC_PORT=50051
REDIS_URL=redis://127.0.0.1:6379
JWT_SECRET=$(openssl rand -hex 32)
UPLOAD_MAX_BYTES=52428800
LOG_LEVEL=info
# OPENAI_API_KEY=
# OPENAI_BASE_URL=
# CHAT_MODEL=
# EMBEDDING_MODEL=
ENV
  chown root:studyroom /etc/studyroom/env && chmod 0640 /etc/studyroom/env
fi

log "PostgreSQL role and database"
db_password=$(sed -n 's#^DATABASE_URL=postgres://studyroom:\([^@]*\)@.*#\1#p' /etc/studyroom/env)
if [[ -n $db_password ]]; then
  if ! runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_roles WHERE rolname='studyroom'" | grep -q 1; then
    runuser -u postgres -- psql -qc "CREATE ROLE studyroom LOGIN PASSWORD '${db_password}'"
  fi
  if ! runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_database WHERE datname='studyroom'" | grep -q 1; then
    runuser -u postgres -- createdb -O studyroom studyroom
  fi
fi
# Debian's defaults already listen on localhost only (PostgreSQL listen_addresses, Redis bind).

log "application code ($app/current)"
if [[ ! -e $app/current ]]; then
  rev=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || date +%s)
  rsync -a --delete --exclude .git --exclude node_modules --exclude .data "$repo/" "$app/releases/$rev/"
  (cd "$app/releases/$rev" && /usr/local/bin/npm ci --omit=dev --no-audit --no-fund)
  ln -sfn "$app/releases/$rev" "$app/current"
fi

log "systemd units"
install -m 0644 "$repo"/infra/systemd/*.service /etc/systemd/system/
systemctl daemon-reload
systemctl enable --now docker postgresql redis-server
systemctl enable --now studyroom-weaviate.service
systemctl start studyroom-migrate.service
for port in $API_PORTS; do systemctl enable --now "studyroom-api@${port}.service"; done
systemctl enable --now studyroom-worker.service

log "sshd: keys only"
install -m 0644 "$repo/infra/host/sshd_config.d/studyroom.conf" /etc/ssh/sshd_config.d/studyroom.conf
sshd -t && systemctl reload ssh

if [[ ${SKIP_FIREWALL:-0} != 1 ]]; then
  log "nftables: only SSH, HTTP, HTTPS in"
  nft -c -f "$repo/infra/host/nftables.conf"
  install -m 0755 "$repo/infra/host/nftables.conf" /etc/nftables.conf
  systemctl enable nftables && systemctl restart nftables
  # Docker adds its own tables; restart it so they are back after a ruleset reload.
  systemctl restart docker
fi

log "nginx"
install -m 0644 "$repo"/infra/nginx/snippets/studyroom-*.conf /etc/nginx/snippets/
rm -f /etc/nginx/sites-enabled/default
cert=/etc/letsencrypt/live/$DOMAIN/fullchain.pem
if [[ ! -f $cert ]]; then
  # Bootstrap: port 80 only, so certbot's HTTP-01 challenge can be answered.
  cat > /etc/nginx/conf.d/studyroom.conf <<CONF
server {
    listen 80;
    listen [::]:80;
    server_name $DOMAIN;
    include /etc/nginx/snippets/studyroom-acme.conf;
    location / { return 503; }
}
CONF
  nginx -t && systemctl reload-or-restart nginx
  if [[ ${SKIP_CERT:-0} != 1 ]]; then
    : "${EMAIL:?set EMAIL for the ACME account}"
    certbot certonly --webroot -w /var/www/certbot -d "$DOMAIN" --email "$EMAIL" \
      --agree-tos --non-interactive --keep-until-expiring
  fi
fi
if [[ -f $cert ]]; then
  sed "s/studyroom.example.com/$DOMAIN/g" "$repo/infra/nginx/studyroom.conf" > /etc/nginx/conf.d/studyroom.conf
  nginx -t && systemctl enable nginx && systemctl reload-or-restart nginx
fi

log "certificate renewal reloads nginx"
install -d /etc/letsencrypt/renewal-hooks/deploy
cat > /etc/letsencrypt/renewal-hooks/deploy/reload-nginx.sh <<'HOOK'
#!/bin/sh
nginx -t && systemctl reload nginx
HOOK
chmod 0755 /etc/letsencrypt/renewal-hooks/deploy/reload-nginx.sh
systemctl enable --now certbot.timer 2>/dev/null || true

log "done"
echo "Check: curl -fsS https://$DOMAIN/healthz && curl -fsS http://127.0.0.1:4001/readyz"
