#!/usr/bin/env bash
# Installs what the tests need when it is missing, runs every test in the solution, and ends with
# one totals line: "N passed, N failed, N skipped".
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

# Debian packages the integration tests drive: PostgreSQL, the CNCF Distribution registry, skopeo and
# umoci to build and push images, Chromium for the dashboard.
missing=()
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
command -v docker-registry >/dev/null 2>&1 || [ -x /usr/bin/docker-registry ] || missing+=(docker-registry)
command -v skopeo >/dev/null 2>&1 || missing+=(skopeo)
command -v umoci >/dev/null 2>&1 || missing+=(umoci)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  if ! { $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >/tmp/vivido-apt.log 2>&1; then
    echo "test.sh: apt-get install failed (see /tmp/vivido-apt.log); tests that need ${missing[*]} will fail" >&2
  fi
  # The Debian postgresql package starts a cluster on port 5432; tests start their own on free ports.
  if [[ " ${missing[*]} " == *" postgresql "* ]] && command -v pg_ctlcluster >/dev/null 2>&1; then
    for c in $(pg_lsclusters -h 2>/dev/null | awk '{print $1"/"$2}'); do pg_ctlcluster ${c/\// } stop >/dev/null 2>&1 || true; done
  fi
fi

reports="$here/artifacts/test-reports"
rm -rf "$reports"
mkdir -p "$reports"
export VIVIDO_TEST_REPORTS="$reports"
log="$reports/dotnet-test.log"

dotnet test "$here/Vivido.slnx" --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

if [ -f "$reports/cel-conformance.txt" ]; then
  echo
  echo "CEL conformance (../shared/fixtures/cel-spec):"
  cat "$reports/cel-conformance.txt"
fi

# One summary line per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
read -r passed failed skipped < <(grep -E '^(Passed|Failed)! +- Failed: ' "$log" | awk -F'[:,]' '
  { f += $2; p += $4; s += $6 } END { printf "%d %d %d\n", p, f, s }')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the build or a test host failed before any test could report
fi
echo
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
