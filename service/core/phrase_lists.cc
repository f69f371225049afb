// Rule "states listed respectively": 表示满意、基本满意和理解的分别为96件、
// 21件和3件 lists the states before 分别 and their counts after it, in the
// same order; each count is of its own state.

#include <string>
#include <string_view>
#include <vector>

#include "service/core/chars.h"
#include "service/core/phrase_internal.h"
#include "service/core/segmenter.h"

namespace reportfacts {
namespace phrase_internal {
namespace {

constexpr size_t kMaxState = 8;  // 基本满意, 已经解决: a state is short

// RespectivelyMarkEndingAt: the length of 分别为 (分别是, 分别占 …) ending
// right at `end`, blanks skipped; 0 where none.
size_t RespectivelyMarkEndingAt(std::u32string_view text, size_t end,
                                size_t* mark_begin) {
  while (end > 0 && IsBlank(text[end - 1])) --end;
  for (const std::u32string_view mark :
       {U"分别为", U"分别是", U"分别占", U"分别达", U"分別為", U"分別是",
        U"分別佔", U"分別達"}) {
    if (end >= mark.size() &&
        text.substr(end - mark.size(), mark.size()) == mark) {
      *mark_begin = end - mark.size();
      return mark.size();
    }
  }
  return 0;
}

// States are joined as list items are, and also by 或 (满意或理解).
bool JoinsStates(char32_t c) {
  return IsListJoiner(c) || c == U'或' || c == U'與';
}

// StateItems splits the words before the mark into the states they list
// (满意、基本满意和理解), back to the clause's start and past a verb of
// judging (表示, 认为) before the first; empty unless every item is short
// and ends in a verb or an adjective of the dictionary.
std::vector<std::u32string_view> StateItems(std::u32string_view text,
                                            size_t mark_begin,
                                            const Dictionary& dict) {
  size_t end = mark_begin;
  while (end > 0 && (text[end - 1] == U'的' || text[end - 1] == U'者')) --end;
  size_t begin = end;
  while (begin > 0 && !IsClauseBreak(text[begin - 1]) &&
         !IsLineBreak(text[begin - 1]) && end - begin < 4 * kMaxState) {
    --begin;
  }
  std::u32string_view list = text.substr(begin, end - begin);
  for (const std::u32string_view judging :
       {U"表示", U"认为", U"評價", U"评价", U"表示為", U"表示为"}) {
    const size_t at = list.rfind(judging);
    if (at != std::u32string_view::npos)
      list.remove_prefix(at + judging.size());
  }
  std::vector<std::u32string_view> items;
  size_t from = 0;
  for (size_t i = 0; i <= list.size(); ++i) {
    if (i < list.size() && !JoinsStates(list[i])) continue;
    items.push_back(list.substr(from, i - from));
    from = i + 1;
  }
  std::vector<Word> words;
  for (size_t i = 0; i < items.size(); ++i) {
    std::u32string_view& item = items[i];
    if (item.empty()) return {};
    SegmentInto(item, 0, item.size(), dict, &words);
    if (words.empty()) return {};
    const Pos last = words.back().pos;
    if (last != Pos::kVerb && last != Pos::kAdjective) return {};
    // The first item runs back to the clause's start (群众评议 + 认可): its
    // state is its last word and the adverbs of degree before it (基本,
    // 已经, 不).
    if (i == 0) {
      size_t w = words.size() - 1;
      while (w > 0 &&
             (words[w - 1].pos == Pos::kAdverb ||
              IsOneOf(item.substr(words[w - 1].begin, words[w - 1].size()),
                      {U"基本", U"部分", U"基本上"}))) {
        --w;
      }
      item.remove_prefix(words[w].begin);
    }
    if (item.size() > kMaxState) return {};
  }
  return items;
}

}  // namespace

void RespectivelyNamesEachState(std::u32string_view text,
                                const std::vector<NumberMention>& mentions,
                                const Dictionary& dict,
                                std::vector<MetricPhrase>* out) {
  for (size_t k = 0; k < mentions.size(); ++k) {
    size_t mark_begin = 0;
    if (RespectivelyMarkEndingAt(text, mentions[k].qualifier_begin,
                                 &mark_begin) == 0) {
      continue;
    }
    // The counts after the mark, one unit, joined by list marks only.
    size_t last = k;
    while (last + 1 < mentions.size() &&
           mentions[last + 1].unit == mentions[k].unit &&
           mentions[last + 1].qualifier_begin > mentions[last].mention_end) {
      const std::u32string_view between = text.substr(
          mentions[last].mention_end,
          mentions[last + 1].qualifier_begin - mentions[last].mention_end);
      if (between.size() != 1 ||
          !(JoinsStates(between[0]) || between[0] == U'，')) {
        break;
      }
      ++last;
    }
    const std::vector<std::u32string_view> states =
        StateItems(text, mark_begin, dict);
    if (states.size() < 2 || states.size() != last - k + 1) continue;
    const size_t window =
        mark_begin > 4 * kMaxState ? 4 * kMaxState : mark_begin;
    const std::u32string_view before = text.substr(mark_begin - window, window);
    for (size_t j = k; j <= last; ++j) {
      MetricPhrase& p = (*out)[j];
      const std::u32string_view state = states[j - k];
      // A share of the state is the state's share (占82%: object 满意);
      // a count is the count of the state's deed, where the readings took
      // the list, or part of it, for one (满意或理解).
      if (p.frame == Frame::kShare || p.action == U"占" || p.action == U"佔") {
        if (p.object.empty()) p.object = std::u32string(state);
      } else if (p.action.empty() ||
                 before.find(p.action) != std::u32string_view::npos) {
        p.action = std::u32string(state);
      }
    }
    k = last;
  }
}

}  // namespace phrase_internal
}  // namespace reportfacts
