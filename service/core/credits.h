// Bylines and credit lines: the names a report is credited to.
//
//   auto names = ParseCreditLine(text, line.content_begin, line.content_end,
//                                lexicon);
//   // "本报记者 王明 李华" -> {王明, 记者}, {李华, 记者}
//   auto lead = ParseLeadCredit(text, line.content_begin, line.content_end,
//                               lexicon);
//   // "本报讯（记者 王明）昨日，…" -> {王明, 记者}
//
// The markers (记者, 通讯员, 文, 图 ...) and their canonical roles come from
// roles.txt; names are 2-4 characters starting with a surname. Editors'
// credits (编辑, 审核) hold no marker and give nothing.
#ifndef REPORTFACTS_SERVICE_CORE_CREDITS_H_
#define REPORTFACTS_SERVICE_CORE_CREDITS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "service/core/people.h"

namespace reportfacts {

// CreditName is one name found in a byline or photo credit line.
struct CreditName {
  std::string name;  // spaces removed
  std::string role;  // canonical: 记者, 通讯员, 文字, 摄影, or ""
  std::string organization;  // text before the marker (某某日报), or ""
  size_t begin = 0;          // code points of the name as written
  size_t end = 0;
};

// ParseCreditLine reads text[begin, end) as a byline or credit line
// ("本报通讯员 王明", "(文 李华 图 赵强)", "某某日报记者 王明 摄影报道",
// "映象网 记者 王明 李华 图", "记者张明"). A role word after the names
// ("王明 文 李华 图") gives the names before it that role. It returns
// nothing unless the whole line has that shape.
std::vector<CreditName> ParseCreditLine(std::u32string_view text, size_t begin,
                                        size_t end,
                                        const PeopleLexicon& lexicon);

// ParseLeadCredit reads a byline in brackets at the start of a news item's
// first line: after a dateline ending in 讯 or 电 ("本报讯（记者 王明）…",
// "某某网北京3月1日电(记者 李华)…") or at the very start ("(王明) 3月1日，
// …", where the bare name gets role ""). Empty when there is none.
std::vector<CreditName> ParseLeadCredit(std::u32string_view text, size_t begin,
                                        size_t end,
                                        const PeopleLexicon& lexicon);

// ParseTrailingCredit reads a credit in brackets that ends a line
// ("…办理。（记者 王明）", "来源：某某网（记者王明）", a line "（王明）"
// alone, whose bare name gets role ""). Of several bracket groups at the
// end ("(记者 王明)(来源 某某网)") the first that holds names counts.
std::vector<CreditName> ParseTrailingCredit(std::u32string_view text,
                                            size_t begin, size_t end,
                                            const PeopleLexicon& lexicon);

// IsSelfReference: 本报, 本网, 本台, 本刊, 本站 (and 本报讯) are the
// publication speaking of itself, which names no organization.
bool IsSelfReference(std::u32string_view s);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_CREDITS_H_
