// service/ingest/docx_text, rule by rule: which parts of a .docx become
// text and how (paragraphs, runs, tabs, breaks, tables, deleted text,
// fields, marks, text boxes, headers), and every way a file is refused
// (not a zip, truncated, old .doc, another Office file, no main part,
// malformed XML, encryption, zip bombs, the text limit), without a word
// on stderr. Files are built in the test with libzip.
#include "service/ingest/docx_text.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "service/ingest/ascii_util.h"
#include "service/ingest/ingest.h"
#include "tests/ingest/docx_util.h"

namespace reportfacts::ingest {
namespace {

std::string TextRun(const std::string& text) {
  return "<w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr><w:t "
         "xml:space=\"preserve\">" +
         text + "</w:t></w:r>";
}
std::string Paragraph(const std::string& runs) {
  return "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/>"
         "</w:tabs><w:rPr><w:b/></w:rPr></w:pPr>" +
         runs + "</w:p>";
}
std::string Cell(const std::string& paragraphs) {
  return "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>" +
         paragraphs + "</w:tc>";
}
std::string Row(const std::string& cells) {
  return "<w:tr><w:trPr><w:jc w:val=\"center\"/></w:trPr>" + cells + "</w:tr>";
}
std::string Table(const std::string& rows) {
  return "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
         "<w:tblGrid><w:gridCol w:w=\"2000\"/></w:tblGrid>" +
         rows + "</w:tbl>";
}

std::string TextOf(const std::string& body) {
  absl::StatusOr<std::string> text =
      DocxToText(DocxFile(DocumentXml(body)), DocxLimits());
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? *text : "<error>";
}

// ErrorOf converts `bytes`, expects INVALID_ARGUMENT, nothing on stderr,
// and returns the message.
std::string ErrorOf(const std::string& bytes,
                    const DocxLimits& limits = DocxLimits()) {
  testing::internal::CaptureStderr();
  absl::StatusOr<std::string> text = DocxToText(bytes, limits);
  const std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_EQ(printed, "") << "libxml2 or libzip printed on stderr";
  EXPECT_FALSE(text.ok());
  if (text.ok()) return "";
  EXPECT_TRUE(absl::IsInvalidArgument(text.status())) << text.status();
  EXPECT_LE(text.status().message().size(), 400u);
  return std::string(text.status().message());
}

struct TextCase {
  const char* rule;
  std::string body;  // inside w:body
  std::string text;  // expected
};

TEST(DocxTextTest, BodyBecomesText) {
  const std::vector<TextCase> cases = {
      {"each paragraph a line",
       Paragraph(TextRun("区政协全年收到提案86件。")) +
           Paragraph(TextRun("立案74件。")),
       "区政协全年收到提案86件。\n立案74件。\n"},
      {"runs split mid-word join",
       Paragraph(TextRun("组织委员视") + TextRun("察活动1") + TextRun("5场")),
       "组织委员视察活动15场\n"},
      {"runs outside w:t (hyperlinks, insertions, smart tags) count",
       Paragraph("<w:hyperlink r:id=\"rId9\">" + TextRun("专题协商") +
                 "</w:hyperlink><w:ins w:id=\"1\" w:author=\"a\">" +
                 TextRun("会议3次") + "</w:ins>"),
       "专题协商会议3次\n"},
      {"spaces kept as written",
       Paragraph(TextRun(" 第一季度 ") + TextRun("共计")), " 第一季度 共计\n"},
      {"w:tab is a tab; tab stops in properties are not",
       Paragraph(TextRun("提案") + "<w:r><w:tab/></w:r>" + TextRun("42件")),
       "提案\t42件\n"},
      {"w:br and w:cr break the line",
       Paragraph(TextRun("一、提案工作") + "<w:r><w:br/></w:r>" +
                 TextRun("二、视察工作") + "<w:r><w:cr/></w:r>" +
                 TextRun("三、")),
       "一、提案工作\n二、视察工作\n三、\n"},
      {"page breaks too",
       Paragraph(TextRun("上") + "<w:r><w:br w:type=\"page\"/></w:r>" +
                 TextRun("下")),
       "上\n下\n"},
      {"empty paragraphs are blank lines",
       Paragraph(TextRun("甲")) + "<w:p/>" + Paragraph("") +
           Paragraph(TextRun("乙")),
       "甲\n\n\n乙\n"},
      {"non-breaking hyphen; soft hyphen vanishes",
       Paragraph(TextRun("2023") + "<w:r><w:noBreakHyphen/></w:r>" +
                 TextRun("2024") + "<w:r><w:softHyphen/></w:r>" +
                 TextRun("年")),
       "2023-2024年\n"},
      {"entities decoded", Paragraph(TextRun("A&amp;B &lt;1&gt;")),
       "A&B <1>\n"},
      {"table row of one-paragraph cells is one tab-joined line",
       Table(Row(Cell(Paragraph(TextRun("调研课题"))) +
                 Cell(Paragraph(TextRun("12项")))) +
             Row(Cell(Paragraph(TextRun("调研报告"))) +
                 Cell(Paragraph(TextRun("9篇"))))),
       "调研课题\t12项\n调研报告\t9篇\n"},
      {"cells of several paragraphs give their lines",
       Table(Row(
           Cell(Paragraph(TextRun("一季度")) + Paragraph(TextRun("二季度"))) +
           Cell(Paragraph(TextRun("提案20件"))))),
       "一季度\n二季度\n提案20件\n"},
      {"one-cell rows are the lines themselves",
       Paragraph(TextRun("前")) + Table(Row(Cell(Paragraph(TextRun("中"))))) +
           Paragraph(TextRun("后")),
       "前\n中\n后\n"},
      {"a nested table lays out inside its cell",
       Table(Row(Cell(Paragraph(TextRun("外"))) +
                 Cell(Table(Row(Cell(Paragraph(TextRun("内1"))) +
                                Cell(Paragraph(TextRun("内2"))))) +
                      "<w:p/>"))),
       "外\n内1\t内2\n\n"},
      {"deeply nested tables keep all their text",
       [] {
         std::string table = Paragraph(TextRun("底"));
         for (int i = 0; i < 12; ++i) {
           table = Table(Row(Cell(table) + Cell(Paragraph(TextRun("格")))));
         }
         return table;
       }(),
       "底\n格\n格\n格\n格\n格\n格\n格\n格\n格\n格\n格\n格\n"},
      {"an empty row is a blank line",
       Table(Row(Cell("<w:p/>") + Cell("<w:p/>"))), "\n"},
      {"deleted text is left out",
       Paragraph(TextRun("立案") +
                 "<w:del w:id=\"2\" w:author=\"a\"><w:r><w:delText>"
                 "298</w:delText></w:r></w:del>" +
                 TextRun("312件")),
       "立案312件\n"},
      {"moved-from text is left out, moved-to kept",
       Paragraph("<w:moveFrom w:id=\"3\" w:author=\"a\">" + TextRun("旧处7件") +
                 "</w:moveFrom><w:moveTo w:id=\"4\" w:author=\"a\">" +
                 TextRun("新处7件") + "</w:moveTo>"),
       "新处7件\n"},
      {"field instructions are left out, their result kept",
       Paragraph(TextRun("见第") +
                 "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                 "<w:r><w:instrText xml:space=\"preserve\"> PAGE \\* "
                 "MERGEFORMAT 99 </w:instrText></w:r>"
                 "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
                 TextRun("3") +
                 "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" +
                 TextRun("页")),
       "见第3页\n"},
      {"simple fields keep their result",
       Paragraph("<w:fldSimple w:instr=\" DATE \">" + TextRun("2024年1月") +
                 "</w:fldSimple>"),
       "2024年1月\n"},
      {"footnote, endnote and comment marks are left out",
       Paragraph(TextRun("提案45件") +
                 "<w:r><w:rPr><w:rStyle w:val=\"a\"/></w:rPr>"
                 "<w:footnoteReference w:id=\"1\"/></w:r>"
                 "<w:r><w:endnoteReference w:id=\"2\"/></w:r>"
                 "<w:commentRangeStart w:id=\"0\"/>"
                 "<w:r><w:commentReference w:id=\"0\"/></w:r>" +
                 TextRun("。")),
       "提案45件。\n"},
      {"a text box is read once, not its VML fallback",
       Paragraph(TextRun("正文") +
                 "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">"
                 "<w:drawing><wps:txbx><w:txbxContent>" +
                 Paragraph(TextRun("框内8项")) +
                 "</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
                 "<mc:Fallback><w:pict><v:textbox><w:txbxContent>" +
                 Paragraph(TextRun("框内8项")) +
                 "</w:txbxContent></v:textbox></w:pict></mc:Fallback>"
                 "</mc:AlternateContent></w:r>"),
       "正文框内8项\n\n"},
      {"content controls are read",
       "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>" +
           Paragraph(TextRun("标题")) + "</w:sdtContent></w:sdt>",
       "标题\n"},
      {"an empty body is no text", "", ""},
  };
  for (const TextCase& c : cases) {
    EXPECT_EQ(TextOf(c.body), c.text) << c.rule;
  }
}

TEST(DocxTextTest, HeadersAndFootersAreLeftOut) {
  const std::string file = DocxFile(
      DocumentXml(Paragraph(TextRun("全年召开常委会议6次"))), "第2页 共10页");
  absl::StatusOr<std::string> text = DocxToText(file, DocxLimits());
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(*text, "全年召开常委会议6次\n");
}

TEST(DocxTextTest, MainPartIsTheOnePackageRelationshipsName) {
  const std::string xml = DocumentXml(Paragraph(TextRun("主文档")));
  const std::string other = DocumentXml(Paragraph(TextRun("旧稿")));
  const auto rels = [](const std::string& target) {
    return "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
           "openxmlformats.org/package/2006/relationships\"><Relationship "
           "Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/"
           "2006/relationships/metadata/core-properties\" "
           "Target=\"docProps/core.xml\"/><Relationship Id=\"rId1\" "
           "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
           "relationships/officeDocument\" Target=\"" +
           target + "\"/></Relationships>";
  };
  const std::vector<std::pair<std::vector<ZipEntry>, std::string>> cases = {
      // Named elsewhere than word/document.xml.
      {{{"_rels/.rels", rels("/word/document2.xml")},
        {"word/document.xml", other},
        {"word/document2.xml", xml}},
       "主文档\n"},
      // Named, but missing: word/document.xml.
      {{{"_rels/.rels", rels("word/missing.xml")}, {"word/document.xml", xml}},
       "主文档\n"},
      // Unreadable relationships: word/document.xml.
      {{{"_rels/.rels", "<Relationships"}, {"word/document.xml", xml}},
       "主文档\n"},
      // Part names ignore case.
      {{{"Word/Document.xml", xml}}, "主文档\n"},
  };
  for (const auto& [entries, want] : cases) {
    testing::internal::CaptureStderr();
    absl::StatusOr<std::string> text =
        DocxToText(ZipArchive(entries), DocxLimits());
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
    ASSERT_TRUE(text.ok()) << text.status();
    EXPECT_EQ(*text, want) << entries.front().name;
  }
}

TEST(DocxTextTest, StrictNamespaceIsRead) {
  const std::string xml =
      "<?xml version=\"1.0\"?><w:document "
      "xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\">"
      "<w:body><w:p><w:r><w:t>委员</w:t></w:r></w:p></w:body></w:document>";
  absl::StatusOr<std::string> text = DocxToText(DocxFile(xml), DocxLimits());
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(*text, "委员\n");
}

TEST(DocxTextTest, OtherNamespacesGiveNoText) {
  // A w:t of another namespace is not Word's text.
  const std::string xml =
      "<?xml version=\"1.0\"?><document xmlns:w=\"urn:other\"><w:p><w:r>"
      "<w:t>委员</w:t></w:r></w:p></document>";
  absl::StatusOr<std::string> text = DocxToText(DocxFile(xml), DocxLimits());
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(*text, "");
}

TEST(DocxTextTest, ThroughToPlainText) {
  const std::string file =
      DocxFile(DocumentXml(Paragraph(TextRun("提案") + TextRun("62件"))));
  for (const char* type : {"",
                           "application/vnd.openxmlformats-officedocument."
                           "wordprocessingml.document",
                           "application/msword"}) {
    absl::StatusOr<IngestedText> in = ToPlainText(file, type, IngestLimits());
    ASSERT_TRUE(in.ok()) << in.status() << " for \"" << type << "\"";
    EXPECT_EQ(in->text, "提案62件\n");
    EXPECT_EQ(in->format, Format::kDocx);
    EXPECT_EQ(in->charset, "UTF-8");
  }
  // Declared as a .docx, but text.
  absl::StatusOr<IngestedText> text =
      ToPlainText("提案62件", std::string(kDocxMediaType), IngestLimits());
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.status().message().find("not a zip archive"),
            std::string::npos)
      << text.status();
  // Undeclared files of other kinds are named.
  std::string old_doc("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  old_doc.append(504, '\0');
  const std::string sheet = ZipArchive({{"xl/workbook.xml", "<workbook/>"}});
  for (const auto& [bytes, name] :
       std::vector<std::pair<std::string, std::string>>{
           {old_doc, "old binary Word .doc"}, {sheet, "Excel .xlsx"}}) {
    absl::StatusOr<IngestedText> other = ToPlainText(bytes, "", IngestLimits());
    ASSERT_FALSE(other.ok()) << name;
    EXPECT_TRUE(absl::IsInvalidArgument(other.status()));
    EXPECT_NE(other.status().message().find(name), std::string::npos)
        << other.status();
  }
  // The text limit is the decoded-text limit.
  IngestLimits tight;
  tight.max_decoded_bytes = 4;
  EXPECT_FALSE(ToPlainText(file, "", tight).ok());
}

struct RefusalCase {
  const char* what;
  std::string bytes;
  std::string message_part;
};

TEST(DocxTextTest, BadFilesAreRefusedByName) {
  const std::string good =
      DocxFile(DocumentXml(Paragraph(TextRun("委员提案156件，立案138件。"))));
  ASSERT_FALSE(good.empty());
  std::string old_doc("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  old_doc.append(504, '\0');
  std::string encrypted_office = old_doc;
  encrypted_office.append(
      std::string("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32));
  const std::vector<RefusalCase> cases = {
      {"empty", "", "is empty"},
      {"text", "委员提案156件", "not a zip archive"},
      {"an HTML page", "<html><body>委员</body></html>", "not a zip archive"},
      {"truncated to half", good.substr(0, good.size() / 2), "truncated"},
      {"truncated before its last byte", good.substr(0, good.size() - 1),
       "truncated"},
      {"a local header only", std::string("PK\x03\x04\x14\x00", 6),
       "truncated"},
      {"an old .doc", old_doc, "old binary Word .doc"},
      {"a password-protected Office file", encrypted_office,
       "password-protected"},
      {"a zip without word/document.xml", ZipArchive({{"notes.txt", "委员"}}),
       "has no word/document.xml"},
      {"an empty zip", std::string("PK\x05\x06", 4) + std::string(18, '\0'),
       "has no word/document.xml"},
      {"an Excel workbook",
       ZipArchive({{"[Content_Types].xml", "<Types/>"},
                   {"xl/workbook.xml", "<workbook/>"}}),
       "Excel .xlsx"},
      {"a PowerPoint deck", ZipArchive({{"ppt/presentation.xml", "<p/>"}}),
       "PowerPoint"},
      {"an OpenDocument text",
       ZipArchive(
           {{"mimetype", "application/vnd.oasis.opendocument.text", false},
            {"content.xml", "<office:document-content/>"}}),
       "OpenDocument"},
      {"malformed XML",
       DocxFile("<?xml version=\"1.0\"?><w:document><w:body><w:p>"),
       "not well-formed XML"},
      {"not XML at all", DocxFile("提案156件"), "not well-formed XML"},
      {"mismatched tags",
       DocxFile(DocumentXml("<w:p><w:r><w:t>委员</w:r></w:t></w:p>")),
       "not well-formed XML"},
      {"a DTD",
       DocxFile("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"b\">]>"
                "<w:document/>"),
       "DTD"},
  };
  for (const RefusalCase& c : cases) {
    EXPECT_NE(ErrorOf(c.bytes).find(c.message_part), std::string::npos)
        << c.what << ": " << ErrorOf(c.bytes);
  }
}

TEST(DocxTextTest, CorruptedBytesAreRefusedOrReadNeverCrash) {
  const std::string good =
      DocxFile(DocumentXml(Paragraph(TextRun("委员提案156件，立案138件。")) +
                           Table(Row(Cell(Paragraph(TextRun("视察"))) +
                                     Cell(Paragraph(TextRun("24场")))))));
  // Every byte flipped in turn: an error or some text, nothing else.
  for (size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    testing::internal::CaptureStderr();
    absl::StatusOr<std::string> text = DocxToText(bad, DocxLimits());
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "") << "byte " << i;
    if (!text.ok()) {
      EXPECT_TRUE(absl::IsInvalidArgument(text.status())) << text.status();
    }
  }
}

TEST(DocxTextTest, EncryptedEntryIsRefused) {
  if (zip_encryption_method_supported(ZIP_EM_AES_256, 1) == 0) {
    GTEST_SKIP() << "this libzip cannot encrypt";
  }
  const std::string file =
      ZipArchive({{"word/document.xml", DocumentXml(Paragraph(TextRun("委员"))),
                   true, "secret"}});
  ASSERT_FALSE(file.empty());
  EXPECT_NE(ErrorOf(file).find("encrypted"), std::string::npos);
}

TEST(DocxTextTest, ZipBombsAreStopped) {
  // 24 MB of zeros deflate to about 24 KB: refused on its declared size
  // or its ratio before a byte is unpacked.
  const std::string zeros(24 << 20, '\0');
  const std::string bomb = ZipArchive({{"word/document.xml", zeros}});
  ASSERT_FALSE(bomb.empty());
  ASSERT_LT(bomb.size(), 1u << 20);
  const auto start = std::chrono::steady_clock::now();
  DocxLimits tight;
  tight.max_unpacked_bytes = 16 << 20;
  EXPECT_NE(ErrorOf(bomb, tight).find("over the limit"), std::string::npos);
  // Within the size limit, the ratio alone refuses it.
  DocxLimits roomy;
  roomy.max_unpacked_bytes = 1LL << 30;
  EXPECT_NE(ErrorOf(bomb, roomy).find("zip bomb"), std::string::npos);
  EXPECT_NE(ErrorOf(bomb).find("zip bomb"), std::string::npos);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

// PatchUint32 writes `value` little-endian at `offset`.
void PatchUint32(std::string* bytes, size_t offset, uint32_t value) {
  for (int i = 0; i < 4; ++i) {
    (*bytes)[offset + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
  }
}

TEST(DocxTextTest, UnpackingStopsAtTheLimitWhateverTheEntrySays) {
  // An entry that claims to unpack to 100 bytes (in its local header and
  // in the zip directory) but holds 3000: the bytes read are counted.
  const std::string xml =
      DocumentXml(Paragraph(TextRun(std::string(3000, 'x'))));
  std::string lying = ZipArchive({{"word/document.xml", xml}});
  ASSERT_TRUE(StartsWith(lying, "PK\x03\x04"));
  const size_t directory = lying.find("PK\x01\x02");
  ASSERT_NE(directory, std::string::npos);
  PatchUint32(&lying, 22, 100);
  PatchUint32(&lying, directory + 24, 100);
  DocxLimits limits;
  limits.max_unpacked_bytes = 1000;
  const std::string message = ErrorOf(lying, limits);
  EXPECT_TRUE(message.find("more than 1000 bytes") != std::string::npos ||
              message.find("is damaged") != std::string::npos)
      << message;
}

TEST(DocxTextTest, TextLimitHolds) {
  const std::string file =
      DocxFile(DocumentXml(Paragraph(TextRun(std::string(5000, 'x')))));
  DocxLimits limits;
  limits.max_text_bytes = 1000;
  EXPECT_NE(ErrorOf(file, limits).find("bytes of text"), std::string::npos);
  limits.max_text_bytes = 5001;
  EXPECT_TRUE(DocxToText(file, limits).ok());
}

TEST(DocxTextTest, TooManyEntriesAreRefused) {
  std::vector<ZipEntry> entries = {
      {"word/document.xml", DocumentXml(Paragraph(TextRun("委员")))}};
  for (int i = 0; i < 30; ++i) {
    entries.push_back({"word/media/image" + std::to_string(i) + ".png", "x"});
  }
  DocxLimits limits;
  limits.max_entries = 20;
  EXPECT_NE(ErrorOf(ZipArchive(entries), limits).find("entries"),
            std::string::npos);
}

TEST(DocxTextTest, EntityExpansionIsRefusedQuickly) {
  std::string xml = "<?xml version=\"1.0\"?><!DOCTYPE w:document [";
  xml += "<!ENTITY a0 \"提案提案提案提案提案提案提案提案提案提案\">";
  for (int i = 1; i < 10; ++i) {
    xml += "<!ENTITY a" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) xml += "&a" + std::to_string(i - 1) + ";";
    xml += "\">";
  }
  xml +=
      "]><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
      "wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&a9;</w:t>"
      "</w:r></w:p></w:body></w:document>";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_NE(ErrorOf(DocxFile(xml)), "");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

}  // namespace
}  // namespace reportfacts::ingest
