#!/usr/bin/env python3
"""Fails when the project's hand-written text quotes a development corpus.

The development corpora (<shared>/corpus, <shared>/corpus-web) must not leak
into the code: accuracy is judged on hidden documents of the same genre, so
a sentence copied from a sample into a comment, a test or a word list is a
rule fitted to that sample. This lint finds every run of at least
MIN_RUN consecutive Han characters in the project's own text that also
occurs verbatim in a corpus file, and lists each as file:line and phrase.

Allowed: phrases that occur in the guide (<shared>/gold/GUIDE.md, the spec:
institution names and fixed terms of the genre) and the few domain terms in
DOMAIN_TERMS. Every scanned file is judged; there is no file exemption.

Usage:
  python3 tests/lint/corpus_quotes.py --shared ../shared --root .
"""

import argparse
import fnmatch
import os
import re
import sys

# The project's hand-written text.
SCANNED = [
    "service/core/*.h",
    "service/core/*.cc",
    "tests/unit/*.cc",
    "service/data/*.txt",
    "service/data/*.tsv",
]

# Generated or dictionary-derived data: not written by the project.
DERIVED = [
    "service/data/gazetteer.tsv",
    "service/data/common_words.txt",
    "service/data/surnames.txt",
]

# Names of institutions and fixed terms of the genre that the guide does not
# spell out but any report of the genre uses. Keep this list short: a phrase
# belongs here only if a dictionary or the institution itself gives it.
DOMAIN_TERMS = [
    "中国人民政治协商会议",  # the institution's full name
    "社情民意信息",  # the fixed name of a CPPCC report form
    "常务委员会工作报告",  # the report the charter has each session hear
    "委员会常务委员会",  # a committee's standing committee, by its name
    "主席会议成员",  # members of the chair's council of a committee
    "视察调研活动",  # the CPPCC's standing name for its inspection tours
    "调研视察活动",  # the same term in its other customary order
    "主营业务收入",  # a standard indicator of the statistics bureau
    "委员活动小组",  # the CPPCC's name for its members' local groups
    "新时代中国特色社会主义思想",  # the Party's guiding doctrine, named in
    # its constitution; the name before it is its author's
    "团结联系服务",  # the CPPCC's fixed formula for a member's duty to the
    # sectors (a verb chain of uniting, liaising with and serving the public); its parts alone lose the gold action
]

# Parts of an institution's name that every report writes the same way: the
# session and sitting ordinals and the committee words. Like place names
# (the gazetteer's full names), they are masked before the runs are judged.
INSTITUTION_PARTS = [
    "第[一二三四五六七八九十百零〇]+[届次]",
    "[一二三四五六七八九十]+届[一二三四五六七八九十]+次",
    "(?:常务)?委员会",
]

MIN_RUN = 6
HEADER_LINES = 8
GENERATED_HEADER = re.compile(
    r"\bgenerated\b|do not edit by hand|regenerate; do not edit", re.I)

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile("[%s]{%d,}" % (_HAN, MIN_RUN))
# Blanks between two Han characters: a PDF page breaks its lines anywhere,
# so a corpus phrase may be split by a line break or a space.
BLANKS_BETWEEN_HAN = re.compile(r"(?<=[%s])[ \t\r\n\u3000]+(?=[%s])" %
                                (_HAN, _HAN))


def read_text(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def joined(text):
    return BLANKS_BETWEEN_HAN.sub("", text)


def load_corpus(shared):
    """Returns the corpus files' texts, blanks between Han removed."""
    texts = {}
    for folder in ("corpus", "corpus-web"):
        directory = os.path.join(shared, folder)
        if not os.path.isdir(directory):
            raise SystemExit("corpus_quotes: missing corpus folder %s" %
                             directory)
        names = sorted(n for n in os.listdir(directory) if n.endswith(".txt"))
        if not names:
            raise SystemExit("corpus_quotes: no .txt files in %s" % directory)
        for name in names:
            texts[os.path.join(folder, name)] = joined(
                read_text(os.path.join(directory, name)))
    return texts


def grams(text, n):
    out = set()
    for run in re.finditer("[%s]{%d,}" % (_HAN, n), text):
        s = run.group(0)
        for i in range(len(s) - n + 1):
            out.add(s[i:i + n])
    return out


def matches(path, patterns):
    return any(fnmatch.fnmatch(path, p) for p in patterns)


def project_files(root):
    for pattern in SCANNED:
        folder, glob = os.path.split(pattern)
        directory = os.path.join(root, folder)
        if not os.path.isdir(directory):
            continue
        for name in sorted(os.listdir(directory)):
            rel = folder + "/" + name
            if fnmatch.fnmatch(name, glob) and os.path.isfile(
                    os.path.join(root, rel)):
                yield rel


def is_generated(text):
    header = "\n".join(text.splitlines()[:HEADER_LINES])
    return GENERATED_HEADER.search(header) is not None


def place_names(root):
    """The gazetteer's full place names (column 2), for masking."""
    names = set()
    path = os.path.join(root, "service/data/gazetteer.tsv")
    if os.path.isfile(path):
        for line in read_text(path).splitlines():
            fields = line.split("\t")
            if len(fields) > 1 and not line.startswith("#"):
                if len(fields[1]) >= 3:
                    names.add(fields[1])
    return names


def masking_pattern(root):
    names = sorted(place_names(root), key=len, reverse=True)
    parts = [re.escape(n) for n in names] + INSTITUTION_PARTS
    return re.compile("|".join(parts))


def leaks_in_run(run, corpus_grams, allowed_grams, mask_pattern):
    """Yields the maximal spans of run quoted from the corpus.

    The characters of an allowed phrase (a guide phrase, a domain term, a
    place name or a part of an institution's name) are masked first, so
    that the words beside a term are judged on their own: 编报 +
    社情民意信息 is no quote, but six other corpus characters beside the
    term are.
    """
    masked = [False] * len(run)
    for part in mask_pattern.finditer(run):
        for k in range(part.start(), part.end()):
            masked[k] = True
    for i in range(len(run) - MIN_RUN + 1):
        if run[i:i + MIN_RUN] in allowed_grams:
            for k in range(i, i + MIN_RUN):
                masked[k] = True
    flagged = [False] * len(run)
    for i in range(len(run) - MIN_RUN + 1):
        if any(masked[i:i + MIN_RUN]):
            continue
        if run[i:i + MIN_RUN] in corpus_grams:
            for k in range(i, i + MIN_RUN):
                flagged[k] = True
    i = 0
    while i < len(run):
        if not flagged[i]:
            i += 1
            continue
        j = i
        while j < len(run) and flagged[j]:
            j += 1
        yield run[i:j]
        i = j


def corpus_documents(phrase, corpus):
    return [name for name, text in corpus.items() if phrase in text]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", required=True,
                        help="folder holding corpus/, corpus-web/, gold/")
    parser.add_argument("--root", required=True, help="the project's root")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also list the files scanned and skipped")
    args = parser.parse_args()

    corpus = load_corpus(args.shared)
    guide_path = os.path.join(args.shared, "gold", "GUIDE.md")
    if not os.path.isfile(guide_path):
        raise SystemExit("corpus_quotes: missing guide %s" % guide_path)
    corpus_grams = set()
    for text in corpus.values():
        corpus_grams |= grams(text, MIN_RUN)
    allowed_grams = grams(joined(read_text(guide_path)), MIN_RUN)
    for term in DOMAIN_TERMS:
        allowed_grams |= grams(term, MIN_RUN)

    mask_pattern = masking_pattern(args.root)
    hits = []
    scanned = 0
    for rel in project_files(args.root):
        if matches(rel, DERIVED):
            if args.verbose:
                print("skipped %s" % rel)
            continue
        text = read_text(os.path.join(args.root, rel))
        if is_generated(text):
            if args.verbose:
                print("skipped %s (generated)" % rel)
            continue
        scanned += 1
        for number, line in enumerate(text.splitlines(), 1):
            for run in HAN_RUN.finditer(line):
                for phrase in leaks_in_run(run.group(0), corpus_grams,
                                           allowed_grams, mask_pattern):
                    hits.append((rel, number, phrase,
                                 corpus_documents(phrase, corpus)))
    if scanned == 0:
        raise SystemExit("corpus_quotes: no project files under %s" %
                         args.root)
    for rel, number, phrase, docs in hits:
        print("%s:%d: %s  (in %s)" % (rel, number, phrase,
                                      ", ".join(docs) or "corpus"))
    if hits:
        print("corpus_quotes: %d phrase(s) quoted from the corpus in %d "
              "file(s) scanned; write an invented example instead" %
              (len(hits), scanned))
        return 1
    print("corpus_quotes: no corpus phrase in %d file(s)" % scanned)
    return 0


if __name__ == "__main__":
    sys.exit(main())
