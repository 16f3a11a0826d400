#!/usr/bin/env bash
# Renders an nginx config that can be checked (nginx -t) or run without touching /etc/nginx.
#
#   infra/nginx/render.sh test OUTDIR   loopback config from test.conf.template, for tests:
#       env HTTP_PORT (8080), HTTPS_PORT (8443), API_PORTS ("4001 4002"), RATE (1000r/s),
#       CERT/KEY (default: a self-signed localhost certificate generated into OUTDIR),
#       ACME_ROOT (OUTDIR/acme): the certbot webroot the ACME snippet serves (production: /var/www/certbot).
#       Start it with: nginx -p OUTDIR -c OUTDIR/nginx.conf -e OUTDIR/error.log -g 'daemon off;'
#   infra/nginx/render.sh prod OUTDIR   the production studyroom.conf wrapped in a minimal main
#       config, its /etc paths pointed at the repo snippets and a generated certificate (nginx -t only).
#
# Prints OUTDIR/nginx.conf on success.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mode=${1:?usage: render.sh test|prod OUTDIR}
out=${2:?usage: render.sh test|prod OUTDIR}
mkdir -p "$out/tmp"
out=$(cd "$out" && pwd)

make_cert() {
  if [[ ! -s $out/cert.pem || ! -s $out/key.pem ]]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
      -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
      -keyout "$out/key.pem" -out "$out/cert.pem" 2>/dev/null
  fi
}

# As root, nginx workers default to "nobody", which may not reach a private temp dir.
if [[ $(id -u) == 0 ]]; then user_line='user root;'; else user_line='# (not root: workers run as the current user)'; fi

case $mode in
  test)
    if [[ -z ${CERT:-} ]]; then make_cert; CERT=$out/cert.pem; KEY=$out/key.pem; fi
    # The ACME snippet as shipped, with its webroot moved under OUTDIR (tests write challenge files there).
    acme_root=${ACME_ROOT:-$out/acme}
    mkdir -p "$acme_root/.well-known/acme-challenge"
    sed "s#root /var/www/certbot;#root $acme_root;#" "$here/snippets/studyroom-acme.conf" > "$out/studyroom-acme.conf"
    grep -q "root $acme_root;" "$out/studyroom-acme.conf" \
      || { echo "render.sh: snippets/studyroom-acme.conf has no 'root /var/www/certbot;' line" >&2; exit 1; }
    upstreams=''
    for port in ${API_PORTS:-4001 4002}; do
      upstreams+="        server 127.0.0.1:${port} max_fails=0;"$'\n'
    done
    # shellcheck disable=SC2016 # the list names the variables envsubst may replace
    OUT=$out SNIPPETS=$here/snippets HTTP_PORT=${HTTP_PORT:-8080} HTTPS_PORT=${HTTPS_PORT:-8443} \
      RATE=${RATE:-1000r/s} CERT=$CERT KEY=${KEY:?KEY must be set with CERT} \
      UPSTREAM_SERVERS=$upstreams NGINX_USER_LINE=$user_line \
      envsubst '${OUT} ${SNIPPETS} ${HTTP_PORT} ${HTTPS_PORT} ${RATE} ${CERT} ${KEY} ${UPSTREAM_SERVERS} ${NGINX_USER_LINE}' \
      < "$here/test.conf.template" > "$out/nginx.conf"
    ;;
  prod)
    make_cert
    sed -e "s#/etc/nginx/snippets/#$here/snippets/#g" \
        -e "s#/etc/letsencrypt/live/studyroom.example.com/fullchain.pem#$out/cert.pem#" \
        -e "s#/etc/letsencrypt/live/studyroom.example.com/privkey.pem#$out/key.pem#" \
        -e "s#/var/log/nginx/#$out/#g" \
        "$here/studyroom.conf" > "$out/studyroom.conf"
    cat > "$out/nginx.conf" <<CONF
$user_line
pid $out/nginx.pid;
error_log $out/error.log warn;
events { worker_connections 1024; }
http {
    client_body_temp_path $out/tmp/client_body;
    proxy_temp_path $out/tmp/proxy;
    fastcgi_temp_path $out/tmp/fastcgi;
    uwsgi_temp_path $out/tmp/uwsgi;
    scgi_temp_path $out/tmp/scgi;
    include $out/studyroom.conf;
}
CONF
    ;;
  *) echo "render.sh: unknown mode '$mode' (test|prod)" >&2; exit 2 ;;
esac
echo "$out/nginx.conf"
