#include "service/ingest/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <memory>
#include <vector>

#include "absl/status/status.h"
#include "service/core/chars.h"
#include "service/core/utf8.h"
#include "service/ingest/ascii_util.h"

namespace reportfacts::ingest {
namespace {

// Elements that are never text a reader reads as the article.
constexpr const char* kDroppedTags[] = {
    "script", "style",    "noscript", "nav",    "footer", "aside",  "iframe",
    "frame",  "frameset", "template", "svg",    "math",   "object", "embed",
    "button", "select",   "textarea", "input",  "head",   "title",  "canvas",
    "audio",  "video",    "map",      "dialog", "label",  "menu"};

// Blocks that end a paragraph: a blank line after them.
constexpr const char* kParagraphTags[] = {
    "p",       "h1",   "h2",     "h3",      "h4",     "h5",         "h6",
    "table",   "ul",   "ol",     "dl",      "pre",    "blockquote", "article",
    "section", "main", "figure", "address", "center", "hr",         "header"};

// Blocks that end a line.
constexpr const char* kLineTags[] = {
    "div",        "li",       "tr",     "dt",      "dd",      "caption",
    "figcaption", "fieldset", "legend", "details", "summary", "form",
    "body",       "option",   "tbody",  "thead",   "tfoot"};

// Elements that may hold a whole article: the content search descends
// only into these, never into a paragraph.
constexpr const char* kContainerTags[] = {
    "div", "section", "article", "main", "table", "tbody", "tr", "td",
    "th",  "center",  "form",    "font", "span",  "dl",    "dd"};

// Class and id words that name page furniture: navigation, sharing,
// comments, footers, sidebars. A name matches when one of its words
// (split at anything not a letter or digit) begins or ends with one of
// these ("topnav", "footer_wrap"), or, for the stems of five letters or
// more, holds it ("bdsharebuttonbox").
constexpr const char* kClutterStems[] = {
    "nav",     "menu",      "breadcrumb", "crumb",     "share",
    "social",  "comment",   "footer",     "copyright", "sidebar",
    "related", "recommend", "pagination", "toolbar",   "advert"};
// Short words that match only whole.
constexpr const char* kClutterWords[] = {"foot",  "ad",    "ads",   "reply",
                                         "login", "pager", "bshare"};

// A form holding less Chinese text than this outside links is a search or
// login box; a bigger one wraps the page (ASP.NET pages put the whole body
// in one <form>).
constexpr int64_t kSmallFormCjk = 50;

// The share of its parent's text outside links a child must hold for the
// content search to descend into it.
constexpr double kDescendShare = 0.7;

// Han characters outside links that make a block running text rather
// than a label, a date line or a title.
constexpr int64_t kParagraphCjk = 20;

// Class-named clutter holding at least this share of the page's text
// outside links is kept: the name lied ("article-share-wrap" around the
// whole article).
constexpr double kClutterMaxShare = 0.5;

// An <article> or <main> smaller than this share of the page is a teaser,
// not the content.
constexpr double kArticleMinShare = 0.25;

std::string_view NameOf(const xmlNode* node) {
  return node->name == nullptr
             ? std::string_view()
             : std::string_view(reinterpret_cast<const char*>(node->name));
}

template <size_t N>
bool IsOneOf(std::string_view name, const char* const (&list)[N]) {
  for (const char* item : list) {
    if (name == item) return true;
  }
  return false;
}

bool IsElement(const xmlNode* node) { return node->type == XML_ELEMENT_NODE; }

std::string Attribute(const xmlNode* node, const char* name) {
  for (const xmlAttr* attr = node->properties; attr != nullptr;
       attr = attr->next) {
    if (attr->name == nullptr ||
        !EqualsIgnoreCaseAscii(reinterpret_cast<const char*>(attr->name),
                               name)) {
      continue;
    }
    std::string value;
    for (const xmlNode* child = attr->children; child != nullptr;
         child = child->next) {
      if (child->content != nullptr) {
        value += reinterpret_cast<const char*>(child->content);
      }
    }
    return value;
  }
  return "";
}

bool HasAttribute(const xmlNode* node, const char* name) {
  for (const xmlAttr* attr = node->properties; attr != nullptr;
       attr = attr->next) {
    if (attr->name != nullptr &&
        EqualsIgnoreCaseAscii(reinterpret_cast<const char*>(attr->name),
                              name)) {
      return true;
    }
  }
  return false;
}

bool IsWordChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
}

bool NamesClutter(std::string_view names) {
  const std::string lower = ToLowerAscii(names);
  const std::string_view all(lower);
  size_t i = 0;
  while (i < all.size()) {
    if (!IsWordChar(all[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < all.size() && IsWordChar(all[end])) ++end;
    const std::string_view word = all.substr(i, end - i);
    i = end;
    if (IsOneOf(word, kClutterWords)) return true;
    for (const char* stem : kClutterStems) {
      const std::string_view part(stem);
      // Long stems count anywhere in a word run together
      // ("bdsharebuttonbox"); short ones only at its ends ("topnav").
      if (part.size() >= 5 ? word.find(part) != std::string_view::npos
                           : StartsWith(word, part) || EndsWith(word, part)) {
        return true;
      }
    }
  }
  return false;
}

bool IsHidden(const xmlNode* node) {
  if (HasAttribute(node, "hidden")) return true;
  std::string style = ToLowerAscii(Attribute(node, "style"));
  style.erase(std::remove_if(style.begin(), style.end(),
                             [](char c) { return c == ' ' || c == '\t'; }),
              style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

bool IsLinkTag(std::string_view name) { return name == "a"; }
bool IsArticleTag(std::string_view name) {
  return name == "article" || name == "main";
}

// Walk visits the subtree of `root` in document order without recursion
// (pages nest deeper than a stack allows): `enter` on the way down (false
// skips the node's children), `leave` on the way up, for every node.
template <typename Enter, typename Leave>
void Walk(xmlNode* root, Enter enter, Leave leave) {
  xmlNode* node = root;
  while (node != nullptr) {
    if (enter(node) && node->children != nullptr) {
      node = node->children;
      continue;
    }
    while (node != nullptr) {
      leave(node);
      if (node == root) return;
      if (node->next != nullptr) {
        node = node->next;
        break;
      }
      node = node->parent;
    }
  }
}

// TextStats counts a subtree's visible text in code points.
struct TextStats {
  int64_t cjk = 0;       // Han characters
  int64_t link_cjk = 0;  // of which inside links
  int64_t chars = 0;     // characters other than white space
  int64_t link_chars = 0;
  int64_t order = 0;      // preorder number of the element
  int64_t order_end = 0;  // one past the last preorder number inside
  // Han characters outside links: what the content search weighs.
  int64_t Weight() const { return cjk - link_cjk; }
};

void CountText(const xmlNode* node, bool in_link, TextStats* stats) {
  if (node->content == nullptr) return;
  const std::u32string text =
      DecodeUtf8(reinterpret_cast<const char*>(node->content));
  for (char32_t c : text) {
    if (IsSpace(c)) continue;
    ++stats->chars;
    if (in_link) ++stats->link_chars;
    if (IsCjk(c)) {
      ++stats->cjk;
      if (in_link) ++stats->link_cjk;
    }
  }
}

// Page holds the parsed tree and what the passes learn about it. Each
// element that is not dropped by its tag gets an index, kept in the
// node's _private pointer (index + 1; null: dropped).
class Page {
 public:
  explicit Page(xmlDoc* doc) : doc_(doc) {}

  std::string Text();

 private:
  static int64_t IndexOf(const xmlNode* node) {
    return reinterpret_cast<intptr_t>(node->_private) - 1;
  }
  bool Dropped(const xmlNode* node) const {
    const int64_t index = IndexOf(node);
    return index < 0 || dropped_[index];
  }
  xmlNode* FindBody() const;
  // Numbers the elements and counts text, with the elements whose tag
  // drops them left out.
  void Number(xmlNode* body);
  // Counts text again, leaving out class-named clutter and small forms
  // too, as the first count tells which those are.
  void Recount(xmlNode* body);
  xmlNode* ChooseContent(xmlNode* body) const;
  xmlNode* TitleBefore(const xmlNode* content) const;
  void Render(xmlNode* root, class Renderer* out) const;

  xmlDoc* doc_;
  std::vector<TextStats> first_;  // counted by Number
  std::vector<TextStats> stats_;  // counted by Recount
  std::vector<bool> dropped_;
  std::vector<xmlNode*> articles_;  // <article> and <main>
  std::vector<xmlNode*> h1s_;
};

// Renderer writes text the way a browser lays out blocks and collapses
// white space.
class Renderer {
 public:
  // Break asks for `level` line breaks (1: a new line, 2: a blank line)
  // before the next text.
  void Break(int level) { breaks_ = std::max(breaks_, level); }
  // LineBreak is <br>: one more line break, up to a blank line.
  void LineBreak() { breaks_ = std::min(2, breaks_ + 1); }
  // Space separates table cells.
  void Space() { hard_space_ = true; }

  void Text(std::string_view utf8, bool preformatted) {
    for (char32_t c : DecodeUtf8(utf8)) {
      if (preformatted) {
        if (c == U'\r') continue;
        if (c == U'\n') {
          LineBreak();
          continue;
        }
        Flush(c);
        AppendUtf8(c, &out_);
        last_ = c;
        continue;
      }
      if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' ||
          c == U'\u00A0') {
        soft_space_ = true;
        if (c == U'\n' || c == U'\r') space_had_newline_ = true;
        continue;
      }
      Flush(c);
      AppendUtf8(c, &out_);
      last_ = c;
    }
  }

  std::string Finish() && {
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\n')) {
      out_.pop_back();
    }
    return std::move(out_);
  }

 private:
  static bool IsWideText(char32_t c) {
    return IsCjk(c) || (c >= 0x3000 && c <= 0x303F) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2018 && c <= 0x201D);
  }

  // Flush writes the breaks or space owed before `next`.
  void Flush(char32_t next) {
    if (out_.empty()) {
      // Nothing before: white space and breaks lead nowhere.
    } else if (breaks_ > 0) {
      while (!out_.empty() && out_.back() == ' ') out_.pop_back();
      int have = 0;
      for (size_t i = out_.size(); i > 0 && out_[i - 1] == '\n' && have < 2;
           --i) {
        ++have;
      }
      for (; have < breaks_; ++have) out_ += '\n';
      last_ = U'\n';
    } else if (hard_space_ || soft_space_) {
      // CSS Text: a line break in the source between two Chinese
      // characters is no space at all.
      const bool vanishes = !hard_space_ && space_had_newline_ &&
                            IsWideText(last_) && IsWideText(next);
      if (!vanishes && last_ != U'\n' && last_ != U' ') out_ += ' ';
    }
    breaks_ = 0;
    hard_space_ = soft_space_ = space_had_newline_ = false;
  }

  std::string out_;
  int breaks_ = 0;
  bool soft_space_ = false;
  bool space_had_newline_ = false;
  bool hard_space_ = false;
  char32_t last_ = 0;
};

xmlNode* Page::FindBody() const {
  xmlNode* root = xmlDocGetRootElement(doc_);
  if (root == nullptr) return nullptr;
  for (xmlNode* child = root->children; child != nullptr; child = child->next) {
    if (IsElement(child) && NameOf(child) == "body") return child;
  }
  return root;
}

void Page::Number(xmlNode* body) {
  int64_t order = 0;
  int link_depth = 0;
  int article_depth = 0;
  Walk(
      body,
      [&](xmlNode* node) {
        if (node->type == XML_TEXT_NODE ||
            node->type == XML_CDATA_SECTION_NODE) {
          if (node->parent != nullptr && IndexOf(node->parent) >= 0) {
            CountText(node, link_depth > 0, &first_[IndexOf(node->parent)]);
          }
          return false;
        }
        if (!IsElement(node)) return false;
        const std::string_view name = NameOf(node);
        // A <header> inside an article holds its title; the page's own
        // holds the logo and the menu.
        if (IsOneOf(name, kDroppedTags) ||
            (name == "header" && article_depth == 0) || IsHidden(node)) {
          node->_private = nullptr;
          return false;
        }
        first_.emplace_back();
        first_.back().order = order++;
        node->_private =
            reinterpret_cast<void*>(static_cast<intptr_t>(first_.size()));
        if (IsLinkTag(name)) ++link_depth;
        if (IsArticleTag(name)) {
          ++article_depth;
          articles_.push_back(node);
        }
        if (name == "h1") h1s_.push_back(node);
        return true;
      },
      [&](xmlNode* node) {
        if (!IsElement(node) || IndexOf(node) < 0) return;
        const std::string_view name = NameOf(node);
        if (IsLinkTag(name)) --link_depth;
        if (IsArticleTag(name)) --article_depth;
        TextStats& mine = first_[IndexOf(node)];
        mine.order_end = order;
        if (node != body && node->parent != nullptr &&
            IndexOf(node->parent) >= 0) {
          TextStats& parent = first_[IndexOf(node->parent)];
          parent.cjk += mine.cjk;
          parent.link_cjk += mine.link_cjk;
          parent.chars += mine.chars;
          parent.link_chars += mine.link_chars;
        }
      });
}

void Page::Recount(xmlNode* body) {
  const int64_t page_weight = first_[IndexOf(body)].Weight();
  stats_.assign(first_.size(), TextStats());
  dropped_.assign(first_.size(), false);
  int link_depth = 0;
  Walk(
      body,
      [&](xmlNode* node) {
        if (node->type == XML_TEXT_NODE ||
            node->type == XML_CDATA_SECTION_NODE) {
          if (node->parent != nullptr && IndexOf(node->parent) >= 0) {
            CountText(node, link_depth > 0, &stats_[IndexOf(node->parent)]);
          }
          return false;
        }
        if (!IsElement(node) || IndexOf(node) < 0) return false;
        const int64_t index = IndexOf(node);
        const std::string_view name = NameOf(node);
        const TextStats& first = first_[index];
        stats_[index].order = first.order;
        stats_[index].order_end = first.order_end;
        const bool clutter = node != body && !IsArticleTag(name) &&
                             (NamesClutter(Attribute(node, "class")) ||
                              NamesClutter(Attribute(node, "id"))) &&
                             first.Weight() < kClutterMaxShare * page_weight;
        const bool small_form =
            name == "form" && first.Weight() < kSmallFormCjk;
        if (clutter || small_form) {
          dropped_[index] = true;
          return false;
        }
        if (IsLinkTag(name)) ++link_depth;
        return true;
      },
      [&](xmlNode* node) {
        if (!IsElement(node) || IndexOf(node) < 0) return;
        const int64_t index = IndexOf(node);
        if (dropped_[index]) return;
        if (IsLinkTag(NameOf(node))) --link_depth;
        if (node == body || node->parent == nullptr ||
            IndexOf(node->parent) < 0) {
          return;
        }
        TextStats& parent = stats_[IndexOf(node->parent)];
        const TextStats& mine = stats_[index];
        parent.cjk += mine.cjk;
        parent.link_cjk += mine.link_cjk;
        parent.chars += mine.chars;
        parent.link_chars += mine.link_chars;
      });
}

bool Inside(const xmlNode* node, const xmlNode* ancestor) {
  for (const xmlNode* at = node; at != nullptr; at = at->parent) {
    if (at == ancestor) return true;
  }
  return false;
}

xmlNode* Page::ChooseContent(xmlNode* body) const {
  const TextStats& page = stats_[IndexOf(body)];
  xmlNode* best_article = nullptr;
  for (xmlNode* article : articles_) {
    // An article inside dropped clutter (a comment thread) is not it.
    bool kept = true;
    for (const xmlNode* at = article; at != nullptr && at != body;
         at = at->parent) {
      if (IsElement(at) && Dropped(at)) kept = false;
    }
    if (!kept) continue;
    if (best_article == nullptr ||
        stats_[IndexOf(article)].cjk > stats_[IndexOf(best_article)].cjk) {
      best_article = article;
    }
  }
  if (best_article != nullptr && stats_[IndexOf(best_article)].Weight() >=
                                     kArticleMinShare * page.Weight()) {
    return best_article;
  }
  xmlNode* node = body;
  while (stats_[IndexOf(node)].Weight() > 0) {
    xmlNode* best = nullptr;
    for (xmlNode* child = node->children; child != nullptr;
         child = child->next) {
      if (!IsElement(child) || Dropped(child) ||
          !IsOneOf(NameOf(child), kContainerTags)) {
        continue;
      }
      if (best == nullptr ||
          stats_[IndexOf(child)].Weight() > stats_[IndexOf(best)].Weight()) {
        best = child;
      }
    }
    if (best == nullptr || stats_[IndexOf(best)].Weight() <
                               kDescendShare * stats_[IndexOf(node)].Weight()) {
      break;
    }
    // Running text beside the best child (a paragraph of its own, or text
    // right in this element) means the content is this element, split
    // into paragraphs, not the child.
    int64_t children_weight = 0;
    bool paragraph_beside = false;
    for (xmlNode* child = node->children; child != nullptr;
         child = child->next) {
      if (!IsElement(child) || Dropped(child)) continue;
      const int64_t weight = stats_[IndexOf(child)].Weight();
      children_weight += weight;
      if (child != best && weight >= kParagraphCjk) paragraph_beside = true;
    }
    if (paragraph_beside ||
        stats_[IndexOf(node)].Weight() - children_weight >= kParagraphCjk) {
      break;
    }
    node = best;
  }
  return node;
}

xmlNode* Page::TitleBefore(const xmlNode* content) const {
  const TextStats& range = stats_[IndexOf(content)];
  xmlNode* title = nullptr;
  for (xmlNode* h1 : h1s_) {
    const int64_t order = first_[IndexOf(h1)].order;
    if (order >= range.order && order < range.order_end) return nullptr;
    if (order < range.order && !Inside(content, h1) &&
        stats_[IndexOf(h1)].chars > 0) {
      bool kept = true;
      for (const xmlNode* at = h1;
           at != nullptr && IsElement(at) && NameOf(at) != "body";
           at = at->parent) {
        if (Dropped(at)) kept = false;
      }
      if (kept) title = h1;
    }
  }
  return title;
}

void Page::Render(xmlNode* root, Renderer* out) const {
  int preformatted = 0;
  Walk(
      root,
      [&](xmlNode* node) {
        if (node->type == XML_TEXT_NODE ||
            node->type == XML_CDATA_SECTION_NODE) {
          if (node->content != nullptr) {
            out->Text(reinterpret_cast<const char*>(node->content),
                      preformatted > 0);
          }
          return false;
        }
        if (!IsElement(node) || Dropped(node)) return false;
        const std::string_view name = NameOf(node);
        const TextStats& stats = stats_[IndexOf(node)];
        // Blocks that are mostly links are lists of other pages.
        if (node != root &&
            (IsOneOf(name, kParagraphTags) || IsOneOf(name, kLineTags))) {
          if (stats.link_chars > 0 && 2 * stats.link_chars >= stats.chars) {
            return false;
          }
        }
        if (name == "br") {
          out->LineBreak();
        } else if (name == "td" || name == "th") {
          out->Space();
        } else if (IsOneOf(name, kParagraphTags)) {
          out->Break(2);
        } else if (IsOneOf(name, kLineTags)) {
          out->Break(1);
        }
        if (name == "pre") ++preformatted;
        return true;
      },
      [&](xmlNode* node) {
        if (!IsElement(node) || Dropped(node)) return;
        const std::string_view name = NameOf(node);
        if (name == "pre") --preformatted;
        if (IsOneOf(name, kParagraphTags)) {
          out->Break(2);
        } else if (IsOneOf(name, kLineTags)) {
          out->Break(1);
        } else if (name == "td" || name == "th") {
          out->Space();
        }
      });
}

std::string Page::Text() {
  xmlNode* body = FindBody();
  if (body == nullptr) return "";
  Number(body);
  if (IndexOf(body) < 0) return "";
  Recount(body);
  xmlNode* content = ChooseContent(body);
  Renderer out;
  if (xmlNode* title = TitleBefore(content)) {
    Render(title, &out);
    out.Break(2);
  }
  Render(content, &out);
  return std::move(out).Finish();
}

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

}  // namespace

absl::StatusOr<std::string> HtmlToText(std::string_view utf8_html) {
  if (utf8_html.size() > static_cast<size_t>(INT_MAX)) {
    return absl::InvalidArgumentError("the HTML page is too large to parse");
  }
  // Never the network; no messages on stderr; the charset is already
  // UTF-8 whatever the page's <meta> says.
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                      HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                      HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
  std::unique_ptr<xmlDoc, DocFree> doc(
      htmlReadMemory(utf8_html.data(), static_cast<int>(utf8_html.size()),
                     nullptr, "UTF-8", options));
  if (doc == nullptr) {
    // libxml2 gives no tree for input without any markup or text at all.
    if (TrimAscii(utf8_html).empty()) return std::string();
    return absl::InvalidArgumentError(
        "the content is not an HTML page the parser can read");
  }
  Page page(doc.get());
  return page.Text();
}

}  // namespace reportfacts::ingest
