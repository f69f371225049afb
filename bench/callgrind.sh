#!/bin/sh
# Instructions per Extract pass over the sample corpus, by module, with
# callgrind (wall clock on a shared machine is too noisy to compare builds).
#
#   bench/callgrind.sh build-dir [passes] [out-file]
set -e
build=${1:?usage: bench/callgrind.sh build-dir [passes] [out-file]}
passes=${2:-3}
out=${3:-/tmp/extract_probe.callgrind}
valgrind --tool=callgrind --callgrind-out-file="$out" \
  --toggle-collect='*ExtractPass*' "$build/bin/extract_probe" passes "$passes" \
  >/dev/null 2>&1
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
      report("  segment", "core/segmenter.cc:reportfacts::Segment\\(");
      report("taxonomy", "Taxonomy::Classify");
      report("reports", "SplitReports");
      report("dates", "ExtractDatesFromTokens");
      report("people", "ExtractPeople");
    }'
