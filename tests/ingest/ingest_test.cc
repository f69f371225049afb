// service/ingest, rule by rule: where the charset comes from (a byte order
// mark, the media type, the page's <meta>, valid UTF-8, detection), when
// the bytes are refused, and how an HTML page becomes text (blocks, white
// space, dropped furniture, the main content, entities).
#include "service/ingest/ingest.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "service/ingest/charset.h"
#include "service/ingest/html_text.h"
#include "tests/ingest/encode_util.h"

namespace reportfacts::ingest {
namespace {

// Test sentences written for these rules, in the style of a committee's
// yearly summary.
constexpr char kSummary[] =
    "市政协全年共收到委员提案356件，经审查立案312件，办复率达到100%。"
    "围绕乡村振兴开展专题调研18次，形成调研报告9篇。"
    "组织委员视察活动24场，参加委员累计达到560人次。";
constexpr char kTraditionalSummary[] =
    "縣政協全年共收到委員提案218件，經審查立案196件，辦復率達到100%。"
    "圍繞鄉村振興開展專題調研12次，形成調研報告7篇。"
    "組織委員視察活動15場，參加委員累計達到430人次。";

IngestLimits Limits() { return IngestLimits(); }

IngestedText Convert(const std::string& bytes, const std::string& type) {
  absl::StatusOr<IngestedText> in = ToPlainText(bytes, type, Limits());
  EXPECT_TRUE(in.ok()) << in.status();
  return in.ok() ? *in : IngestedText();
}

std::string Html(const std::string& page) {
  absl::StatusOr<std::string> text = HtmlToText(page);
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? *text : "";
}

std::string ErrorOf(const std::string& bytes, const std::string& type,
                    const IngestLimits& limits = IngestLimits()) {
  absl::StatusOr<IngestedText> in = ToPlainText(bytes, type, limits);
  EXPECT_FALSE(in.ok());
  if (in.ok()) return "";
  EXPECT_TRUE(absl::IsInvalidArgument(in.status())) << in.status();
  return std::string(in.status().message());
}

// --- Where the charset comes from -------------------------------------

TEST(CharsetTest, MediaTypeCharsetIsUsed) {
  const Encoded gbk = EncodeAs(kSummary, "GBK");
  const IngestedText in = Convert(gbk.bytes, "text/plain; charset=GBK");
  EXPECT_EQ(in.text, kSummary);
  EXPECT_EQ(in.charset, "GB18030");
  EXPECT_EQ(in.charset_source, CharsetSource::kMediaType);
  EXPECT_EQ(in.format, Format::kPlainText);
}

TEST(CharsetTest, LabelsOfSubsetsDecodeWithTheSuperset) {
  const std::vector<std::pair<std::string, std::string>> labels = {
      {"gb2312", "GB18030"},
      {"GBK", "GB18030"},
      {"x-gbk", "GB18030"},
      {"\"gb18030\"", "GB18030"},
      {"big5", "BIG5-HKSCS"},
      {"Big5-HKSCS", "BIG5-HKSCS"},
      {"utf8", "UTF-8"},
      {"us-ascii", "UTF-8"},
      {"windows-1252", "WINDOWS-1252"}};
  for (const auto& [label, name] : labels) {
    EXPECT_EQ(CanonicalCharset(label), name) << label;
  }
  // Not charset names at all.
  for (const char* bad : {"", "gb 2312", "<script>", "x/y"}) {
    EXPECT_EQ(CanonicalCharset(bad), "") << bad;
  }
}

TEST(CharsetTest, Gb18030OnlyCharactersDecode) {
  // U+20000 (an Extension B character) exists in GB18030, not in GBK.
  const std::string text = "委员\xF0\xA0\x80\x80提案";
  const Encoded gb = EncodeAs(text, "GB18030");
  ASSERT_EQ(gb.utf8, text);
  EXPECT_EQ(Convert(gb.bytes, "text/plain; charset=gb18030").text, text);
}

TEST(CharsetTest, BigFiveDeclared) {
  const Encoded big5 = EncodeAs(kTraditionalSummary, "BIG5");
  ASSERT_EQ(big5.utf8, kTraditionalSummary);
  const IngestedText in = Convert(big5.bytes, "text/plain;charset=big5");
  EXPECT_EQ(in.text, kTraditionalSummary);
  EXPECT_EQ(in.charset_source, CharsetSource::kMediaType);
}

TEST(CharsetTest, HtmlMetaCharsetIsUsedWhenTheMediaTypeHasNone) {
  for (const std::string meta :
       {"<meta charset=\"gbk\">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; "
        "charset=gb2312\">",
        "<META HTTP-EQUIV=Content-Type CONTENT='text/html;charset=GBK'>"}) {
    const std::string page = "<html><head>" + meta + "</head><body><p>" +
                             kSummary + "</p></body></html>";
    const Encoded gbk = EncodeAs(page, "GBK");
    for (const char* type : {"text/html", ""}) {
      const IngestedText in = Convert(gbk.bytes, type);
      EXPECT_EQ(in.text, kSummary) << meta;
      EXPECT_EQ(in.charset_source, CharsetSource::kHtmlMeta) << meta;
      EXPECT_EQ(in.format, Format::kHtml);
    }
  }
}

TEST(CharsetTest, MediaTypeCharsetWinsOverMeta) {
  const std::string page = std::string("<html><head><meta charset=\"big5\">") +
                           "</head><body><p>" + kSummary + "</p></body></html>";
  const Encoded gbk = EncodeAs(page, "GBK");
  const IngestedText in = Convert(gbk.bytes, "text/html; charset=gbk");
  EXPECT_EQ(in.text, kSummary);
  EXPECT_EQ(in.charset_source, CharsetSource::kMediaType);
}

TEST(CharsetTest, UndeclaredValidUtf8IsUtf8) {
  const IngestedText in = Convert(kSummary, "");
  EXPECT_EQ(in.text, kSummary);
  EXPECT_EQ(in.charset_source, CharsetSource::kValidUtf8);
  EXPECT_EQ(in.format, Format::kPlainText);
}

TEST(CharsetTest, UndeclaredGbkIsDetected) {
  const Encoded gbk = EncodeAs(kSummary, "GBK");
  const IngestedText in = Convert(gbk.bytes, "text/plain");
  EXPECT_EQ(in.text, kSummary);
  EXPECT_EQ(in.charset_source, CharsetSource::kDetected);
  EXPECT_EQ(in.charset, "GB18030");
}

TEST(CharsetTest, UndeclaredBigFiveIsDetected) {
  const Encoded big5 = EncodeAs(kTraditionalSummary, "BIG5");
  const IngestedText in = Convert(big5.bytes, "");
  EXPECT_EQ(in.text, kTraditionalSummary);
  EXPECT_EQ(in.charset_source, CharsetSource::kDetected);
  EXPECT_EQ(in.charset, "BIG5-HKSCS");
}

TEST(CharsetTest, UndecidableBytesAreRefused) {
  // Not UTF-8, and no Chinese encoding either: bytes that lead nowhere.
  std::string noise;
  for (int i = 0; i < 64; ++i) noise += static_cast<char>(0x80 + (i * 7) % 3);
  EXPECT_NE(ErrorOf(noise, "").find("neither declared nor recognised"),
            std::string::npos);
}

TEST(CharsetTest, BinaryBytesAreNotTakenForDetectedText) {
  // Chinese text in GBK with control bytes strewn through it, as in a
  // binary file's strings: detectable, decodable, but not a text.
  const std::string_view text(kSummary);
  std::string binary;
  for (size_t at = 0, n = 0; at < text.size(); ++n) {
    const size_t length = Utf8Length(static_cast<unsigned char>(text[at]));
    binary += EncodeAs(text.substr(at, length), "GBK").bytes;
    if (n % 4 == 0) binary += "\x01\x02";
    at += length;
  }
  EXPECT_NE(ErrorOf(binary, "").find("does not look like text"),
            std::string::npos);
  // The same bytes declared as GBK are the caller's word: converted.
  EXPECT_TRUE(ToPlainText(binary, "text/plain; charset=gbk", Limits()).ok());
}

TEST(CharsetTest, BytesThatDoNotDecodeInTheDeclaredCharsetAreRefused) {
  const Encoded gbk = EncodeAs(kSummary, "GBK");
  const std::string message = ErrorOf(gbk.bytes, "text/plain; charset=utf-8");
  EXPECT_NE(message.find("not valid UTF-8"), std::string::npos) << message;
  EXPECT_NE(message.find("byte offset 0"), std::string::npos) << message;
  // A GBK lead byte cut off at the end of the file.
  const std::string cut = gbk.bytes.substr(0, 3);
  EXPECT_NE(ErrorOf(cut, "text/plain; charset=gbk").find("ends inside"),
            std::string::npos);
}

TEST(CharsetTest, UnknownAndMalformedCharsetsAreRefused) {
  EXPECT_NE(ErrorOf("abc", "text/plain; charset=x-unheard-of")
                .find("not one this server can decode"),
            std::string::npos);
  EXPECT_NE(
      ErrorOf("abc", "text/plain; charset=\"a b\"").find("not a charset name"),
      std::string::npos);
}

TEST(CharsetTest, ByteOrderMarksAreUsedAndStripped) {
  const std::string utf8_bom = std::string("\xEF\xBB\xBF") + kSummary;
  IngestedText in = Convert(utf8_bom, "");
  EXPECT_EQ(in.text, kSummary);
  EXPECT_EQ(in.charset_source, CharsetSource::kByteOrderMark);
  // The mark wins over a declared charset, as in browsers.
  EXPECT_EQ(Convert(utf8_bom, "text/plain; charset=gbk").text, kSummary);

  const std::string le =
      std::string("\xFF\xFE") + EncodeAs(kSummary, "UTF-16LE").bytes;
  in = Convert(le, "");
  EXPECT_EQ(in.text, kSummary);
  EXPECT_EQ(in.charset, "UTF-16LE");
  const std::string be =
      std::string("\xFE\xFF") + EncodeAs(kSummary, "UTF-16BE").bytes;
  EXPECT_EQ(Convert(be, "text/plain").text, kSummary);

  // A UTF-16 page is recognised as HTML once decoded.
  const std::string page =
      std::string("<html><body><p>") + kSummary + "</p></body></html>";
  in = Convert(std::string("\xFF\xFE") + EncodeAs(page, "UTF-16LE").bytes, "");
  EXPECT_EQ(in.format, Format::kHtml);
  EXPECT_EQ(in.text, kSummary);
}

TEST(LimitsTest, InputAndDecodedSizesAreCapped) {
  IngestLimits small;
  small.max_input_bytes = 10;
  EXPECT_NE(ErrorOf(kSummary, "", small).find("over the limit of 10 bytes"),
            std::string::npos);
  // GBK's two bytes per character grow to UTF-8's three.
  const Encoded gbk = EncodeAs(kSummary, "GBK");
  IngestLimits tight;
  tight.max_decoded_bytes = static_cast<int64_t>(gbk.bytes.size());
  EXPECT_NE(
      ErrorOf(gbk.bytes, "text/plain; charset=gbk", tight).find("once decoded"),
      std::string::npos);
  tight.max_decoded_bytes = static_cast<int64_t>(std::string(kSummary).size());
  absl::StatusOr<IngestedText> fits =
      ToPlainText(gbk.bytes, "text/plain; charset=gbk", tight);
  EXPECT_TRUE(fits.ok()) << fits.status();
}

TEST(MediaTypeTest, TypesNotReadAreRefused) {
  for (const char* type : {"image/png"}) {
    EXPECT_NE(ErrorOf("%PDF-1.7", type).find("is not one this server reads"),
              std::string::npos)
        << type;
  }
  // A PDF, declared or recognised by its first bytes, goes to poppler.
  EXPECT_NE(ErrorOf("%PDF-1.7", "application/pdf").find("not a readable PDF"),
            std::string::npos);
  EXPECT_NE(
      ErrorOf("%PDF-1.7\n%\xE2\xE3\xCF\xD3", "").find("not a readable PDF"),
      std::string::npos);
  // An undeclared zip goes to the Word reader, which names what it is.
  EXPECT_NE(ErrorOf(std::string("PK\x03\x04\x14\x00", 6), "").find("zip"),
            std::string::npos);
  // Other text types are plain text.
  EXPECT_EQ(Convert("a,b", "text/csv").format, Format::kPlainText);
}

TEST(MediaTypeTest, MarkupIsRecognisedWhenNoTypeIsGiven) {
  for (const std::string page :
       {"<!DOCTYPE html><html><body><p>委员</p></body></html>",
        "  \n<html><p>委员</p></html>", "<div class=\"x\">委员</div>",
        "<p>委员</p>", "<!-- 注释 --><p>委员</p>"}) {
    const IngestedText in = Convert(page, "");
    EXPECT_EQ(in.format, Format::kHtml) << page;
    EXPECT_EQ(in.text, "委员") << page;
  }
  // Text that merely holds angle brackets stays text.
  for (const std::string text :
       {"<2024>委员提案", "委员<p>提案", "<<政协>>", "<pre-text>"}) {
    const IngestedText in = Convert(text, "");
    EXPECT_EQ(in.format, Format::kPlainText) << text;
    EXPECT_EQ(in.text, text);
  }
  // A declared text/plain is never parsed as markup.
  EXPECT_EQ(Convert("<p>委员</p>", "text/plain").text, "<p>委员</p>");
}

TEST(EmptyTest, EmptyContentIsEmptyText) {
  EXPECT_EQ(Convert("", "").text, "");
  EXPECT_EQ(Convert("", "text/html").text, "");
  EXPECT_EQ(Convert("<html></html>", "text/html").text, "");
}

// --- HTML to text ----------------------------------------------------

TEST(HtmlTest, BlocksBreakLines) {
  EXPECT_EQ(Html("<p>甲段落</p><p>乙段落</p>"), "甲段落\n\n乙段落");
  EXPECT_EQ(Html("<div>第一行</div><div>第二行</div>"), "第一行\n第二行");
  EXPECT_EQ(Html("<h2>标题</h2><p>正文</p>"), "标题\n\n正文");
  EXPECT_EQ(Html("<p>上句<br>下句</p>"), "上句\n下句");
  EXPECT_EQ(Html("<p>上句<br><br>下句</p>"), "上句\n\n下句");
  EXPECT_EQ(Html("<ul><li>一项</li><li>二项</li></ul>"), "一项\n二项");
  EXPECT_EQ(Html("<table><tr><td>提案</td><td>356件</td></tr>"
                 "<tr><td>立案</td><td>312件</td></tr></table>"),
            "提案 356件\n立案 312件");
  // Inline elements do not break.
  EXPECT_EQ(Html("<p>共收到<b>提案</b><span>356</span>件</p>"),
            "共收到提案356件");
}

TEST(HtmlTest, WhiteSpaceCollapsesAsInABrowser) {
  EXPECT_EQ(Html("<p>  委员   提案  </p>"), "委员 提案");
  // A source line break between Chinese characters is no space ...
  EXPECT_EQ(Html("<p>全年共收到委员\n  提案356件。</p>"),
            "全年共收到委员提案356件。");
  // ... but between Latin words it is.
  EXPECT_EQ(Html("<p>CPPCC\nreport</p>"), "CPPCC report");
  EXPECT_EQ(Html("<p>委员&nbsp;&nbsp;提案</p>"), "委员 提案");
  // The ideographic space that indents Chinese paragraphs is text.
  EXPECT_EQ(Html("<p>\u3000\u3000正文</p>"), "\u3000\u3000正文");
  EXPECT_EQ(Html("<pre>第一行\n  第二行</pre>"), "第一行\n  第二行");
}

TEST(HtmlTest, EntitiesAreDecoded) {
  EXPECT_EQ(Html("<p>&lt;通知&gt; &amp; &quot;决定&quot;</p>"),
            "<通知> & \"决定\"");
  EXPECT_EQ(Html("<p>&#20013;&#x6587;&ldquo;引号&rdquo;&mdash;</p>"),
            "中文\u201C引号\u201D\u2014");
}

TEST(HtmlTest, FurnitureElementsAreDropped) {
  const std::string kept = std::string("<p>") + kSummary + "</p>";
  for (const std::string furniture :
       {"<script>var n = '999件';</script>", "<style>p{}</style>",
        "<noscript>请启用脚本</noscript>", "<nav>首页 新闻</nav>",
        "<header>政协网站</header>", "<footer>版权所有</footer>",
        "<aside>热点新闻</aside>", "<form><input>搜索</form>",
        "<iframe src=x></iframe>", "<div hidden>隐藏</div>",
        "<div style=\"display: none\">隐藏</div>",
        "<div class=\"bdsharebuttonbox\">分享到微信</div>",
        "<div id=\"comments\">网友评论12条</div>",
        "<div class=\"page-footer\">主办单位</div>",
        "<div class=\"breadcrumb\">首页 工作动态</div>",
        "<div id=\"topnav\">首页 新闻</div>",
        "<ul class=\"menu\"><li>机构</li></ul>"}) {
    EXPECT_EQ(Html("<body>" + furniture + kept + "</body>"), kSummary)
        << furniture;
  }
}

TEST(HtmlTest, FurnitureNamesDoNotDropTheArticle) {
  // An article's own header holds its title.
  EXPECT_EQ(Html("<article><header><h1>标题</h1></header><p>正文</p>"
                 "</article>"),
            "标题\n\n正文");
  // A class that names sharing but wraps the whole text is not a share bar.
  EXPECT_EQ(Html("<div class=\"article-share-wrap\"><p>全年共收到委员提案"
                 "356件</p></div>"),
            "全年共收到委员提案356件");
  // A form around the whole page (ASP.NET) is the page.
  EXPECT_EQ(
      Html(std::string("<form id=\"form1\"><p>") + kSummary + "</p></form>"),
      kSummary);
  // Words that merely contain a furniture word's letters.
  EXPECT_EQ(Html("<div class=\"canvas-x\"><p>正文</p></div>"), "正文");
}

TEST(HtmlTest, MainContentIsTheChineseTextOutsideLinks) {
  const std::string page =
      "<body><div class=\"left\"><a href=1>区政协召开常委会议</a><br>"
      "<a href=2>委员视察重点项目</a></div>"
      "<div class=\"right\"><div class=\"title\"><h1>年度工作总结</h1></div>"
      "<div class=\"text\"><p>" +
      std::string(kSummary) +
      "</"
      "p><p>下一步，市政协将继续加强委员履职能力建设，推动协商成果转化落实。</"
      "p></div>"
      "<div class=\"links\"><a href=3>上一篇：关于提案工作的报告</a></div>"
      "</div><div>联系电话 12345678</div></body>";
  EXPECT_EQ(Html(page), std::string("年度工作总结\n\n") + kSummary +
                            "\n\n下一步，市政协将继续加强委员履职能力建设，推动"
                            "协商成果转化落实。");
}

TEST(HtmlTest, TheContentSearchStopsAtParagraphs) {
  // One long paragraph and short lines beside it: all are the article.
  const std::string page = std::string("<body><div class=\"text\"><p>") +
                           kSummary +
                           "</p><p>（市政协办公室供稿）</p></div></body>";
  EXPECT_EQ(Html(page), std::string(kSummary) + "\n\n（市政协办公室供稿）");
  // Paragraphs as <div>s: one dominant, another long enough to be text.
  const std::string divs =
      std::string("<div id=\"zoom\"><div>") + kSummary +
      "</div><div>会议强调，要把协商议政与监督落实结合起来，形成工作合力。"
      "</div></div>";
  EXPECT_EQ(Html(divs), std::string(kSummary) +
                            "\n会议强调，要把协商议政与监督落实结合起来，"
                            "形成工作合力。");
}

TEST(HtmlTest, ArticleOrMainIsTheContentWhenPresent) {
  const std::string page =
      "<body><div>站点公告：系统维护通知说明文字较长较长较长较长较长较长较长"
      "较长较长较长较长较长较长</div><main><p>" +
      std::string(kSummary) + "</p></main></body>";
  EXPECT_EQ(Html(page), kSummary);
  // A teaser <article> much smaller than the page is not the content.
  const std::string teaser = std::string("<body><article>简讯</article>") +
                             "<div><p>" + kSummary + "</p></div></body>";
  EXPECT_EQ(Html(teaser), kSummary);
}

TEST(HtmlTest, LinkListsInsideTheContentAreDropped) {
  const std::string page =
      std::string("<div><p>") + kSummary +
      "</p><ul><li><a href=1>相关新闻一</a></li><li><a href=2>相关新闻二</a>"
      "</li></ul><p>正文里的<a href=3>链接</a>照常保留，这一段文字较长。</p>"
      "</div>";
  EXPECT_EQ(Html(page), std::string(kSummary) +
                            "\n\n正文里的链接照常保留，这一段文字较长。");
}

TEST(HtmlTest, DeepNestingAndBrokenMarkupDoNotFail) {
  std::string deep;
  for (int i = 0; i < 200; ++i) deep += "<div>";
  EXPECT_EQ(Html(deep + "委员"), "委员");
  // Deeper than libxml2 builds a tree for: no crash, no stack overflow.
  for (int i = 0; i < 20000; ++i) deep += "<div>";
  EXPECT_TRUE(HtmlToText(deep + "委员").ok());
  EXPECT_EQ(Html("<p>未闭合<b>加粗<p>下一段</i>"), "未闭合加粗\n\n下一段");
  EXPECT_EQ(Html(""), "");
}

}  // namespace
}  // namespace reportfacts::ingest
