#include "service/ingest/charset.h"

#include <errno.h>
#include <iconv.h>
#include <uchardet.h>

#include <algorithm>
#include <memory>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "service/core/utf8.h"
#include "service/ingest/ascii_util.h"

namespace reportfacts::ingest {
namespace {

// An HTML page must declare its charset within its first 1024 bytes (HTML
// standard, "prescan"); pages in the wild put long <head>s first, so look a
// little further.
constexpr size_t kMetaScanBytes = 4096;

// Longest charset label taken seriously.
constexpr size_t kMaxLabelBytes = 40;

bool IsLabelChar(char c) {
  return ((c >= '0' && c <= '9') ||
          (LowerAscii(c) >= 'a' && LowerAscii(c) <= 'z')) ||
         c == '-' || c == '_' || c == '.' || c == ':';
}

struct IconvCloser {
  void operator()(iconv_t* cd) const {
    iconv_close(*cd);
    delete cd;
  }
};

}  // namespace

std::optional<Bom> FindBom(std::string_view bytes) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    return Bom{"UTF-8", 3};
  }
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") {
    return Bom{"UTF-16LE", 2};
  }
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") {
    return Bom{"UTF-16BE", 2};
  }
  return std::nullopt;
}

std::string CanonicalCharset(std::string_view label) {
  label = TrimAscii(label);
  while (!label.empty() && (label.front() == '"' || label.front() == '\'')) {
    label.remove_prefix(1);
  }
  while (!label.empty() && (label.back() == '"' || label.back() == '\'')) {
    label.remove_suffix(1);
  }
  if (label.empty() || label.size() > kMaxLabelBytes ||
      !std::all_of(label.begin(), label.end(), IsLabelChar)) {
    return "";
  }
  const std::string name = ToLowerAscii(label);
  // GB2312 and GBK are subsets of GB18030, so their pages decode with it;
  // the WHATWG encoding standard does the same.
  static constexpr const char* kGb[] = {
      "gb2312",      "gbk",     "x-gbk",     "cp936",           "ms936",
      "windows-936", "gb18030", "euc-cn",    "csgb2312",        "chinese",
      "gb_2312-80",  "gb_2312", "iso-ir-58", "csiso58gb231280", "x-euc-cn"};
  for (const char* gb : kGb) {
    if (name == gb) return "GB18030";
  }
  // Big5 pages decode with Big5-HKSCS, its superset (WHATWG again).
  static constexpr const char* kBig5[] = {"big5",      "big-5",  "cn-big5",
                                          "x-x-big5",  "csbig5", "big5-hkscs",
                                          "big5hkscs", "x-big5"};
  for (const char* big5 : kBig5) {
    if (name == big5) return "BIG5-HKSCS";
  }
  if (name == "cp950" || name == "windows-950" || name == "ms950") {
    return "CP950";
  }
  if (name == "utf-8" || name == "utf8" || name == "unicode-1-1-utf-8" ||
      name == "ascii" || name == "us-ascii") {
    return "UTF-8";  // ASCII is UTF-8's subset; a mislabelled page decodes
  }
  return ToUpperAscii(name);
}

std::string FindMetaCharset(std::string_view html) {
  const std::string head =
      ToLowerAscii(html.substr(0, std::min(html.size(), kMetaScanBytes)));
  size_t at = 0;
  while ((at = head.find("<meta", at)) != std::string::npos) {
    const size_t tag_end = head.find('>', at);
    const std::string_view tag = std::string_view(head).substr(
        at, tag_end == std::string::npos ? std::string::npos : tag_end - at);
    // Both forms name it "charset": the attribute and the parameter inside
    // http-equiv's content.
    const size_t key = tag.find("charset");
    if (key != std::string_view::npos) {
      size_t i = key + 7;
      while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t')) ++i;
      if (i < tag.size() && tag[i] == '=') {
        ++i;
        while (i < tag.size() &&
               (tag[i] == ' ' || tag[i] == '"' || tag[i] == '\'')) {
          ++i;
        }
        size_t end = i;
        while (end < tag.size() && IsLabelChar(tag[end])) ++end;
        if (end > i) return std::string(tag.substr(i, end - i));
      }
    }
    if (tag_end == std::string::npos) break;
    at = tag_end;
  }
  return "";
}

std::string DetectCharset(std::string_view bytes) {
  uchardet_t detector = uchardet_new();
  if (detector == nullptr) return "";
  std::string found;
  if (uchardet_handle_data(detector, bytes.data(), bytes.size()) == 0) {
    uchardet_data_end(detector);
    const char* charset = uchardet_get_charset(detector);
    if (charset != nullptr) found = ToUpperAscii(charset);
  }
  uchardet_delete(detector);
  if (found == "UTF-8" || found == "ASCII" || found == "GB18030" ||
      found == "GBK" || found == "GB2312" || found == "BIG5" ||
      found == "EUC-TW") {
    return CanonicalCharset(found);
  }
  return "";
}

absl::StatusOr<std::string> ConvertToUtf8(std::string_view bytes,
                                          const std::string& charset,
                                          int64_t max_output_bytes) {
  const size_t cap =
      static_cast<size_t>(std::max<int64_t>(0, max_output_bytes));
  if (charset == "UTF-8") {
    if (std::optional<size_t> bad = FindInvalidUtf8(bytes)) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "the content is not valid UTF-8: byte 0x%02X at byte offset %d "
          "does not start a well-formed sequence",
          static_cast<unsigned char>(bytes[*bad]), *bad));
    }
    if (bytes.size() > cap) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the content's text is over the limit of ", cap, " bytes"));
    }
    return std::string(bytes);
  }
  iconv_t opened = iconv_open("UTF-8", charset.c_str());
  if (opened == reinterpret_cast<iconv_t>(-1)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "charset \"", charset,
        "\" is not one this server can decode; send UTF-8, GBK, GB18030 or "
        "Big5"));
  }
  std::unique_ptr<iconv_t, IconvCloser> cd(new iconv_t(opened));
  std::string out;
  out.resize(std::min(cap + 4, bytes.size() * 2 + 16));
  // iconv's input is char** for historical reasons; it does not write it.
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  size_t used = 0;
  while (true) {
    char* out_at = out.data() + used;
    size_t out_left = out.size() - used;
    const size_t result =
        iconv(*cd, in_left > 0 ? &in : nullptr, &in_left, &out_at, &out_left);
    used = out.size() - out_left;
    if (used > cap) {
      return absl::InvalidArgumentError(
          absl::StrCat("the content's text is over the limit of ", cap,
                       " bytes once decoded from ", charset));
    }
    if (result != static_cast<size_t>(-1)) {
      if (in_left == 0) break;
      continue;
    }
    const size_t offset = bytes.size() - in_left;
    if (errno == E2BIG) {
      if (out.size() >= cap + 4) {
        return absl::InvalidArgumentError(
            absl::StrCat("the content's text is over the limit of ", cap,
                         " bytes once decoded from ", charset));
      }
      out.resize(std::min(cap + 4, out.size() * 2));
      continue;
    }
    if (errno == EINVAL) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the content ends inside a ", charset, " character at byte offset ",
          offset, " (truncated file, or not ", charset, ")"));
    }
    return absl::InvalidArgumentError(absl::StrFormat(
        "the content is not valid %s: byte 0x%02X at byte offset %d does not "
        "decode; declare the right charset in media_type",
        charset, static_cast<unsigned char>(bytes[offset]), offset));
  }
  out.resize(used);
  return out;
}

}  // namespace reportfacts::ingest
