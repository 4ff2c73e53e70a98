#!/usr/bin/env bash
# Checks the Kubernetes manifests of deploy/ without a cluster: renders deploy/overlays/* with
# `kubectl kustomize`, validates every document against the JSON schema of its kind (Kubernetes,
# Strimzi, CloudNativePG), refuses inline secrets, checks references and the Kafka topics against
# Topics.java, and proves on known mistakes that it catches them. Then checks docker-compose.yml without
# Docker: the Compose specification's JSON schema, images against the Quarkus container-image settings,
# ports on 127.0.0.1, start-up order, secrets, addresses, the production shape, and the demo override
# docker-compose.demo.yml merged into it (deploy/validate/compose.mjs), with its own self-test. Exits
# non-zero on any failure.
#
#   deploy/validate.sh [--overlay dev] [--overlay prod]      (--overlay: the Kubernetes part only)
#
# Installs what it needs: kubectl from Debian's kubernetes-client where there is none (its kustomize
# is v2.0.3, which the manifests are written for), the validator's npm packages (npm ci, among them dclint,
# which ships the Compose schema); the Kubernetes schemas come from Maven Central, pinned by SHA-256 and
# cached in deploy/validate/.cache. KUBECTL=/path/kubectl picks another kubectl.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ -z "${KUBECTL:-}" ] && ! command -v kubectl >/dev/null 2>&1; then
  echo "validate: installing kubectl (Debian package kubernetes-client)" >&2
  as_root apt-get install -y -qq kubernetes-client >/dev/null 2>&1 \
    || { as_root apt-get update -qq >/dev/null && as_root apt-get install -y -qq kubernetes-client >/dev/null; }
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "validate: installing Node.js and npm (Debian packages)" >&2
  as_root apt-get install -y -qq nodejs npm >/dev/null 2>&1 \
    || { as_root apt-get update -qq >/dev/null && as_root apt-get install -y -qq nodejs npm >/dev/null; }
fi

(cd "$here/validate" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
status=0
node "$here/validate/validate.mjs" "$@" || status=$?
# then docker-compose.yml: the Compose specification's JSON schema, and what the schema cannot say
node "$here/validate/compose.mjs" || { rc=$?; [ "$status" -ne 0 ] || status=$rc; }
exit "$status"
