#!/bin/sh
# Builds a libFuzzer target with clang and runs it for a fixed time:
# tests/fuzz/run.sh [SECONDS] [TARGET] (default 300 s, fuzz_load). TARGET is
# fuzz_load (the YAML and Markdown loaders) or fuzz_import (the document
# reader of `staffroom import`, the whole import from bytes).
set -eu
seconds=${1:-300}
target=${2:-fuzz_load}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${FUZZ_BUILD:-$repo/build-fuzz}

if ! command -v clang++-14 >/dev/null ||
   ! ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  echo "run.sh: installing clang's runtime (libclang-rt-14-dev)" >&2
  apt-get install -y clang-14 libclang-rt-14-dev >/dev/null
fi
CC=clang-14 CXX=clang++-14 cmake -S "$repo" -B "$build" -G Ninja \
  -DSTAFFROOM_FUZZ=ON -DSTAFFROOM_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C "$build" "$target"

corpus="$here/corpus/$target"
mkdir -p "$corpus"
if [ "$target" = fuzz_import ]; then
  # Seeds: the committed documents as they are (after a 0 byte), and the
  # main part of each .docx (after a 1) and .odt (after a 2) by itself.
  for f in "$repo"/tests/import/fixtures/*; do
    case $f in *zip-bomb*|*many-entries*|*10000-rows*) continue ;; esac  # slow to refuse
    name=$(basename "$f")
    { printf '\000'; cat "$f"; } > "$corpus/seed-0-$name"
    case $f in
      *.docx) { printf '\001'; unzip -p "$f" word/document.xml 2>/dev/null || true; } > "$corpus/seed-1-$name" ;;
      *.odt) { printf '\002'; unzip -p "$f" content.xml 2>/dev/null || true; } > "$corpus/seed-2-$name" ;;
    esac
  done
  options="-max_len=131072"
else
  # Seeds: the example site's own files, each prefixed by the byte that picks
  # its loader (0 advert, 1 person spec, 2 school, 3 standard, 4 page).
  seed() {  # seed SELECTOR FILE...
    sel=$1; shift
    for f in "$@"; do
      [ -f "$f" ] || continue
      { printf "\\$(printf '%03o' "$sel")"; cat "$f"; } > "$corpus/seed-$sel-$(basename "$f")"
    done
  }
  seed 0 "$repo"/content/vacancies/*.md "$repo"/tests/bad-sites/*/content/vacancies/*.md
  seed 1 "$repo"/content/specs/*.yaml "$repo"/tests/bad-sites/alias-bomb/content/specs/bomb.yaml
  seed 2 "$repo"/content/schools/*.yaml
  seed 3 "$repo"/content/standards/*.yaml
  seed 4 "$repo"/content/pages/*.md
  options="-dict=$here/yaml.dict -max_len=65536"
fi

# Findings (crash-*, leak-*, timeout-*) are written to tests/fuzz/findings/.
mkdir -p "$here/findings"
# shellcheck disable=SC2086 # $options is a list of options
ASAN_OPTIONS=detect_leaks=1 "$build/$target" "$corpus" $options \
  -max_total_time="$seconds" -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix="$here/findings/" -print_final_stats=1
