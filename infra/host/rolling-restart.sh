#!/usr/bin/env bash
# Restarts the API instances one at a time; the next one only after the previous answers /readyz.
# nginx keeps traffic flowing meanwhile: a refused connect goes to the other instance
# (proxy_next_upstream), and subscription clients of the restarted instance reconnect.
#
#   infra/host/rolling-restart.sh [PORT...]     default: every enabled studyroom-api@PORT instance
# env: READY_TIMEOUT (seconds per instance, 90), SETTLE (seconds between instances, 8)
#
# SETTLE gives the restarted instance time to take over its share (WebSocket clients reconnect to it)
# before the next one stops. nginx never marks an instance unavailable (max_fails=0), so a refused
# connect during a restart just moves the request on. test/infra/rolling-restart.test.ts runs this
# procedure behind the repository's nginx config and reads SETTLE's default from here.
set -euo pipefail

ready_timeout=${READY_TIMEOUT:-90}
settle=${SETTLE:-8}

ports=("$@")
if [[ ${#ports[@]} -eq 0 ]]; then
  mapfile -t ports < <(systemctl list-units --all --plain --no-legend 'studyroom-api@*.service' \
    | awk '{print $1}' | sed -n 's/^studyroom-api@\([0-9]\+\)\.service$/\1/p' | sort -n)
fi
if [[ ${#ports[@]} -eq 0 ]]; then
  echo "rolling-restart: no studyroom-api@PORT instances found" >&2
  exit 1
fi
if [[ ${#ports[@]} -lt 2 ]]; then
  echo "rolling-restart: warning: only one instance (${ports[*]}): requests fail while it restarts" >&2
fi

wait_ready() {
  local port=$1 deadline=$((SECONDS + ready_timeout))
  until curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:${port}/readyz"; do
    if ((SECONDS >= deadline)); then
      echo "rolling-restart: instance ${port} not ready after ${ready_timeout}s; stopping the roll" >&2
      journalctl -u "studyroom-api@${port}" -n 30 --no-pager >&2 || true
      return 1
    fi
    sleep 1
  done
}

# Never take an instance down while another one is unhealthy.
for port in "${ports[@]}"; do
  wait_ready "$port"
done

for port in "${ports[@]}"; do
  echo "rolling-restart: restarting studyroom-api@${port}"
  systemctl restart "studyroom-api@${port}.service"
  wait_ready "$port"
  echo "rolling-restart: studyroom-api@${port} ready"
  sleep "$settle"
done
echo "rolling-restart: ${#ports[@]} instance(s) restarted"
