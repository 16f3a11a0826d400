#!/usr/bin/env bash
# Installs a release on the VPS with no downtime. Run as root (the deploy workflow does, over SSH):
#   infra/host/deploy-release.sh /tmp/studyroom-<sha>.tar.gz <sha>
# 1. unpack to /opt/studyroom/releases/<sha> and install production dependencies
# 2. point /opt/studyroom/current at it (running processes keep their already-loaded code)
# 3. run migrations once (studyroom-migrate.service); they must be backward compatible
#    (expand first, contract in a later release), since old instances keep serving meanwhile
# 4. roll the API instances one at a time (rolling-restart.sh), then restart the worker
# On failure before step 4, `current` is switched back and nothing was restarted.
set -euo pipefail

tarball=${1:?usage: deploy-release.sh TARBALL SHA}
sha=${2:?usage: deploy-release.sh TARBALL SHA}
root=/opt/studyroom
release=$root/releases/$sha

mkdir -p "$release"
tar -xzf "$tarball" -C "$release"
(cd "$release" && npm ci --omit=dev --no-audit --no-fund)
chown -R root:root "$release"

previous=$(readlink -f "$root/current" || true)
ln -sfn "$release" "$root/current.new" && mv -T "$root/current.new" "$root/current"

if ! systemctl start studyroom-migrate.service; then
  echo "deploy: migrations failed; switching back to ${previous:-nothing}" >&2
  journalctl -u studyroom-migrate.service -n 50 --no-pager >&2 || true
  if [[ -n $previous ]]; then ln -sfn "$previous" "$root/current.new" && mv -T "$root/current.new" "$root/current"; fi
  exit 1
fi

"$release/infra/host/rolling-restart.sh"
systemctl restart studyroom-worker.service

# Keep the five newest releases.
# shellcheck disable=SC2012 # release dirs are commit shas
ls -1dt "$root"/releases/*/ | tail -n +6 | xargs -r rm -rf
echo "deploy: $sha is live"
