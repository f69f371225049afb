#!/usr/bin/env python3
"""Writes service/data/gazetteer.tsv from the administrative-division list.

Usage (from the repository root):

    python3 scripts/make_gazetteer.py [REFERENCE_DIR] [-o OUTPUT]

REFERENCE_DIR holds pca-code.json (every province-, prefecture- and
county-level division of mainland China with its statistical code) and
HK-MO-TW.json; it defaults to ../shared/reference/admin-divisions. OUTPUT
defaults to service/data/gazetteer.tsv. The format is described in
service/data/DATA_FORMATS_gazetteer_surnames.md. Python 3 standard library
only; the output is deterministic, so rerunning it on the same list gives
the same file.

Rules:
- Every province, prefecture and county-level division is one line. The
  list's statistical entries that are not divisions are left out: the
  functional zones (development zones, new areas, industrial parks: codes
  whose fifth digit is 7), the towns of the prefecture cities without
  counties (东莞, 中山, 儋州, 嘉峪关: nine-digit codes) and the islands of
  三沙.
- The short name drops the administrative suffix (省, 自治区, 市, 地区, 盟,
  自治州, 县, 区, 新区, 旗, 自治县, 自治旗, 林区, 特区) and, for autonomous
  units, the names of the peoples before it (湘西土家族苗族自治州 → 湘西).
  Where that leaves one character (绛县, 芒市, 城区) the short name is the
  full name: one character is no name. Where it would be a province's
  short name (海南藏族自治州, 河南蒙古族自治县) the unit's suffix stays on
  (海南州, 河南县). Banners named by a direction or a colour (鄂托克前旗,
  镶黄旗) keep 旗.
- Autonomous prefectures are also known as stem + 州 (黔东南州), autonomous
  counties and banners as stem + 县/旗 (石柱县): those are aliases.
- A few well-known former names are aliases of the division that carries
  them today (FORMER_NAMES below).
"""

import argparse
import json
import os
import sys

# The 56 peoples of China, as autonomous units name them (without 族).
PEOPLES = [
    "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满",
    "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲",
    "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔",
    "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
    "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固",
    "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
]

# Former names still met in text, each the name of the division that holds
# it today (full name, province short name) -> former names. Only changes of
# name or status, not mergers.
FORMER_NAMES = {
    ("襄阳市", "湖北"): ["襄樊市", "襄樊"],  # renamed 2010
    ("普洱市", "云南"): ["思茅市"],  # renamed 2007 (思茅 is now its 思茅区)
    ("日喀则市", "西藏"): ["日喀则地区"],  # prefecture became a city 2014
    ("昌都市", "西藏"): ["昌都地区"],  # 2014
    ("林芝市", "西藏"): ["林芝地区"],  # 2015
    ("山南市", "西藏"): ["山南地区"],  # 2016
    ("那曲市", "西藏"): ["那曲地区"],  # 2017
    ("吐鲁番市", "新疆"): ["吐鲁番地区"],  # 2015
    ("哈密市", "新疆"): ["哈密地区"],  # 2016
    ("海东市", "青海"): ["海东地区"],  # 2013
    ("铜仁市", "贵州"): ["铜仁地区"],  # 2011
    ("毕节市", "贵州"): ["毕节地区"],  # 2011
    ("莱芜区", "山东"): ["莱芜市"],  # prefecture city became a district of 济南 2019
    ("奉化区", "浙江"): ["奉化市"],  # county-level city became a district 2016
    ("萧山区", "浙江"): ["萧山市"],  # 2001
    ("余杭区", "浙江"): ["余杭市"],  # 2001
    ("富阳区", "浙江"): ["富阳市"],  # 2014
    ("临安区", "浙江"): ["临安市"],  # 2017
    ("上虞区", "浙江"): ["上虞市"],  # 2013
    ("柯桥区", "浙江"): ["绍兴县"],  # 2013
    ("吴江区", "江苏"): ["吴江市"],  # 2012
    ("姜堰区", "江苏"): ["姜堰市"],  # 2012
    ("江都区", "江苏"): ["江都市"],  # 2011
    ("金坛区", "江苏"): ["金坛市"],  # 2015
    ("溧水区", "江苏"): ["溧水县"],  # 2013
    ("高淳区", "江苏"): ["高淳县"],  # 2013
    ("海门区", "江苏"): ["海门市"],  # 2020
    ("蓬莱区", "山东"): ["蓬莱市"],  # 2020
    ("文登区", "山东"): ["文登市"],  # 2014
    ("即墨区", "山东"): ["即墨市"],  # 2017
    ("章丘区", "山东"): ["章丘市"],  # 2016
    ("长清区", "山东"): ["长清县"],  # 2001
    ("济阳区", "山东"): ["济阳县"],  # 2018
    ("垦利区", "山东"): ["垦利县"],  # 2016
    ("偃师区", "河南"): ["偃师市"],  # 2021
    ("孟津区", "河南"): ["孟津县"],  # 2021
    ("长乐区", "福建"): ["长乐市"],  # 2017
    ("从化区", "广东"): ["从化市"],  # 2014
    ("增城区", "广东"): ["增城市"],  # 2014
    ("番禺区", "广东"): ["番禺市"],  # 2000
    ("花都区", "广东"): ["花都市"],  # 2000
    ("顺德区", "广东"): ["顺德市"],  # 2002
    ("南海区", "广东"): ["南海市"],  # 2002
    ("双流区", "四川"): ["双流县"],  # 2015
    ("郫都区", "四川"): ["郫县"],  # 2016
    ("达川区", "四川"): ["达县"],  # 2013
    ("密云区", "北京"): ["密云县"],  # 2015
    ("延庆区", "北京"): ["延庆县"],  # 2015
    ("蓟州区", "天津"): ["蓟县"],  # 2016
    ("宁河区", "天津"): ["宁河县"],  # 2015
    ("静海区", "天津"): ["静海县"],  # 2015
    ("崇明区", "上海"): ["崇明县"],  # 2016
    ("开州区", "重庆"): ["开县"],  # 2016
    ("梁平区", "重庆"): ["梁平县"],  # 2016
    ("武隆区", "重庆"): ["武隆县"],  # 2016
    ("彬州市", "陕西"): ["彬县"],  # county became a city 2018
    ("滦州市", "河北"): ["滦县"],  # 2018
    ("平泉市", "河北"): ["平泉县"],  # 2017
}

# Statistical codes of Taiwan, Hong Kong and Macau (GB/T 2260).
OUTSIDE_MAINLAND = {"台湾省": "71", "香港特别行政区": "81", "澳门特别行政区": "82"}

MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}

# Banners named by a direction or a banner colour: dropping 旗 leaves no
# name (鄂托克前旗 is not 鄂托克前).
BANNER_KEEPS_SUFFIX = ("左旗", "右旗", "前旗", "后旗", "中旗", "联合旗", "黄旗",
                       "白旗", "蓝旗")


def strip_peoples(stem):
    """Drops the peoples' names at the end of an autonomous unit's stem."""
    names = sorted(PEOPLES, key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        if stem.endswith("各族") and len(stem) > 3:
            stem, changed = stem[:-2], True
            continue
        for people in names:
            for form in (people + "族", people if len(people) > 1 else None):
                if form and stem.endswith(form) and len(stem) - len(form) >= 2:
                    stem, changed = stem[:-len(form)], True
                    break
            if changed:
                break
    if stem.endswith("族") and len(stem) > 2:  # 东乡族自治县, 鄂温克族自治旗
        stem = stem[:-1]
    return stem


def stem_of(full, level):
    """Returns (stem, unit suffix) of a division's full name."""
    if full.endswith("特别行政区"):
        return full[:-5], ""
    for suffix in ("自治区", "自治州", "自治县", "自治旗"):
        if full.endswith(suffix):
            return strip_peoples(full[:-len(suffix)]), suffix[-1]
    if level == "county":
        if full == "神农架林区":  # the only 林区
            return full[:-2], "区"
        # 六枝特区, 浦东新区; but 清新区 is 清新 + 区.
        if (full.endswith("特区") or full.endswith("新区")) and len(full) > 3:
            return full[:-2], "区"
        if full.endswith(BANNER_KEEPS_SUFFIX):
            return full, ""
    for suffix in ("省", "地区", "盟", "市", "县", "区", "旗"):
        if full.endswith(suffix):
            return full[:-len(suffix)], suffix[-1]
    raise ValueError("no administrative suffix: " + full)


class Entry:
    def __init__(self, code, full, level, province, prefecture):
        self.code = code
        self.full = full
        self.level = level
        self.province = province  # short name
        self.prefecture = prefecture  # short name or ""
        self.short = ""
        self.aliases = []


def is_division(code, name):
    return (len(code) == 6 and code[4] != "7" and
            name[-1] in "县区市旗")


def read_entries(folder):
    with open(os.path.join(folder, "pca-code.json"), encoding="utf-8") as f:
        tree = json.load(f)
    with open(os.path.join(folder, "HK-MO-TW.json"), encoding="utf-8") as f:
        outside = json.load(f)
    entries = []
    provinces = []
    for p in tree:
        level = "municipality" if p["name"] in MUNICIPALITIES else "province"
        prov = Entry(p["code"], p["name"], level, "", "")
        provinces.append((prov, p))
    for name in outside:
        provinces.append((Entry(OUTSIDE_MAINLAND[name], name, "province", "",
                                ""), None))
    # Province short names first: the others' short names must avoid them.
    for prov, _ in provinces:
        prov.short, _ = stem_of(prov.full, prov.level)
        prov.province = prov.short
    province_shorts = {prov.short for prov, _ in provinces}
    for prov, node in provinces:
        entries.append(prov)
        if node is None:
            continue
        for pref in node["children"]:
            direct = pref["name"] in ("市辖区", "县") or "直辖" in pref["name"]
            parent = ""
            if prov.level == "municipality":
                parent = prov.short
            elif not direct:
                e = Entry(pref["code"], pref["name"], "prefecture", prov.short,
                          "")
                entries.append(e)
                finish_names(e, province_shorts)
                parent = e.short
            for county in pref.get("children", []):
                if not is_division(county["code"], county["name"]):
                    continue
                e = Entry(county["code"], county["name"], "county", prov.short,
                          parent)
                entries.append(e)
                finish_names(e, province_shorts)
    return entries


def finish_names(e, province_shorts):
    stem, unit = stem_of(e.full, e.level)
    autonomous = "自治" in e.full
    if len(stem) < 2:
        e.short = e.full
    elif stem in province_shorts:
        e.short = stem + unit
    else:
        e.short = stem
    if autonomous and len(stem) >= 2 and e.short == stem:
        e.aliases.append(stem + unit)  # 黔东南州, 石柱县


def add_former_names(entries):
    by_key = {(e.full, e.province): e for e in entries}
    for key, names in FORMER_NAMES.items():
        if key not in by_key:
            raise ValueError("former name of an unknown division: %s" % (key,))
        by_key[key].aliases.extend(names)


def check(entries):
    codes = set()
    full_names = {}
    for e in entries:
        if e.code in codes:
            raise ValueError("code twice: " + e.code)
        codes.add(e.code)
        full_names.setdefault(e.full, []).append(e)
    for e in entries:
        for alias in e.aliases:
            if alias in full_names:
                raise ValueError("alias %s of %s is a division's name" %
                                 (alias, e.full))


def write(entries, out_path):
    header = """\
# reportfacts gazetteer: the administrative divisions of China.
# GENERATED by scripts/make_gazetteer.py from the statistical division list
# (2023); do not edit by hand, change the script and rerun it.
# Format: service/data/DATA_FORMATS_gazetteer_surnames.md. Columns (tab):
#   code  full_name  short_name  level  province  prefecture  aliases
"""
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        for e in entries:
            f.write("\t".join([e.code, e.full, e.short, e.level, e.province,
                               e.prefecture, ",".join(e.aliases)]) + "\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", nargs="?",
                        default=os.path.join(root, "..", "shared", "reference",
                                             "admin-divisions"))
    parser.add_argument("-o", "--output",
                        default=os.path.join(root, "service", "data",
                                             "gazetteer.tsv"))
    args = parser.parse_args()
    entries = read_entries(args.reference)
    add_former_names(entries)
    check(entries)
    write(entries, args.output)
    counts = {}
    for e in entries:
        counts[e.level] = counts.get(e.level, 0) + 1
    print("%s: %d lines %s" % (args.output, len(entries), counts),
          file=sys.stderr)


if __name__ == "__main__":
    main()
