// Page furniture: the lines a web page, a PDF or a catalogue record puts
// around a report's text (navigation, breadcrumbs, 来源/发布时间 labels,
// share and print buttons, counters, copyright). They are never a title and
// never a body sentence; some of them carry the publication date.
//
//   if (ClassifyFurniture(line) != Furniture::kNone) continue;  // not a title
//   auto year = PublicationYear(U"发布时间：2024-08-02");         // 2024
//
// Every function reads one line and is linear in its length.
#ifndef REPORTFACTS_SERVICE_CORE_PAGE_FURNITURE_H_
#define REPORTFACTS_SERVICE_CORE_PAGE_FURNITURE_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace reportfacts {

enum class Furniture {
  kNone,        // a line of the text itself
  kNoText,      // no Chinese at all: URLs, "P. 4", list counters "1. 1"
  kNavigation,  // a menu: 首页 政协动态 委员声音 ...
  kBreadcrumb,  // 首页 > 新闻中心 > 正文
  kLabel,  // 来源：…, 发布时间：…, 作者：…, 责任编辑 …, 阅读：473次
  kDateline,  // a publication date line: "2022年08月19日 19:05 | 来源…"
  kButtons,   // 分享到, 打印 | 关闭, 返回顶部, copyright
  kArticleEnd,  // 新闻推荐, 相关文章, 友情链接: what follows is another text
};

// ClassifyFurniture says which kind of page furniture `line` (one line
// without its line break) is, or kNone.
Furniture ClassifyFurniture(std::u32string_view line);

// PublicationYear returns the year of the date on a label or dateline line
// ("发布时间：2024-08-02", "日期:2024-04-09 来源:…", "2022年08月19日 19:05"),
// or nullopt for any other line.
std::optional<int> PublicationYear(std::u32string_view line);

// LabelValue returns the offset in `line` where the value of `label` starts
// ("来源：新华社 作者：王明" with label 作者 → offset of 王明), or npos.
size_t LabelValue(std::u32string_view line, std::u32string_view label);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_PAGE_FURNITURE_H_
