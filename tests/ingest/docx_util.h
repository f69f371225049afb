// Test helper: Word .docx files written at test time with libzip, the way
// Word lays one out (content types, package relationships, the main part,
// optionally a header part).
//
//   std::string file = ZipArchive({{"word/document.xml", DocumentXml(
//       "<w:p><w:r><w:t>委员</w:t></w:r></w:p>")}});
#ifndef REPORTFACTS_TESTS_INGEST_DOCX_UTIL_H_
#define REPORTFACTS_TESTS_INGEST_DOCX_UTIL_H_

#include <stdio.h>
#include <zip.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reportfacts::ingest {

// ZipEntry is one file of an archive: its name, its bytes and how it is
// packed.
struct ZipEntry {
  std::string name;
  std::string bytes;
  bool deflate = true;
  const char* password = nullptr;  // AES-256 encrypted when set
};

// ZipArchive packs `entries` into a zip archive in memory; empty on a
// libzip failure.
inline std::string ZipArchive(const std::vector<ZipEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) return "";
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(buffer);
    return "";
  }
  for (const ZipEntry& entry : entries) {
    zip_source_t* data =
        zip_source_buffer(archive, entry.bytes.data(), entry.bytes.size(), 0);
    const zip_int64_t index = zip_file_add(archive, entry.name.c_str(), data,
                                           ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(data);
      continue;
    }
    zip_set_file_compression(archive, index,
                             entry.deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 9);
    if (entry.password != nullptr) {
      zip_file_set_encryption(archive, index, ZIP_EM_AES_256, entry.password);
    }
  }
  std::string result;
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    zip_source_free(buffer);
    return "";
  }
  zip_stat_t stat;
  if (zip_source_stat(buffer, &stat) == 0 && zip_source_open(buffer) == 0) {
    result.resize(stat.size);
    const zip_int64_t got = zip_source_read(buffer, result.data(), stat.size);
    result.resize(got < 0 ? 0 : static_cast<size_t>(got));
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return result;
}

// DocumentXml wraps WordprocessingML body content (paragraphs, tables) as
// word/document.xml, with the namespaces Word declares.
inline std::string DocumentXml(std::string_view body) {
  return std::string(
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
             "<w:document "
             "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/"
             "2006/main\" "
             "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
             "relationships\" "
             "xmlns:mc=\"http://schemas.openxmlformats.org/"
             "markup-compatibility/2006\" "
             "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/"
             "wordprocessingShape\" "
             "xmlns:v=\"urn:schemas-microsoft-com:vml\" "
             "mc:Ignorable=\"wps\"><w:body>") +
         std::string(body) +
         "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId1\"/>"
         "<w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body>"
         "</w:document>";
}

// DocxFile is a whole .docx around `document_xml`, with a page header
// part holding `header_text` (page furniture the reader must leave out).
inline std::string DocxFile(const std::string& document_xml,
                            const std::string& header_text = "") {
  std::vector<ZipEntry> entries = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
       "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
       "content-types\"><Default Extension=\"rels\" "
       "ContentType=\"application/"
       "vnd.openxmlformats-package.relationships+xml\"/>"
       "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
       "<Override PartName=\"/word/document.xml\" "
       "ContentType=\"application/"
       "vnd.openxmlformats-officedocument.wordprocessingml.document.main+"
       "xml\"/></Types>"},
      {"_rels/.rels",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
       "2006/relationships\"><Relationship Id=\"rId1\" "
       "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
       "relationships/officeDocument\" Target=\"word/document.xml\"/>"
       "</Relationships>"},
      {"word/document.xml", document_xml},
  };
  if (!header_text.empty()) {
    entries.push_back(
        {"word/header1.xml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:hdr "
         "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/"
         "main\"><w:p><w:r><w:t>" +
             header_text + "</w:t></w:r></w:p></w:hdr>"});
  }
  return ZipArchive(entries);
}

}  // namespace reportfacts::ingest

#endif  // REPORTFACTS_TESTS_INGEST_DOCX_UTIL_H_
