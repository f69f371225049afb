#include "service/ingest/docx_text.h"

#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "service/ingest/ascii_util.h"

namespace reportfacts::ingest {
namespace {

constexpr char kMainPart[] = "word/document.xml";

// WordprocessingML's namespace, transitional and strict.
constexpr std::string_view kWordNamespace =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kStrictWordNamespace =
    "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::string_view kMarkupCompatibilityNamespace =
    "http://schemas.openxmlformats.org/markup-compatibility/2006";

absl::Status Invalid(std::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat("the content ", std::string(what)));
}

struct ZipDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};
struct XmlCharFree {
  void operator()(xmlChar* text) const { xmlFree(text); }
};
struct ReaderFree {
  void operator()(xmlTextReader* reader) const { xmlFreeTextReader(reader); }
};

// ZipError is a libzip error code as words.
std::string ZipError(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string message = zip_error_strerror(&error);
  zip_error_fini(&error);
  return message;
}

// OtherKindOf names the kind of a zip archive that has no
// word/document.xml, from the parts it does have.
std::string OtherKindOf(zip_t* archive) {
  const auto has = [archive](const char* name) {
    return zip_name_locate(archive, name, 0) >= 0;
  };
  if (has("xl/workbook.xml")) return "an Excel .xlsx workbook";
  if (has("ppt/presentation.xml")) return "a PowerPoint .pptx presentation";
  if (has("mimetype") && has("content.xml")) {
    return "an OpenDocument file (.odt, .ods or .odp)";
  }
  if (has("[Content_Types].xml")) return "an Office file that is not Word's";
  return "a zip archive of other files";
}

// TextBuilder collects the text as the reader walks the document: the
// body's lines, and the open table rows and cells (tables nest), each cell
// collected apart until its row ends and is laid out.
class TextBuilder {
 public:
  explicit TextBuilder(int64_t max_bytes) : max_bytes_(max_bytes) {}

  bool over_limit() const { return over_limit_; }

  void Append(std::string_view text) {
    emitted_ += static_cast<int64_t>(text.size());
    if (emitted_ > max_bytes_) {
      over_limit_ = true;
      return;
    }
    Out().append(text);
  }
  void EndParagraph() { Append("\n"); }

  // Tables nested deeper than kMaxNesting are read as if their rows and
  // cells were paragraphs of the cell around them: each level copies its
  // text up once, so the levels are bounded.
  void StartRow() {
    if (flattened_ > 0 || rows_.size() >= kMaxNesting) {
      ++flattened_;
      return;
    }
    rows_.emplace_back();
  }
  void StartCell() {
    if (flattened_ > 0 || cells_.size() >= kMaxNesting) {
      ++flattened_;
      return;
    }
    cells_.emplace_back();
  }
  void EndCell() {
    if (flattened_ > 0) {
      --flattened_;
      return;
    }
    if (cells_.empty()) return;
    std::string cell = std::move(cells_.back());
    cells_.pop_back();
    if (rows_.empty()) {
      Out().append(cell);
    } else {
      rows_.back().push_back(std::move(cell));
    }
  }
  // EndRow lays out the row: one line, its cells joined by tabs, when each
  // cell is one paragraph; else each cell's paragraphs as lines.
  void EndRow() {
    if (flattened_ > 0) {
      --flattened_;
      return;
    }
    if (rows_.empty()) return;
    std::vector<std::string> row = std::move(rows_.back());
    rows_.pop_back();
    bool one_line_each = true;
    bool any_text = false;
    for (std::string& cell : row) {
      if (!cell.empty() && cell.back() == '\n') cell.pop_back();
      if (cell.find('\n') != std::string::npos) one_line_each = false;
      if (!cell.empty()) any_text = true;
    }
    std::string& out = Out();
    if (!any_text) {
      if (!row.empty()) out += '\n';
      return;
    }
    for (size_t i = 0; i < row.size(); ++i) {
      if (one_line_each && i > 0) out += '\t';
      out += row[i];
      if (!one_line_each && !row[i].empty()) out += '\n';
    }
    if (one_line_each) out += '\n';
  }

  std::string Finish() && {
    // Rows and cells left open by a damaged file keep their text.
    flattened_ = 0;
    while (!cells_.empty() || !rows_.empty()) {
      if (!cells_.empty()) {
        EndCell();
      } else {
        EndRow();
      }
    }
    return std::move(text_);
  }

 private:
  std::string& Out() { return cells_.empty() ? text_ : cells_.back(); }

  static constexpr size_t kMaxNesting = 8;

  const int64_t max_bytes_;
  int64_t emitted_ = 0;
  int64_t flattened_ = 0;  // rows and cells open beyond kMaxNesting
  bool over_limit_ = false;
  std::string text_;
  std::vector<std::string> cells_;
  std::vector<std::vector<std::string>> rows_;
};

// PartStream feeds one archive entry to the XML reader, counting the bytes
// unpacked and stopping at the limit whatever the entry declared.
struct PartStream {
  std::string name;  // the part's name in the archive
  zip_file_t* file = nullptr;
  int64_t max_bytes = 0;
  int64_t read = 0;
  bool over_limit = false;
  std::string zip_error;  // libzip's complaint, when reading failed
};

int ReadPart(void* context, char* buffer, int length) {
  auto* stream = static_cast<PartStream*>(context);
  if (length <= 0) return 0;
  const zip_int64_t got = zip_fread(stream->file, buffer, length);
  if (got < 0) {
    stream->zip_error = zip_error_strerror(zip_file_get_error(stream->file));
    return -1;
  }
  stream->read += got;
  if (stream->read > stream->max_bytes) {
    stream->over_limit = true;
    return -1;
  }
  return static_cast<int>(got);
}

int ClosePart(void*) { return 0; }

// XmlErrors keeps the first error the parser reports, instead of letting
// libxml2 print it on stderr.
struct XmlErrors {
  std::string first;
  int line = 0;
};

void KeepXmlError(void* context, xmlErrorPtr error) {
  auto* errors = static_cast<XmlErrors*>(context);
  if (error == nullptr || error->level < XML_ERR_ERROR ||
      !errors->first.empty()) {
    return;
  }
  errors->first = error->message != nullptr ? error->message : "error";
  while (!errors->first.empty() && IsAsciiSpace(errors->first.back())) {
    errors->first.pop_back();
  }
  errors->first = errors->first.substr(0, 200);
  errors->line = error->line;
}

std::string_view View(const xmlChar* text) {
  return text == nullptr
             ? std::string_view()
             : std::string_view(reinterpret_cast<const char*>(text));
}

enum class Element {
  kOther,
  kParagraph,
  kText,
  kTab,
  kBreak,
  kHyphen,
  kRow,
  kCell,
  kSkipped,  // a subtree without body text
};

bool IsPropertiesName(std::string_view name) {
  return EndsWith(name, "Pr") || EndsWith(name, "PrEx") ||
         EndsWith(name, "PrChange");
}

Element Classify(xmlTextReader* reader) {
  const std::string_view space = View(xmlTextReaderConstNamespaceUri(reader));
  const std::string_view name = View(xmlTextReaderConstLocalName(reader));
  if (space == kMarkupCompatibilityNamespace) {
    // A text box comes twice: as a drawing (mc:Choice) and as VML for old
    // readers (mc:Fallback). Read it once.
    return name == "Fallback" ? Element::kSkipped : Element::kOther;
  }
  if (space != kWordNamespace && space != kStrictWordNamespace) {
    return Element::kOther;
  }
  if (name == "p") return Element::kParagraph;
  if (name == "t") return Element::kText;
  if (name == "tab" || name == "ptab") return Element::kTab;
  if (name == "br" || name == "cr") return Element::kBreak;
  if (name == "noBreakHyphen") return Element::kHyphen;
  if (name == "tr") return Element::kRow;
  if (name == "tc") return Element::kCell;
  if (name == "del" || name == "moveFrom" || name == "delText" ||
      name == "instrText" || name == "delInstrText" || name == "tblGrid" ||
      name == "footnoteReference" || name == "endnoteReference" ||
      name == "commentReference" || IsPropertiesName(name)) {
    return Element::kSkipped;
  }
  return Element::kOther;
}

// Largest package relationships part read (_rels/.rels: a few hundred
// bytes).
constexpr int64_t kMaxRelationshipsBytes = 64 << 10;

// ReadSmallEntry is the whole of entry `index` when it unpacks to at most
// `max_bytes`, else nullopt.
std::optional<std::string> ReadSmallEntry(zip_t* archive, zip_int64_t index,
                                          int64_t max_bytes) {
  std::unique_ptr<zip_file_t, ZipFileClose> file(
      zip_fopen_index(archive, index, 0));
  if (file == nullptr) return std::nullopt;
  std::string bytes;
  char buffer[4096];
  zip_int64_t got = 0;
  while ((got = zip_fread(file.get(), buffer, sizeof(buffer))) > 0) {
    bytes.append(buffer, static_cast<size_t>(got));
    if (static_cast<int64_t>(bytes.size()) > max_bytes) return std::nullopt;
  }
  if (got < 0) return std::nullopt;
  return bytes;
}

void IgnoreXmlError(void*, xmlErrorPtr) {}

// MainPartIndex finds the document's main part: the one the package
// relationships (_rels/.rels) name as the office document, else
// word/document.xml, where every writer puts it. Part names are compared
// ignoring case, as the packaging standard says. -1 when there is none.
zip_int64_t MainPartIndex(zip_t* archive) {
  const zip_int64_t fallback =
      zip_name_locate(archive, kMainPart, ZIP_FL_NOCASE);
  const zip_int64_t rels =
      zip_name_locate(archive, "_rels/.rels", ZIP_FL_NOCASE);
  if (rels < 0) return fallback;
  const std::optional<std::string> xml =
      ReadSmallEntry(archive, rels, kMaxRelationshipsBytes);
  if (!xml.has_value() || xml->size() > static_cast<size_t>(INT_MAX)) {
    return fallback;
  }
  std::unique_ptr<xmlTextReader, ReaderFree> reader(xmlReaderForMemory(
      xml->data(), static_cast<int>(xml->size()), "_rels/.rels", nullptr,
      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (reader == nullptr) return fallback;
  xmlTextReaderSetStructuredErrorHandler(reader.get(), IgnoreXmlError, nullptr);
  while (xmlTextReaderRead(reader.get()) == 1) {
    if (xmlTextReaderNodeType(reader.get()) != XML_READER_TYPE_ELEMENT ||
        View(xmlTextReaderConstLocalName(reader.get())) != "Relationship") {
      continue;
    }
    std::unique_ptr<xmlChar, XmlCharFree> type(
        xmlTextReaderGetAttribute(reader.get(), BAD_CAST "Type"));
    if (!EndsWith(View(type.get()), "/officeDocument")) continue;
    std::unique_ptr<xmlChar, XmlCharFree> target(
        xmlTextReaderGetAttribute(reader.get(), BAD_CAST "Target"));
    std::string name(View(target.get()));
    if (StartsWith(name, "/")) name.erase(0, 1);
    if (name.empty() || name.find("..") != std::string::npos) break;
    const zip_int64_t index =
        zip_name_locate(archive, name.c_str(), ZIP_FL_NOCASE);
    return index >= 0 ? index : fallback;
  }
  return fallback;
}

// ReadDocument walks word/document.xml and builds its text.
absl::StatusOr<std::string> ReadDocument(PartStream* stream,
                                         int64_t max_text_bytes) {
  XmlErrors errors;
  // No XML_PARSE_NOENT (entities stay unexpanded), no DTD loading, no
  // XML_PARSE_HUGE (libxml2's own limits on depth and names hold).
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR |
                      XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  std::unique_ptr<xmlTextReader, ReaderFree> reader(xmlReaderForIO(
      ReadPart, ClosePart, stream, stream->name.c_str(), nullptr, options));
  if (reader == nullptr) {
    return Invalid(absl::StrCat("is damaged: its ", stream->name,
                                " cannot be read as XML"));
  }
  xmlTextReaderSetStructuredErrorHandler(reader.get(), KeepXmlError, &errors);

  TextBuilder text(max_text_bytes);
  int text_depth = -1;  // the depth of the open w:t, or -1
  bool skip_subtree = false;
  int status = 0;
  while (!text.over_limit()) {
    status = skip_subtree ? xmlTextReaderNext(reader.get())
                          : xmlTextReaderRead(reader.get());
    skip_subtree = false;
    if (status != 1) break;
    const int type = xmlTextReaderNodeType(reader.get());
    if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
      return Invalid(
          "is not one Word writes: its word/document.xml declares a DTD");
    }
    if (type == XML_READER_TYPE_TEXT ||
        type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
        type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_CDATA) {
      if (text_depth >= 0) {
        text.Append(View(xmlTextReaderConstValue(reader.get())));
      }
      continue;
    }
    const bool start = type == XML_READER_TYPE_ELEMENT;
    if (!start && type != XML_READER_TYPE_END_ELEMENT) continue;
    const bool empty = start && xmlTextReaderIsEmptyElement(reader.get());
    switch (Classify(reader.get())) {
      case Element::kSkipped:
        skip_subtree = start && !empty;
        break;
      case Element::kText:
        if (start && !empty) text_depth = xmlTextReaderDepth(reader.get());
        if (!start) text_depth = -1;
        break;
      case Element::kParagraph:
        if (!start || empty) text.EndParagraph();
        break;
      case Element::kTab:
        if (start) text.Append("\t");
        break;
      case Element::kBreak:
        if (start) text.Append("\n");
        break;
      case Element::kHyphen:
        if (start) text.Append("-");
        break;
      case Element::kRow:
        if (start) text.StartRow();
        if (!start || empty) text.EndRow();
        break;
      case Element::kCell:
        if (start) text.StartCell();
        if (!start || empty) text.EndCell();
        break;
      case Element::kOther:
        break;
    }
  }
  if (text.over_limit()) {
    return Invalid(absl::StrCat("holds more than ", max_text_bytes,
                                " bytes of text, the limit"));
  }
  if (stream->over_limit) {
    return Invalid(absl::StrCat("unpacks to more than ", stream->max_bytes,
                                " bytes of ", stream->name,
                                ", the limit (a zip bomb?)"));
  }
  if (!stream->zip_error.empty()) {
    return Invalid(absl::StrCat("is damaged: unpacking ", stream->name,
                                " failed (", stream->zip_error, ")"));
  }
  if (status < 0 || !errors.first.empty()) {
    return Invalid(absl::StrCat(
        "is damaged: its ", stream->name, " is not well-formed XML",
        errors.first.empty()
            ? std::string()
            : absl::StrCat(" (line ", errors.line, ": ", errors.first, ")")));
  }
  return std::move(text).Finish();
}

}  // namespace

bool LooksLikeZip(std::string_view bytes) {
  return StartsWith(bytes, std::string_view("PK\x03\x04", 4)) ||
         StartsWith(bytes, std::string_view("PK\x05\x06", 4));
}

bool LooksLikeOldOfficeFile(std::string_view bytes) {
  return StartsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
}

absl::StatusOr<std::string> DocxToText(std::string_view bytes,
                                       const DocxLimits& limits) {
  if (bytes.empty()) return Invalid("is empty");
  if (LooksLikeOldOfficeFile(bytes)) {
    // Office keeps a password-protected .docx inside a compound file, as a
    // stream named EncryptedPackage (the name in UTF-16).
    static constexpr char kEncrypted[] =
        "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
    if (bytes.find(std::string_view(kEncrypted, sizeof(kEncrypted) - 1)) !=
        std::string_view::npos) {
      return Invalid(
          "is password-protected (encrypted); remove the password in Word "
          "and send it again");
    }
    return Invalid(
        "is an old binary Word .doc (Word 97-2003) file, not a .docx; save "
        "it as .docx");
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return Invalid("cannot be opened as a zip archive");
  }
  std::unique_ptr<zip_t, ZipDiscard> archive(
      zip_open_from_source(source, ZIP_RDONLY, &error));
  if (archive == nullptr) {
    const int code = zip_error_code_zip(&error);
    const std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    zip_source_free(source);
    if (code == ZIP_ER_NOZIP) {
      return Invalid(LooksLikeZip(bytes)
                         ? "is truncated or damaged: it begins as a zip "
                           "archive but has no zip directory at its end"
                         : "is not a zip archive (a .docx is a zip of XML "
                           "parts)");
    }
    return Invalid(absl::StrCat("is a damaged zip archive (", message, ")"));
  }
  zip_error_fini(&error);

  const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
  if (entries > limits.max_entries) {
    return Invalid(absl::StrCat(
        "lists ", entries, " entries, over the limit of ", limits.max_entries));
  }
  const zip_int64_t index = MainPartIndex(archive.get());
  if (index < 0) {
    return Invalid(absl::StrCat("is ", OtherKindOf(archive.get()),
                                ", not a Word .docx: it has no ", kMainPart));
  }
  const char* name = zip_get_name(archive.get(), index, 0);
  const std::string part = name != nullptr ? name : kMainPart;
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive.get(), index, 0, &stat) != 0) {
    return Invalid(absl::StrCat("is damaged: ", part,
                                " cannot be read from its zip directory"));
  }
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 &&
      stat.encryption_method != ZIP_EM_NONE) {
    return Invalid(
        "is encrypted (a zip password); send it without the password");
  }
  if ((stat.valid & ZIP_STAT_SIZE) != 0) {
    if (stat.size > static_cast<zip_uint64_t>(limits.max_unpacked_bytes)) {
      return Invalid(absl::StrCat("unpacks to ", stat.size, " bytes of ", part,
                                  ", over the limit of ",
                                  limits.max_unpacked_bytes, " bytes"));
    }
    if ((stat.valid & ZIP_STAT_COMP_SIZE) != 0 &&
        stat.size > static_cast<zip_uint64_t>(limits.ratio_floor_bytes) &&
        stat.size >
            stat.comp_size * static_cast<zip_uint64_t>(std::max<int64_t>(
                                 limits.max_compression_ratio, 1))) {
      return Invalid(absl::StrCat("packs ", stat.size, " bytes of ", part,
                                  " into ", stat.comp_size, ", more than ",
                                  limits.max_compression_ratio,
                                  " to one: a zip bomb, not a document"));
    }
  }
  std::unique_ptr<zip_file_t, ZipFileClose> file(
      zip_fopen_index(archive.get(), index, 0));
  if (file == nullptr) {
    const int code = zip_error_code_zip(zip_get_error(archive.get()));
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD ||
        code == ZIP_ER_ENCRNOTSUPP) {
      return Invalid("is encrypted; send it without the password");
    }
    return Invalid(absl::StrCat("is damaged: ", part, " cannot be opened (",
                                ZipError(code), ")"));
  }
  PartStream stream;
  stream.name = part;
  stream.file = file.get();
  stream.max_bytes = limits.max_unpacked_bytes;
  return ReadDocument(&stream, limits.max_text_bytes);
}

}  // namespace reportfacts::ingest
