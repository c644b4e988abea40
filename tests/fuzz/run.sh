#!/bin/sh
# Builds the libFuzzer target with clang and runs it for a fixed time: tests/fuzz/run.sh [SECONDS] (default 300).
set -eu
seconds=${1:-300}
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
ninja -C "$build" fuzz_load

# Seeds: the example site's own files, each prefixed by the byte that picks
# its loader (0 advert, 1 person spec, 2 school, 3 standard, 4 page).
corpus="$here/corpus"
mkdir -p "$corpus"
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

# Findings (crash-*, leak-*, timeout-*) are written to tests/fuzz/findings/.
mkdir -p "$here/findings"
ASAN_OPTIONS=detect_leaks=1 "$build/fuzz_load" "$corpus" \
  -dict="$here/yaml.dict" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix="$here/findings/" -print_final_stats=1
