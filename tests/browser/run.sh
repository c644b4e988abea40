#!/usr/bin/env bash
# Browser accessibility tests (issue 7): builds the example site and the awkward
# test site with a staffroom binary, serves each over HTTP and tests every page
# in Debian's Chromium with playwright-core, axe-core and html-validate, and every
# page and stylesheet with the W3C Nu Html Checker (vnu.test.mjs, on Debian's Java).
#
#   tests/browser/run.sh [path/to/staffroom]
#
# Without an argument the binary is looked for in build/ at the top of the repo.
# STAFFROOM_TEST_FILES="./a11y.test.mjs ./vnu.test.mjs" runs only those files.
# Needs /usr/bin/chromium, java and node >= 20.19 (tests/browser/install.sh installs them).
# Screenshots go to tests/browser/screenshots/ (not committed).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

staffroom="${1:-}"
if [[ -z "$staffroom" ]]; then
  for candidate in "$repo/build/staffroom" "$here/../../build/staffroom"; do
    if [[ -x "$candidate" ]]; then staffroom="$candidate"; break; fi
  done
fi
if [[ -z "$staffroom" || ! -x "$staffroom" ]]; then
  echo "run.sh: no staffroom binary: give its path, or build it in $repo/build" >&2
  exit 2
fi
staffroom="$(cd "$(dirname "$staffroom")" && pwd)/$(basename "$staffroom")"

if [[ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]]; then
  echo "run.sh: ${CHROMIUM:-/usr/bin/chromium} is missing: run tests/browser/install.sh" >&2
  exit 2
fi

out="$(mktemp -d "${TMPDIR:-/tmp}/staffroom-browser.XXXXXX")"
trap 'rm -rf "$out"' EXIT

# A fixed clock, so that "closing soon" and "closed" are the same in every run
now="2026-11-23T12:00"
build_site() {  # name site-folder [more build options]
  if ! "$staffroom" build --site "$2" --output "$out/$1" --now "$now" "${@:3}" >"$out/$1.log" 2>&1; then
    cat "$out/$1.log" >&2
    echo "run.sh: building the $1 site failed" >&2
    exit 1
  fi
}
build_site example "$repo"
# --drafts: the draft and scheduled adverts too, with the preview banner
build_site awkward "$here/../sites/awkward" --drafts
# Welsh at the root, English under /en/ (issue 17)
build_site bilingual "$here/../sites/bilingual"
# A site whose lists are in pages (issue 18): the good bad-site's advert 130
# times with a title each, so the index has 3 pages of 50 and its search index
# 2 parts (pagination.test.mjs)
paged_site="$out/paged-site"
mkdir -p "$paged_site"
cp -r "$here/../bad-sites/good/content" "$paged_site/"
for i in $(seq 2 130); do
  sed "s/^title: .*/title: Teaching assistant number $i/" "$paged_site/content/vacancies/teacher.md" \
    >"$paged_site/content/vacancies/teacher-$i.md"
done
build_site paged "$paged_site"

source "$here/node-env.sh"
cd "$here"
if [[ ! -d node_modules ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

# Every *.test.mjs here (a11y.test.mjs, filters.test.mjs, ...), or those named in
# STAFFROOM_TEST_FILES, one file at a time:
# node's test runner prints "# pass N" and "# fail N" and exits non-zero on a failure.
STAFFROOM_SITES="example=$out/example,awkward=$out/awkward,bilingual=$out/bilingual" STAFFROOM_PAGED_SITE="$out/paged" \
  node --test --test-reporter=tap --test-concurrency=1 ${STAFFROOM_TEST_FILES:-./*.test.mjs}
