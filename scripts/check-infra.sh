#!/usr/bin/env bash
# Validates everything under infra/, the Dockerfile and the GitHub workflows with real tools.
# Prints one line per check ("ok" or "FAIL" plus the tool's output) and exits 1 if any failed.
# Installs missing Debian packages (as root), actionlint (Go) and kubernetes-models (npm) into a
# cache dir, so it works on a clean machine and is quick when everything is already there.
#   bash scripts/check-infra.sh            env: STUDYROOM_CACHE (default ~/.cache/studyroom)
# "A && B || { echo reason; return 1; }" is used on purpose below: the reason prints whenever A or B fails.
# shellcheck disable=SC2015
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
repo=$(pwd)
cache=${STUDYROOM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/studyroom}/infra
work=$(mktemp -d)
chmod 0755 "$work"
trap 'rm -rf "$work"' EXIT
mkdir -p "$cache"

passed=0
failed=0
# check NAME COMMAND...: runs COMMAND; ok if it exits 0 (output shown only on failure).
check() {
  local name=$1; shift
  local out
  if out=$("$@" 2>&1); then
    passed=$((passed + 1)); printf 'ok   %s\n' "$name"
  else
    failed=$((failed + 1)); printf 'FAIL %s\n' "$name"; printf '%s\n' "$out" | tail -n 40 | sed 's/^/     /'
  fi
}
# quiet COMMAND...: fails if COMMAND fails or prints anything (systemd-analyze warns but exits 0).
quiet() {
  local out
  out=$("$@" 2>&1) || { printf '%s\n' "$out"; return 1; }
  [[ -z $out ]] || { printf '%s\n' "$out"; return 1; }
}

# --- tools -------------------------------------------------------------------------------------
need_pkgs=()
for pair in nginx:nginx nft:nftables shellcheck:shellcheck systemd-analyze:systemd envsubst:gettext-base \
            openssl:openssl sshd:openssh-server; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || [[ -x /usr/sbin/${pair%%:*} ]] || need_pkgs+=("${pair#*:}")
done
if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null 2>&1; then
  need_pkgs+=(docker-compose)
fi
if ((${#need_pkgs[@]})); then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "installing: ${need_pkgs[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq "${need_pkgs[@]}" >"$work/apt.log" 2>&1 \
      || { apt-get update -qq >>"$work/apt.log" 2>&1 && apt-get install -y -qq "${need_pkgs[@]}" >>"$work/apt.log" 2>&1; } \
      || { cat "$work/apt.log"; echo "FAIL could not install ${need_pkgs[*]}"; exit 1; }
  else
    echo "FAIL missing tools (${need_pkgs[*]}) and cannot apt-get install them (not root)"; exit 1
  fi
fi
export PATH=$PATH:/usr/sbin:/sbin

# Node for the Kubernetes validator: the project's Node 24 if installed, else the system one.
node_bin=$repo/node_modules/.bin/node
[[ -x $node_bin ]] || node_bin=$(command -v node)

# --- nginx -------------------------------------------------------------------------------------
nginx_t() { # DIR: nginx -t on DIR/nginx.conf
  nginx -t -q -p "$1" -c "$1/nginx.conf" -e "$1/error.log"
}
check "nginx: production studyroom.conf (nginx -t, repo snippets, generated cert)" \
  bash -c "infra/nginx/render.sh prod '$work/ng-prod' >/dev/null && $(declare -f nginx_t); nginx_t '$work/ng-prod'"
check "nginx: loopback test config (render.sh test, nginx -t)" \
  bash -c "HTTP_PORT=18080 HTTPS_PORT=18443 API_PORTS='14001 14002' infra/nginx/render.sh test '$work/ng-test' >/dev/null && $(declare -f nginx_t); nginx_t '$work/ng-test'"
compose_nginx() {
  local d=$work/ng-compose
  mkdir -p "$d/tmp" && cp "$work/ng-prod/cert.pem" "$d/fullchain.pem" && cp "$work/ng-prod/key.pem" "$d/privkey.pem"
  sed -e "s#/etc/nginx/snippets/#$repo/infra/nginx/snippets/#g" -e "s#/etc/nginx/tls/#$d/#g" \
      -e "s#server api:4000#server 127.0.0.1:4000#" -e "s#/var/log/nginx/#$d/#g" infra/nginx/compose.conf > "$d/studyroom.conf"
  printf 'pid %s/nginx.pid;\nevents {}\nhttp {\n client_body_temp_path %s/tmp/cb;\n proxy_temp_path %s/tmp/p;\n include %s/studyroom.conf;\n}\n' \
    "$d" "$d" "$d" "$d" > "$d/nginx.conf"
  nginx_t "$d"
}
check "nginx: compose nginx config (nginx -t)" compose_nginx
body_limit() { # client_max_body_size must admit UPLOAD_MAX_BYTES (52428800) plus a multipart envelope
  local m; m=$(sed -n 's/^client_max_body_size \([0-9]*\)m;/\1/p' infra/nginx/snippets/studyroom-proxy.conf)
  [[ -n $m ]] && ((m * 1048576 >= 52428800 && m * 1048576 <= 52428800 + 4 * 1048576)) \
    || { echo "client_max_body_size ${m:-?}m does not match UPLOAD_MAX_BYTES=52428800"; return 1; }
}
check "nginx: client_max_body_size matches UPLOAD_MAX_BYTES" body_limit

# --- host --------------------------------------------------------------------------------------
check "nftables: nft -c -f infra/host/nftables.conf" nft -c -f infra/host/nftables.conf
nft_policy() { # inbound policy drop and only 22/80/443 opened
  grep -q 'hook input priority filter; policy drop;' infra/host/nftables.conf || { echo "input policy is not drop"; return 1; }
  local ports; ports=$(grep -oE 'dport (\{[^}]*\}|[0-9]+)' infra/host/nftables.conf | grep -oE '[0-9]+' | sort -n | tr '\n' ' ')
  [[ $ports == "22 80 443 " ]] || { echo "opened ports: $ports (expected 22 80 443)"; return 1; }
}
check "nftables: default drop, only 22/80/443 open" nft_policy
sshd_check() {
  local d=$work/sshd
  mkdir -p "$d" /run/sshd
  ssh-keygen -q -t ed25519 -N '' -f "$d/host_key" >/dev/null
  printf 'Include %s\nHostKey %s\n' "$repo/infra/host/sshd_config.d/studyroom.conf" "$d/host_key" > "$d/sshd_config"
  /usr/sbin/sshd -t -f "$d/sshd_config" || return 1
  local eff; eff=$(/usr/sbin/sshd -T -f "$d/sshd_config" -C user=root,host=x,addr=192.0.2.1)
  grep -qx 'passwordauthentication no' <<<"$eff" && grep -qx 'kbdinteractiveauthentication no' <<<"$eff" \
    && grep -qx 'permitrootlogin without-password' <<<"$eff" \
    || { echo "effective sshd settings allow passwords or root password login"; return 1; }
}
check "sshd: drop-in parses (sshd -t) and is keys-only (sshd -T)" sshd_check

# --- systemd -----------------------------------------------------------------------------------
# systemd-analyze verify checks unit syntax, unknown keys/sections, dependencies and that ExecStart
# binaries exist. It runs against a scratch root holding the distribution's units, ours, and stand-ins
# for the two binaries provision.sh installs (/usr/local/bin/node, /usr/bin/docker).
systemd_root() {
  local r=$work/sdroot
  mkdir -p "$r/usr/lib/systemd" "$r/etc/systemd/system" "$r/usr/local/bin" "$r/usr/bin"
  cp -a /usr/lib/systemd/system "$r/usr/lib/systemd/" 2>/dev/null || cp -a /lib/systemd/system "$r/usr/lib/systemd/"
  cp infra/systemd/*.service "$r/etc/systemd/system/"
  printf '#!/bin/sh\n' > "$r/usr/local/bin/node"; printf '#!/bin/sh\n' > "$r/usr/bin/docker"
  chmod +x "$r/usr/local/bin/node" "$r/usr/bin/docker"
}
systemd_root
units=(studyroom-api@4001.service studyroom-api@4002.service studyroom-worker.service
       studyroom-migrate.service studyroom-weaviate.service)
check "systemd: systemd-analyze verify (${#units[@]} units, no warnings)" \
  quiet systemd-analyze verify --root="$work/sdroot" "${units[@]}"
for unit in studyroom-api@4001.service studyroom-worker.service studyroom-migrate.service; do
  check "systemd: ${unit} hardening (systemd-analyze security exposure <= 3.0)" \
    systemd-analyze security --offline=true --root="$work/sdroot" --threshold=30 --no-pager "$unit"
done

# --- compose -----------------------------------------------------------------------------------
if docker compose version >/dev/null 2>&1; then compose=(docker compose); else compose=(docker-compose); fi
compose_check() {
  POSTGRES_PASSWORD=check JWT_SECRET=check-check-check-check-check-check "${compose[@]}" \
    -f infra/compose.yaml config > "$work/compose.out" || return 1
  grep -q 'replicas: 2' "$work/compose.out" || { echo "api does not run 2 replicas"; return 1; }
  grep -q 'cr.weaviate.io/semitechnologies/weaviate:1.39.0' "$work/compose.out" || { echo "weaviate image not pinned"; return 1; }
}
check "compose: ${compose[*]} config ($("${compose[@]}" version --short 2>/dev/null || "${compose[@]}" version | head -1))" compose_check

# --- Dockerfile (static: no daemon needed) ------------------------------------------------------
dockerfile_check() {
  local f=Dockerfile
  grep -q '^FROM node:24-slim AS deps' $f && grep -q '^FROM node:24-slim AS runtime' $f || { echo "expected two node:24-slim stages"; return 1; }
  grep -q 'npm ci --omit=dev' $f || { echo "no production-only install"; return 1; }
  grep -qE '^USER [1-9][0-9]*' $f || { echo "no numeric non-root USER"; return 1; }
  grep -q '^HEALTHCHECK .*' $f && grep -q '/healthz' $f || { echo "no HEALTHCHECK on /healthz"; return 1; }
  grep -qx '\*' .dockerignore || { echo ".dockerignore is not an allow-list"; return 1; }
}
check "docker: Dockerfile multi-stage, non-root, HEALTHCHECK; .dockerignore allow-list" dockerfile_check

# --- Kubernetes --------------------------------------------------------------------------------
k8s_check() {
  local dir=$repo/scripts
  if ! (cd "$repo" && "$node_bin" -e "import('kubernetes-models/apps/v1/Deployment').then(()=>import('yaml'))" >/dev/null 2>&1); then
    dir=$cache/k8s
    if [[ ! -d $dir/node_modules/kubernetes-models || ! -d $dir/node_modules/yaml ]]; then
      mkdir -p "$dir" && [[ -f $dir/package.json ]] || echo '{"private":true,"type":"module"}' > "$dir/package.json"
      npm install --prefix "$dir" --no-audit --no-fund --loglevel=error kubernetes-models@5.1.0 yaml@2.8.1 || return 1
    fi
    cp scripts/check-k8s.mjs "$dir/"
  fi
  "$node_bin" "$dir/check-k8s.mjs" "$repo/infra/k8s"
}
check "kubernetes: infra/k8s against the Kubernetes OpenAPI schemas (kubernetes-models, strict fields)" k8s_check

# --- GitHub workflows --------------------------------------------------------------------------
actionlint_bin=$cache/bin/actionlint
actionlint_check() {
  if [[ ! -x $actionlint_bin ]]; then
    command -v go >/dev/null || { echo "Go is needed to build actionlint"; return 1; }
    GOBIN=$cache/bin go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 || return 1
  fi
  "$actionlint_bin" -color=false .github/workflows/*.yml
}
check "workflows: actionlint (schema, expressions, shellcheck of run: steps)" actionlint_check

# --- shell scripts -----------------------------------------------------------------------------
mapfile -t scripts < <(find infra -name '*.sh' | sort; echo scripts/check-infra.sh)
check "shellcheck: ${#scripts[@]} scripts" shellcheck -x "${scripts[@]}"

echo "infra: ${passed} passed, ${failed} failed"
((failed == 0))
