#!/bin/sh
# Instructions per Extract pass over the sample corpus, by module, with
# callgrind (wall clock on a shared machine is too noisy to compare builds).
#
#   bench/callgrind.sh build-dir [passes] [out-file] [sim]
#
# With `sim`, callgrind also simulates the branch predictor and the caches
# (a 2 MB last level, nearer a shared server's share than the host's) and
# the totals line gives mispredicted branches and cache misses per pass:
# time on this kind of text goes to memory waits and mispredicts as much
# as to instructions.
set -e
build=${1:?usage: bench/callgrind.sh build-dir [passes] [out-file] [sim]}
passes=${2:-3}
out=${3:-/tmp/extract_probe.callgrind}
sim=${4:-}
if [ "$sim" = sim ]; then
  set -- --branch-sim=yes --cache-sim=yes --LL=2097152,16,64
else
  set --
fi
valgrind --tool=callgrind --callgrind-out-file="$out" "$@" \
  --toggle-collect='*ExtractPass*' "$build/bin/extract_probe" passes "$passes" \
  >/dev/null 2>&1
if [ "$sim" = sim ]; then
  # Events: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw Bc Bcm Bi Bim.
  callgrind_annotate "$out" 2>/dev/null | grep 'PROGRAM TOTALS' |
    sed 's/([^)]*)//g; s/,//g' | awk -v passes="$passes" '{
      printf "per pass: L1 misses %.1f K (I %.1f, D %.1f), last-level " \
        "misses %.1f K, mispredicted branches %.1f K (cond %.1f, " \
        "indirect %.1f)\n", ($4 + $5 + $6) / passes / 1e3,
        $4 / passes / 1e3, ($5 + $6) / passes / 1e3,
        ($7 + $8 + $9) / passes / 1e3, ($11 + $13) / passes / 1e3,
        $11 / passes / 1e3, $13 / passes / 1e3 }'
fi
callgrind_annotate --inclusive=yes "$out" 2>/dev/null |
  awk -v passes="$passes" '
    function report(name, pattern) {
      for (i = 1; i <= n; ++i) if (lines[i] ~ pattern) {
        split(lines[i], f, " "); gsub(",", "", f[1]);
        printf "%-16s %6.2f M\n", name, f[1] / passes / 1e6; return
      }
      printf "%-16s   (none)\n", name
    }
    { lines[++n] = $0 }
    END {
      report("total", "ExtractPass");
      report("document", "Document::FromUtf8");
      report("numbers", "ScanNumberTokens");
      report("phrase", "AnalysePhrases");
      report("  segment", "core/segmenter.cc:reportfacts::SegmentInto\\(");
      report("taxonomy", "Taxonomy::Classify");
      report("reports", "SplitReports");
      report("dates", "ExtractDates");
      report("people", "ExtractPeople");
    }'
