// Test helper: UTF-8 text encoded into a legacy charset with iconv, the
// way a file in that charset would hold it.
#ifndef REPORTFACTS_TESTS_INGEST_ENCODE_UTIL_H_
#define REPORTFACTS_TESTS_INGEST_ENCODE_UTIL_H_

#include <errno.h>
#include <iconv.h>

#include <string>
#include <string_view>

namespace reportfacts::ingest {

// Encoded is text in a charset, with the UTF-8 text it holds: characters
// the charset cannot encode are replaced by '?' in both.
struct Encoded {
  std::string bytes;
  std::string utf8;
};

// Utf8Length is the byte length of the UTF-8 sequence led by `lead`.
inline size_t Utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  return 2;
}

inline Encoded EncodeAs(std::string_view utf8, const char* charset) {
  Encoded result;
  iconv_t cd = iconv_open(charset, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) return result;
  size_t at = 0;
  while (at < utf8.size()) {
    const size_t length = std::min(
        Utf8Length(static_cast<unsigned char>(utf8[at])), utf8.size() - at);
    char out[16];
    char* in = const_cast<char*>(utf8.data() + at);
    size_t in_left = length;
    char* out_at = out;
    size_t out_left = sizeof(out);
    if (iconv(cd, &in, &in_left, &out_at, &out_left) ==
        static_cast<size_t>(-1)) {
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
      result.bytes += '?';
      result.utf8 += '?';
    } else {
      result.bytes.append(out, out_at - out);
      result.utf8.append(utf8.substr(at, length));
    }
    at += length;
  }
  iconv_close(cd);
  return result;
}

}  // namespace reportfacts::ingest

#endif  // REPORTFACTS_TESTS_INGEST_ENCODE_UTIL_H_
