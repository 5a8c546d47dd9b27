#!/usr/bin/env bash
# Reproduces the speed table of README ("Speed"): throughput against the floor
# program of the shared bench kit, 1 -> 2 worker speedup, peak memory and time on
# 100 MB against 1 GB, and adversarial documents against normal text.
#
#   scripts/bench.sh            # everything (about 15 minutes on 2 cores; 1.3 GB in $BENCH_DIR)
#   scripts/bench.sh --quick    # no 1 GB run, one run per measurement
#   scripts/bench.sh --ratios   # only the table of ratios to the floor by selection
#   scripts/bench.sh --cpu      # only CPU seconds by selection (--workers 1), BASE_BIN against this tree
#
# The first table gives, from one run, the ratio to the floor (ratio.sh: the median
# of RUNS alternating pairs) of four selections: the default rules, the four
# mission rules (trailing-headlines, broken-quotes, stray-dash, missing-attribution),
# datatrove's filters (--profile gopher plus c4-quality and fineweb-quality) and the
# default rules with the off-by-default duplicate and language rules added
# (duplicate-document, near-duplicate, language): its ratio against the first
# row's is the cost of turning them on, measured in the same run.
# With BASE_BIN set to another build (the commit before a change), each selection is
# measured for both binaries in the same run, so the before/after ratios share the
# machine's state of the moment.
#
# --cpu prints, instead of ratios, the CPU time (user + system, the median of
# RUNS runs with --workers 1) of the same three selections for BASE_BIN and this
# tree, run alternately. On a machine shared with other jobs the wall-clock
# times (and so the ratios) move by 2x from run to run; CPU time moves far less,
# so it shows a change of speed that the ratios cannot resolve.
#
# Environment: BENCH_KIT (default ../shared/bench, the kit with make_corpus.py,
# floor/ and ratio.sh), BENCH_DIR (default /tmp/corpuslint-bench, where corpora
# and the binary go), RUNS (pairs for ratio.sh, default 3), MB (size of the
# generated corpus, default 100), BASE_BIN (a baseline binary, optional).
# Needs go, python3 and GNU time (/usr/bin/time, Debian package "time").
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false; only_ratios=false
[[ "${1:-}" == "--quick" ]] && quick=true
[[ "${1:-}" == "--ratios" ]] && only_ratios=true
only_cpu=false
[[ "${1:-}" == "--cpu" ]] && only_cpu=true
kit=$(cd "${BENCH_KIT:-../shared/bench}" && pwd)
dir=${BENCH_DIR:-/tmp/corpuslint-bench}
runs=${RUNS:-3}
$quick && runs=1
mkdir -p "$dir"
bin=$dir/corpuslint
go build -o "$bin" ./cmd/corpuslint
lint=("$bin" lint --format jsonl --fail-on never)

corpus() { # corpus MB -> path, generated once
  local f=$dir/corpus-$1m.jsonl
  [[ -s $f ]] || python3 "$kit/make_corpus.py" --mb "$1" --out "$f" >&2
  echo "$f"
}
measure() { # measure CMD... -> "seconds peak_MB"
  /usr/bin/time -f '%e %M' -o "$dir/time.out" "$@" > /dev/null 2> "$dir/stderr.out" || {
    echo "command failed: $* (see $dir/stderr.out)" >&2; exit 1; }
  awk '{printf "%s %.0f\n", $1, $2/1024}' "$dir/time.out"
}
median() { sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

c100=$(corpus "${MB:-100}")
docs=$(wc -l < "$c100")
bytes=$(stat -c %s "$c100")
cat "$c100" > /dev/null

if $only_cpu; then
  echo "## CPU seconds by selection ($((bytes / 1000000)) MB, --workers 1, user + system, median of $runs runs each, alternating)"
  bins=("$bin"); [[ -n ${BASE_BIN:-} ]] && bins=("$BASE_BIN" "$bin")
  printf '| selection | binary | CPU s | wall s |\n|---|---|---|---|\n'
  for spec in "default rules|" \
    "the four mission rules|--select trailing-headlines,broken-quotes,stray-dash,missing-attribution" \
    "--profile gopher + c4-quality + fineweb-quality|--profile gopher --extend-select c4-quality,fineweb-quality" \
    "default rules + duplicate-document, near-duplicate, language|--extend-select duplicate-document,near-duplicate,language"; do
    name=${spec%%|*}; read -r -a args <<< "${spec#*|}"
    declare -A cpu=() wall=()
    for _ in $(seq "$runs"); do
      for b in "${bins[@]}"; do
        /usr/bin/time -f '%U %S %e' -o "$dir/time.out" "$b" lint --format jsonl --fail-on never --workers 1 "${args[@]}" "$c100" \
          > /dev/null 2> "$dir/stderr.out" || { echo "command failed: $b (see $dir/stderr.out)" >&2; exit 1; }
        read -r u sy e < "$dir/time.out"
        cpu[$b]+="$(awk -v u="$u" -v s="$sy" 'BEGIN{print u+s}') "; wall[$b]+="$e "
      done
    done
    for b in "${bins[@]}"; do
      label="this tree"; [[ $b != "$bin" ]] && label="BASE_BIN"
      printf '| %s | %s | %s | %s |\n' "$name" "$label" "$(printf '%s\n' ${cpu[$b]} | median)" "$(printf '%s\n' ${wall[$b]} | median)"
    done
    unset cpu wall
  done
  exit 0
fi

echo "## Ratio to the floor by selection ($((bytes / 1000000)) MB, --workers 2, median of $runs pairs each)"
selections=("default rules|"
  "the four mission rules|--select trailing-headlines,broken-quotes,stray-dash,missing-attribution"
  "--profile gopher + c4-quality + fineweb-quality|--profile gopher --extend-select c4-quality,fineweb-quality"
  "default rules + duplicate-document, near-duplicate, language|--extend-select duplicate-document,near-duplicate,language")
bins=("$bin"); [[ -n ${BASE_BIN:-} ]] && bins=("$BASE_BIN" "$bin")
printf '| selection | binary | corpuslint MB/s | floor MB/s | peak RSS MB | ratio to the floor |\n|---|---|---|---|---|---|\n'
for spec in "${selections[@]}"; do
  name=${spec%%|*}; read -r -a args <<< "${spec#*|}"
  for b in "${bins[@]}"; do
    out=$(bash "$kit/ratio.sh" "$c100" "$runs" -- "$b" lint --format jsonl --fail-on never --workers 2 "${args[@]}" "$c100")
    label="this tree"; [[ $b != "$bin" ]] && label="BASE_BIN"
    echo "$out" | awk -v n="$name" -v b="$label" '
      /^floor:/ {fm=$5} /^command:/ {cm=$5; rss=$9} /^ratio/ {r=$NF}
      END {printf "| %s | %s | %s | %s | %s | %s |\n", n, b, cm, fm, rss, r}'
  done
done
$only_ratios && exit 0
echo

echo "## Throughput against the floor (100 MB, every default rule, --workers 2)"
out=$(bash "$kit/ratio.sh" "$c100" "$runs" -- "${lint[@]}" --workers 2 "$c100")
echo "$out"
secs=$(echo "$out" | awk '/^command:/{print $3}')
awk -v b="$bytes" -v d="$docs" -v s="$secs" 'BEGIN{printf "corpuslint: %.1f MB/s, %.0f documents/s\n", b/1e6/s, d/s}'

echo
echo "## Parallel speedup (100 MB)"
w1=(); w2=()
for _ in $(seq "$runs"); do
  read -r s _ < <(measure "${lint[@]}" --workers 1 "$c100"); w1+=("$s")
  read -r s _ < <(measure "${lint[@]}" --workers 2 "$c100"); w2+=("$s")
done
m1=$(printf '%s\n' "${w1[@]}" | median); m2=$(printf '%s\n' "${w2[@]}" | median)
awk -v a="$m1" -v b="$m2" 'BEGIN{printf "1 worker %.2f s, 2 workers %.2f s: speedup %.2fx\n", a, b, a/b}'

echo
echo "## Memory and time against input size (--workers 2)"
read -r s100 r100 < <(measure "${lint[@]}" --workers 2 "$c100")
printf '100 MB: %.2f s (%.3f s/100 MB), peak RSS %s MB\n' "$s100" "$s100" "$r100"
if ! $quick; then
  c1g=$(corpus 1000)
  read -r s1g r1g < <(measure "${lint[@]}" --workers 2 "$c1g")
  awk -v s="$s1g" -v r="$r1g" -v a="$s100" 'BEGIN{printf "1 GB:   %.2f s (%.3f s/100 MB, %.2fx the 100 MB rate), peak RSS %s MB\n", s, s/10, (s/10)/a, r}'
fi

echo
echo "## Adversarial documents (--workers 1; time per MB against normal text)"
read -r sn _ < <(measure "${lint[@]}" --workers 1 "$c100")
normal=$(awk -v s="$sn" -v b="$bytes" 'BEGIN{print s/(b/1e6)}')
printf 'normal text (100 MB corpus): %.4f s/MB\n' "$normal"
for spec in "longline 50" "shortlines 0" "quotes 10" "dashes 10"; do
  read -r kind mb <<< "$spec"
  f=$dir/adv-$kind.jsonl
  [[ -s $f ]] || go run ./internal/benchgen -kind "$kind" -mb "$mb" -out "$f"
  read -r s r < <(measure "${lint[@]}" --workers 1 "$f")
  awk -v k="$kind" -v s="$s" -v r="$r" -v b="$(stat -c %s "$f")" -v n="$normal" \
    'BEGIN{printf "%-10s %6.1f MB: %.2f s, %.4f s/MB = %.2fx normal, peak RSS %s MB\n", k, b/1e6, s, s/(b/1e6), s/(b/1e6)/n, r}'
done
