#!/usr/bin/env python3
"""Derives service/data/common_words.txt from jieba's dictionary.

The people scanner uses the list to tell a name from a common word or a
piece of one (干部和, 常态化). It keeps the frequent words of 2-4 Chinese
characters and leaves out proper nouns (person, place, organisation and
other names: tags nr*, ns*, nt*, nz*), since those may be names themselves.
The genre's counting verbs (service/data/actions.txt) are ordinary words
whatever tag jieba gives them (新建 is tagged a place, for 新建区), so they
are kept too.

Usage: scripts/derive_common_words.py [jieba/dict.txt] > service/data/common_words.txt
"""
import pathlib
import re
import sys

ACTIONS = pathlib.Path(__file__).resolve().parent.parent / "service/data/actions.txt"

MIN_FREQUENCY = 100
PROPER_TAGS = ("nr", "ns", "nt", "nz")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,4}")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else (
        "/usr/lib/python3/dist-packages/jieba/dict.txt")
    words = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if len(fields) != 3:
                continue
            word, freq, tag = fields
            if int(freq) < MIN_FREQUENCY or tag.startswith(PROPER_TAGS):
                continue
            if HAN.fullmatch(word):
                words.append(word)
    for line in ACTIONS.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#") and HAN.fullmatch(line.strip()):
            words.append(line.strip())
    print("# reportfacts common words: frequent Chinese words of 2-4 characters.")
    print("# Derived by scripts/derive_common_words.py from jieba's dict.txt (MIT),")
    print(f"# frequency >= {MIN_FREQUENCY}, proper nouns (nr/ns/nt/nz) left out;")
    print("# the genre's counting verbs (actions.txt) added.")
    print("# One word per line. Used to reject name candidates that are a common")
    print("# word or a piece of one. Regenerate; do not edit by hand.")
    for w in sorted(set(words)):
        print(w)


if __name__ == "__main__":
    main()
