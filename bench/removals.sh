# bench/removals.sh: sourced by bench/run and bench/rebuild. On ext4
# without a journal (this machine's disk) the kernel, making a new file,
# skips the inodes freed in the last minutes, reading each one's block to
# see when it was freed (ext4 recently_deleted(); see "Where the outputs
# go" in bench/run). A build made within 6 minutes of a removal of some
# 20,000 files pays for that search, by a second or more at N = 5000; so a
# bench notes when it removes its outputs from the disk, and one that times
# builds on the disk waits out what is left of those minutes first.
# (Files that something else removed cannot be seen from here.)

REMOVED_AT=${TMPDIR:-/tmp}/staffroom-bench-removed-at

# note_removal FOLDER: notes the time when FOLDER is not on a tmpfs (which
# has no such search): call it after removing files from there, or after a
# build that replaced an output there (the old one is removed).
note_removal() {
  [ "$(stat -f -c %T "$1" 2>/dev/null)" = tmpfs ] || date +%s >"$REMOVED_AT"
}

# remove_outputs FOLDER...: removes them, noting it.
remove_outputs() {
  local f
  for f in "$@"; do
    [ -e "$f" ] || continue
    note_removal "$f"
    rm -rf "$f"
  done
}

# wait_after_removal: sleeps until 6 minutes (and a few seconds) have
# passed since a bench last removed outputs from a disk, saying so on
# standard error and, for the bench's table, on standard output.
wait_after_removal() {
  local at left
  at=$(cat "$REMOVED_AT" 2>/dev/null) || return 0
  [[ $at =~ ^[0-9]+$ ]] || return 0
  left=$((at + 370 - $(date +%s)))
  [ "$left" -gt 0 ] || return 0
  printf 'bench: waiting %s s: a bench removed its outputs from the disk less than 6 minutes ago, which would slow the builds'"'"' search for free inodes\n' "$left" >&2
  sleep "$left"
  echo "Waited $left s first: a bench had removed its outputs from this disk $((370 - left)) s before (see bench/removals.sh)."
}
