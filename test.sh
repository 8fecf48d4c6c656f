#!/usr/bin/env bash
# The test command: installs what the tests need when it is missing, runs every test of the solution,
# and ends with one line "N passed, N failed, N skipped". Exits non-zero on any failure.
# With CI=true, a missing browser or missing ../shared/data fails the run instead of skipping tests.
set -uo pipefail
cd "$(dirname "$0")"

# Debian packages the tests use: the browser, a CJK font so it draws Japanese, pdftotext for PDF checks.
missing=()
for package in chromium fonts-noto-cjk poppler-utils; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing ${missing[*]} ..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || { echo "apt-get could not install ${missing[*]}"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
  else
    echo "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}"
    echo "(Tests that need them are skipped, or fail when CI=true.)"
  fi
fi

if [ "${CI:-}" = "true" ] && [ ! -d ../shared/data ]; then
  echo "CI=true but ../shared/data is missing: the tests that read real public data cannot run."
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

log=$(mktemp)
dotnet test Workbench.sln --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# "Passed!  - Failed:     0, Passed:    59, Skipped:     2, Total:    61, ..." per test assembly.
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- Failed: +[0-9]+' "$log" \
  | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
rm -f "$log"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or the test host failed before any test result
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
