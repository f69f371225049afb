// Finds what a metric counts (its object), the verb it belongs to (its
// action) and the frame it stands in (a sub-count of a set, a share, a
// rate) from the words of its clause.
//
// The clause around each number is cut into words by the segmenter (the
// jieba dictionary with the genre's overlay), and a small set of named
// rules reads the object and action from the word classes:
//   verb + object + number     收到来信80封          -> 来信 / 收到
//   number + measure + noun    提出12条意见          -> 意见 / 提出
//   noun + verb + number       来信办结75封          -> 来信 / 办结
//   verb + number (ellipsis)   收到来信80封，办结75封 -> 来信 carried over
//   a list sharing its verb    召开座谈会4次、论证会2次 -> 召开 for both
//   a share                    占总数的15%           -> 总数 / 占 (share)
//   a rate                     答复率98%             -> 答复率 (rate)
//   a state                    其中办结的60封        -> 办结 (the set's 来信)
//   people counted             委员参加活动300人次    -> 委员 / 参加
//   counts joined by a verb    3案并1案              -> 提案 / 并 for both
//   a deed received            其中6封获领导批复      -> 来信 / 批复 (who acts
//                              and the 获/被 before them are no object)
//   a list item                座谈5次、研讨3次       -> nothing read across 、
// An action is a verb: a quantity word opening it (累计, 共, 先后) and a
// link of value (折合) are dropped; in a count of people a verb after the
// verb is part of the action (带动就业), not the object.
// and two frames give a sub-count its set: 其中 after a count (also opening
// the next sentence, or a list after 其中：), and a clause 在…中 (在办结的
// 来信中，…); a bare topic (经济方面60封) breaks down the count before it.
// A part that names its own kind and no verb (其中集体来信20封) has no
// action; its set gives it the indicator.
// The object keeps the words that say which kind (集体来信, 重点来信, a
// compound the dictionary lists, 其它来信, a topic …方面 with the verbs
// that name its fields) and drops time, quantity, place and agent words.
// Pronunciation glosses (提(ti)案) are read through.
// Last trims, each a named rule of phrase.cc: a noun phrase ends in its
// head (部门 + 具体 + 办理 -> 部门), 相关 in front names no kind, a total word
// or a verb of having inside ends the subject (协会现有会员 -> 会员), 价值
// is said of the thing before it, a span of time (5年间) counts nothing, a
// web address or a dateline label on the next line is no object; a change
// 由A缩短到B gives both values the subject before 由; a count of people
// right after a person noun counts them; a verb of the chain read as the
// object takes the object of the count before; a noun right after the
// measure is counted (办理协商 + 9件提案); a total (共48吨) counts the head
// word its parts share; the base of a share (占立案总数15%) names the set.
// A comparison (同比, 较上年) is no object: the change is of what the
// count before it measured; digits or a dash left in the object (每月1—)
// end it, and a frequency word alone (每月) is a time; a verb of change
// (降至, 提高到) ends the subject and is the action; 非 + noun (非会员) is
// a kind of its own; the 来 of a span of time (5年来) is no verb; a kind
// word (公共) takes the "verbs" after it as a compound noun up to the
// count's listed verb (公共预算收入 + 完成); 所 + verb + noun (所提问题) is
// the subject of a state; a dictionary noun right after the measure (调研
// + 组, 功能 + 区) is counted; a noun modifier before a lone verbal noun
// (专题 + 调研) stays; a clause opening with its own verb carries none in;
// states listed before 分别为 (满意、理解的分别为8件、3件) go, in order,
// to the counts after it (phrase_lists.cc).
//
// The module's files (clause words, named rules, the lexical reading, the
// combination) are listed in phrase_internal.h.
//
//   PhraseLexicon lex{&dictionary, &gazetteer.names()};
//   std::vector<MetricPhrase> p = AnalysePhrases(text, mentions, lex);
#ifndef REPORTFACTS_SERVICE_CORE_PHRASE_H_
#define REPORTFACTS_SERVICE_CORE_PHRASE_H_

#include <string>
#include <string_view>
#include <vector>

#include "service/core/lexicon.h"
#include "service/core/number_scan.h"
#include "service/core/segmenter.h"

namespace reportfacts {

struct PhraseLexicon {
  const Dictionary* dictionary = nullptr;
  const WordSet* places = nullptr;  // place names that may open a phrase
  // The genre's word lists for the lexical reading.
  WordSet actions;
  WordSet nouns;
  WordSet modifiers;
  WordSet agents;  // nouns naming who acts (委员): subjects, not objects
};

// Frame is how a number relates to the counts around it.
enum class Frame {
  kCount,  // a plain count or amount
  kShare,  // 占…%: a share of something
  kRate,   // …率 %: a rate
};

// MetricPhrase is what AnalysePhrases finds for one number.
struct MetricPhrase {
  std::u32string object;
  std::u32string action;
  Frame frame = Frame::kCount;
  // A sub-count (其中…) names the mention whose set it splits, or -1.
  int set_mention = -1;
  // A clause 在…中 names its set in words: the set's object and action.
  std::u32string set_object;
  std::u32string set_action;
  // In a count of people, what the people's verb acts on (委员参加 + 专题
  // 培训 + 300人次): no object of the count, but it may say what kind of
  // count it is where the people and their verb do not.
  std::u32string theme;
  size_t sentence_begin = 0;
  size_t sentence_end = 0;
  // End of the words after the number that the object was read from, so
  // that the next number does not read them again.
  size_t phrase_end = 0;
  // The rule that read the object (for tests and debugging).
  const char* rule = "";
};

// AnalysePhrases returns one MetricPhrase per mention, in the same order.
std::vector<MetricPhrase> AnalysePhrases(
    std::u32string_view text, const std::vector<NumberMention>& mentions,
    const PhraseLexicon& lexicon);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_PHRASE_H_
