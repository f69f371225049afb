#!/usr/bin/env bash
# End-to-end tests of the reportfacts client commands against a real
# reportfacts-server on a free port: extract --format csv, batch (with
# resume and failures), compare, and --help of every command.
#
# Usage: client_e2e.sh CASE SERVER_BIN CLIENT_BIN DATA_DIR SAMPLE SHARED_DIR
# CASE is one of: help, extract_csv, extract_content, batch, compare.
# Exits 0 on success, 1 on failure.
set -euo pipefail

test_case=$1
server_bin=$2
client_bin=$3
data_dir=$4
sample=$5
shared_dir=$6

# shellcheck source=../lib/server_harness.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/server_harness.sh"

# serve: a server on a free port; sets $addr once it is SERVING.
serve() {
  start_server server
  wait_healthy
  addr="127.0.0.1:$port"
}

# make_corpus DIR: report texts to work on: the shared corpus when it is
# there, else copies of the sample.
make_corpus() {
  mkdir -p "$1"
  if compgen -G "$shared_dir/corpus/*.txt" >/dev/null; then
    cp "$shared_dir"/corpus/*.txt "$1"/
  else
    cp "$sample" "$1/a.txt"
    cp "$sample" "$1/b.txt"
  fi
}

# jsonl_ids FILE: the sorted document ids of a JSON Lines output.
jsonl_ids() {
  python3 -c '
import json, sys
print("\n".join(sorted(json.loads(l)["document_id"] for l in open(sys.argv[1]))))
' "$1"
}

case $test_case in
help)
  for command in extract batch compare indicators health eval; do
    expect_exit 0 "$client_bin" "$command" --help
    grep -q "^Usage: reportfacts $command" "$work/last.out" ||
      fail "$command --help has no usage line"
    grep -q -- '--help' "$work/last.out" || fail "$command --help lists no flags"
    expect_exit 2 "$client_bin" "$command" --no_such_flag
    grep -q "see reportfacts $command --help" "$work/last.err" ||
      fail "$command: usage error does not point at --help"
  done
  expect_exit 0 "$client_bin" --help
  for command in batch compare; do
    grep -q "  $command " "$work/last.out" || fail "usage lacks $command"
  done
  expect_exit 2 "$client_bin"
  expect_exit 2 "$client_bin" batch
  expect_exit 2 "$client_bin" batch "$work/no_such_dir"
  expect_exit 2 "$client_bin" batch --format xml "$work"
  expect_exit 2 "$client_bin" compare
  expect_exit 2 "$client_bin" compare --format html "$sample"
  expect_exit 2 "$client_bin" extract --format tsv "$sample"
  ;;

extract_content)
  serve
  # The sample as a GBK text file, a Big5 (Traditional) one would need
  # OpenCC here; a GBK web page with a menu and a footer; and UTF-8.
  iconv -f UTF-8 -t GBK "$sample" >"$work/report_gbk.txt"
  python3 - "$sample" "$work/page.htm" <<'PY'
import html, sys
text = open(sys.argv[1], encoding="utf-8").read()
paragraphs = [p for p in text.split("\n\n") if p.strip()]
body = "".join("<p>" + html.escape(p).replace("\n", "<br>\n") + "</p>\n"
               for p in paragraphs)
page = ('<html><head><meta charset="gbk"><title>t</title></head><body>'
        '<div class="nav"><a href="/">首页</a><a href="/x">动态</a></div>'
        '<div class="content">' + body + '</div>'
        '<footer>版权所有 访问量99999次</footer></body></html>')
open(sys.argv[2], "wb").write(page.encode("gbk"))
PY
  # A Word file: each line a paragraph, its text split over two runs.
  python3 - "$sample" "$work/report.docx" <<'PY'
import sys, zipfile
from xml.sax.saxutils import escape
w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
def run(t):
    return '<w:r><w:t xml:space="preserve">' + escape(t) + "</w:t></w:r>"
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
body = "".join("<w:p>" + run(l[:3]) + run(l[3:]) + "</w:p>" for l in lines)
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.'
               'openxmlformats.org/package/2006/content-types"/>')
    z.writestr("word/document.xml", '<w:document xmlns:w="' + w +
               '"><w:body>' + body + "</w:body></w:document>")
PY
  expect_exit 0 "$client_bin" extract --server "$addr" --format jsonl \
    "$sample" "$work/report_gbk.txt" "$work/page.htm" "$work/report.docx"
  python3 - "$work/last.out" <<'PY' || fail "content files do not give the text's facts"
import json, sys
plain, gbk, page, docx = [json.loads(l)
                          for l in open(sys.argv[1], encoding="utf-8")]
assert "text" not in plain, "a UTF-8 file's answer repeats its text"
assert plain["metrics"], "no metrics"
def facts(r):
    return [(m["value"], m["unit"]) for m in r["metrics"]]
for r in (gbk, page, docx):
    assert r["text"], r["document_id"]
    assert facts(r) == facts(plain), r["document_id"]
    for m in r["metrics"]:
        assert r["text"][int(m["begin"]):int(m["end"])] == m["text"], m
        # The client cuts each sentence from the converted text.
        span = m["sentence_span"]
        sentence = r["text"][int(span["begin"]):int(span["end"])]
        assert sentence and m["sentence"] == sentence, m
assert "访问量" not in page["text"]
PY
  # Bytes the server cannot decode: refused, naming why.
  printf '\x81\x82\x83\x84' >"$work/noise.txt"
  expect_exit 1 "$client_bin" extract --server "$addr" "$work/noise.txt"
  grep -q "neither declared nor recognised" "$work/last.err" ||
    fail "undecidable bytes not explained"
  ;;

extract_csv)
  serve
  expect_exit 0 "$client_bin" extract --server "$addr" --format csv "$sample"
  # Every row names the document, and its span cuts its digits out of the
  # file.
  python3 - "$work/last.out" "$sample" <<'PY' || fail "bad CSV"
import csv, sys
out, sample = sys.argv[1], sys.argv[2]
text = open(sample, encoding="utf-8").read()
rows = list(csv.DictReader(open(out, encoding="utf-8", newline="")))
assert rows, "no rows"
for row in rows:
    assert row["document_id"] == sample, row["document_id"]
    begin, end = int(row["begin"]), int(row["end"])
    assert text[begin:end] == row["text"], (begin, end, row["text"])
    assert row["indicator"], row
    float(row["value"])
assert any(row["sentence"] for row in rows)
PY
  # Two files: one header, rows of both.
  expect_exit 0 "$client_bin" extract --server "$addr" --format csv \
    "$sample" - <"$sample"
  [[ $(grep -c '^document_id,' "$work/last.out") -eq 1 ]] ||
    fail "header not printed once"
  grep -q '^stdin,' "$work/last.out" || fail "no rows for stdin"
  expect_exit 3 "$client_bin" extract --server 127.0.0.1:1 --format csv \
    "$sample"
  # --no_sentences: the same metrics, no sentence text, the spans kept.
  expect_exit 0 "$client_bin" extract --server "$addr" --format jsonl "$sample"
  cp "$work/last.out" "$work/full.jsonl"
  expect_exit 0 "$client_bin" extract --server "$addr" --format jsonl \
    --no_sentences "$sample"
  python3 - "$work/full.jsonl" "$work/last.out" "$sample" <<'PY' || fail "bad --no_sentences"
import json, sys
full = json.loads(open(sys.argv[1], encoding="utf-8").read())
lean = json.loads(open(sys.argv[2], encoding="utf-8").read())
text = open(sys.argv[3], encoding="utf-8", newline="").read()
assert full["metrics"] and len(full["metrics"]) == len(lean["metrics"])
assert any(m["sentence"] for m in full["metrics"])
for f, l in zip(full["metrics"], lean["metrics"]):
    # The client asks for no sentence text and cuts each sentence from the
    # file by its span, as the server would.
    span = f["sentence_span"]
    assert f["sentence"] == text[int(span["begin"]):int(span["end"])], f
    assert l["sentence"] == "", l
    assert l["sentence_span"] == f["sentence_span"], (l, f)
    f["sentence"] = ""
    assert f == l, (f, l)
PY
  ;;

batch)
  serve
  make_corpus "$work/docs"
  # A file that is not UTF-8 text goes as content, which the server converts.
  printf '<html><body><p>%s</p></body></html>' "委员提交提案15件。" |
    iconv -f UTF-8 -t GBK >"$work/docs/page_gbk.html"
  total=$(find "$work/docs" -type f | wc -l)
  printf '\x81\x82\x83\x84' >"$work/docs/gbk.txt" # undecidable: must fail

  # First run: all but the bad file are written; exit 1 names it.
  expect_exit 1 "$client_bin" batch --server "$addr" --concurrency 2 \
    --output "$work/out.jsonl" "$work/docs"
  grep -q 'gbk.txt: INVALID_ARGUMENT' "$work/last.err" ||
    fail "the failed document is not reported"
  grep -q "$((total + 1)) documents, $total ok, 1 failed, 0 skipped" \
    "$work/last.err" || fail "wrong summary: $(tail -n 2 "$work/last.err")"
  [[ $(jsonl_ids "$work/out.jsonl" | sort -u | wc -l) -eq $total ]] ||
    fail "expected $total distinct ids in the output"
  ! grep -q 'gbk.txt' "$work/out.jsonl" || fail "failed document written"
  python3 - "$work/out.jsonl" "$work/docs" <<'PY' || fail "a GBK page in a batch lost its facts"
import json, os, sys
rows = {}
for line in open(sys.argv[1], encoding="utf-8"):
    row = json.loads(line)
    rows[row.get("document_id")] = row
page = rows["page_gbk.html"]
assert [(m["value"], m["unit"]) for m in page["metrics"]] == [(15, "件")], page
assert page["text"][int(page["metrics"][0]["begin"]):][:2] == "15", page
# The client cuts each sentence from the text it sent (or the converted
# text of the answer) by its span.
cut = 0
for doc_id, row in rows.items():
    text = row.get("text")
    if text is None:
        text = open(os.path.join(sys.argv[2], doc_id), encoding="utf-8",
                    newline="").read()
    for m in row["metrics"]:
        span = m["sentence_span"]
        assert m["sentence"] == text[int(span["begin"]):int(span["end"])], m
        cut += bool(m["sentence"])
assert cut, "no sentence in the batch"
PY

  # Second run: the done ones are skipped, the failed one retried.
  expect_exit 1 "$client_bin" batch --server "$addr" \
    --output "$work/out.jsonl" "$work/docs"
  grep -q "0 ok, 1 failed, $total skipped" "$work/last.err" ||
    fail "rerun did not skip: $(tail -n 2 "$work/last.err")"

  # Without the bad file everything is done: exit 0, nothing sent.
  rm "$work/docs/gbk.txt"
  expect_exit 0 "$client_bin" batch --server "$addr" \
    --output "$work/out.jsonl" "$work/docs"
  grep -q "$total documents, 0 ok, 0 failed, $total skipped" \
    "$work/last.err" || fail "third run: $(tail -n 2 "$work/last.err")"

  # A run killed mid-line: the cut line is redone, the file stays whole.
  jsonl_ids "$work/out.jsonl" >"$work/ids.before"
  last_len=$(tail -n 1 "$work/out.jsonl" | wc -c)
  truncate -s "-$((last_len / 2))" "$work/out.jsonl"
  expect_exit 0 "$client_bin" batch --server "$addr" \
    --output "$work/out.jsonl" "$work/docs"
  grep -q "1 ok, 0 failed, $((total - 1)) skipped" "$work/last.err" ||
    fail "cut line not redone: $(tail -n 2 "$work/last.err")"
  jsonl_ids "$work/out.jsonl" >"$work/ids.after"
  diff "$work/ids.before" "$work/ids.after" >&2 || fail "ids changed"

  # CSV output, twice: the second run skips everything.
  expect_exit 0 "$client_bin" batch --server "$addr" --output "$work/out.csv" \
    "$work/docs"
  cp "$work/out.csv" "$work/first.csv"
  expect_exit 0 "$client_bin" batch --server "$addr" --output "$work/out.csv" \
    "$work/docs"
  grep -q "0 ok, 0 failed, $total skipped" "$work/last.err" ||
    fail "CSV rerun did not skip"
  cmp -s "$work/first.csv" "$work/out.csv" || fail "CSV rerun changed the file"
  python3 - "$work/out.csv" "$total" <<'PY' || fail "bad batch CSV"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
assert len({r["document_id"] for r in rows}) == int(sys.argv[2])
PY

  # No progress bar when stderr is not a terminal; stdout output works.
  expect_exit 0 "$client_bin" batch --server "$addr" "$work/docs"
  ! grep -q $'\r' "$work/last.err" || fail "progress bar drawn into a file"
  [[ $(wc -l <"$work/last.out") -eq $total ]] || fail "stdout: not $total lines"

  # Refuses to append to a file it did not write; --overwrite starts over.
  echo "not a batch file" >"$work/foreign.jsonl"
  expect_exit 2 "$client_bin" batch --server "$addr" \
    --output "$work/foreign.jsonl" "$work/docs"
  grep -q -- '--overwrite' "$work/last.err" || fail "no hint to --overwrite"
  expect_exit 0 "$client_bin" batch --server "$addr" --overwrite \
    --output "$work/foreign.jsonl" "$work/docs"
  [[ $(wc -l <"$work/foreign.jsonl") -eq $total ]] || fail "overwrite"

  expect_exit 3 "$client_bin" batch --server 127.0.0.1:1 \
    --output "$work/x.jsonl" "$work/docs"
  grep -q 'cannot reach server' "$work/last.err" || fail "no reach hint"
  ;;

compare)
  serve
  make_corpus "$work/docs"
  expect_exit 0 "$client_bin" batch --server "$addr" \
    --output "$work/out.jsonl" "$work/docs"
  expect_exit 0 "$client_bin" compare --format markdown "$work/out.jsonl"
  grep -q '^| indicator |' "$work/last.out" || fail "no markdown header"
  grep -q '^| --- |' "$work/last.out" || fail "no markdown rule"
  [[ $(grep -c '^| ' "$work/last.out") -ge 3 ]] || fail "no markdown rows"

  # Saved responses (from stdin too) and texts through the server give the
  # same table.
  expect_exit 0 "$client_bin" compare --format csv - <"$work/out.jsonl"
  cp "$work/last.out" "$work/saved.csv"
  expect_exit 0 "$client_bin" compare --server "$addr" --format csv "$work/docs"
  cmp -s "$work/saved.csv" "$work/last.out" ||
    fail "compare of texts differs from compare of saved responses"
  expect_exit 0 "$client_bin" batch --server "$addr" --output "$work/out.csv" \
    "$work/docs"
  expect_exit 0 "$client_bin" compare --format csv "$work/out.csv"
  cmp -s "$work/saved.csv" "$work/last.out" ||
    fail "compare of batch CSV differs from compare of JSON Lines"
  python3 - "$work/saved.csv" <<'PY' || fail "bad compare CSV"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert rows[0][0] == "indicator" and len(rows[0]) >= 2, rows[0]
assert len(rows) >= 2
assert all(len(r) == len(rows[0]) for r in rows)
assert any(cell for r in rows[1:] for cell in r[1:])
PY

  echo '{"not": "a response"' >"$work/broken.jsonl"
  expect_exit 2 "$client_bin" compare "$work/broken.jsonl"
  grep -q 'broken.jsonl line 1' "$work/last.err" || fail "no line number"
  expect_exit 3 "$client_bin" compare --server 127.0.0.1:1 "$sample"
  ;;

*)
  fail "unknown case $test_case"
  ;;
esac
echo "PASS: $test_case"
