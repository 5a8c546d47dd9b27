#!/usr/bin/env bash
# Checks that a change of code is not a change of behaviour: runs two corpuslint
# binaries on the shared corpus and a generated 20 MB batch with
# `lint --format jsonl --select all` (and `eval` on the labeled files) and compares
# the outputs byte for byte.
#
#   scripts/samecheck.sh OLD_BINARY [NEW_BINARY]
#
# NEW_BINARY defaults to a build of the working tree. OLD_BINARY is typically a
# build of the commit before the change (git worktree add /tmp/old REV && go build).
# Environment: SHARED (default ../shared), CHECK_DIR (default /tmp/corpuslint-samecheck).
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1
shared=${SHARED:-../shared}
dir=${CHECK_DIR:-/tmp/corpuslint-samecheck}
mkdir -p "$dir"
new=${2:-$dir/new-corpuslint}
[[ $# -ge 2 ]] || go build -o "$new" ./cmd/corpuslint
c20=$dir/c20.jsonl
[[ -s $c20 ]] || python3 "$shared/bench/make_corpus.py" --mb 20 --out "$c20" >/dev/null
inputs=("$shared/corpus/aeb-dev.jsonl" "$shared/corpus/readability-dev.jsonl"
  "$shared/corpus/trafilatura-eval-dev.jsonl" "$shared/corpus/unlabeled-fullpage.jsonl.gz" "$c20")
# The old binary's outputs are kept between runs, keyed by its checksum.
oldsum=$(sha256sum "$old" | cut -c1-16)
[[ -f $dir/old.sum && $(cat "$dir/old.sum") == "$oldsum" ]] && cached=true || cached=false
echo "$oldsum" > "$dir/old.sum"
status=0
for in in "${inputs[@]}"; do
  name=$(basename "$in")
  for which in old new; do
    bin=$old; [[ $which == new ]] && bin=$new
    [[ $which == old ]] && $cached && continue
    "$bin" lint --format jsonl --select all --fail-on never "$in" > "$dir/$name.$which.jsonl" 2> "$dir/$name.$which.err" || true
  done
  if cmp -s "$dir/$name.old.jsonl" "$dir/$name.new.jsonl" && cmp -s "$dir/$name.old.err" "$dir/$name.new.err"; then
    echo "same     $name ($(wc -l < "$dir/$name.new.jsonl") findings)"
  else
    echo "DIFFERENT $name: diff $dir/$name.old.jsonl $dir/$name.new.jsonl"; status=1
  fi
done
for in in aeb-dev readability-dev; do
  for which in old new; do
    bin=$old; [[ $which == new ]] && bin=$new
    [[ $which == old ]] && $cached && continue
    "$bin" eval --labels "$shared/corpus/$in.jsonl" > "$dir/eval-$in.$which.txt" 2>&1 || true
  done
  if cmp -s "$dir/eval-$in.old.txt" "$dir/eval-$in.new.txt"; then echo "same     eval $in"
  else echo "DIFFERENT eval $in: diff $dir/eval-$in.old.txt $dir/eval-$in.new.txt"; status=1; fi
done
exit $status
