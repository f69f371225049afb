#include "service/core/utf8.h"

#include <cstdint>

namespace reportfacts {
namespace {

// DecodeOne reads one well-formed sequence at `pos`. It returns its length
// in bytes and stores the code point, or returns 0 when the sequence is
// ill-formed (following the table of well-formed sequences in Unicode 15,
// section 3.9, so surrogates and overlong forms are rejected).
size_t DecodeOne(std::string_view s, size_t pos, char32_t* cp) {
  const auto byte = [&](size_t i) -> uint8_t {
    return static_cast<uint8_t>(s[i]);
  };
  const size_t left = s.size() - pos;
  const uint8_t b0 = byte(pos);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  const auto cont = [&](size_t i, uint8_t lo, uint8_t hi) {
    return i < left && byte(pos + i) >= lo && byte(pos + i) <= hi;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (!cont(1, 0x80, 0xBF)) return 0;
    *cp = ((b0 & 0x1F) << 6) | (byte(pos + 1) & 0x3F);
    return 2;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    const uint8_t lo = b0 == 0xE0 ? 0xA0 : 0x80;
    const uint8_t hi = b0 == 0xED ? 0x9F : 0xBF;
    if (!cont(1, lo, hi) || !cont(2, 0x80, 0xBF)) return 0;
    *cp = ((b0 & 0x0F) << 12) | ((byte(pos + 1) & 0x3F) << 6) |
          (byte(pos + 2) & 0x3F);
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    const uint8_t lo = b0 == 0xF0 ? 0x90 : 0x80;
    const uint8_t hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (!cont(1, lo, hi) || !cont(2, 0x80, 0xBF) || !cont(3, 0x80, 0xBF)) {
      return 0;
    }
    *cp = ((b0 & 0x07) << 18) | ((byte(pos + 1) & 0x3F) << 12) |
          ((byte(pos + 2) & 0x3F) << 6) | (byte(pos + 3) & 0x3F);
    return 4;
  }
  return 0;
}

}  // namespace

std::optional<size_t> FindInvalidUtf8(std::string_view bytes) {
  size_t pos = 0;
  char32_t cp;
  while (pos < bytes.size()) {
    // Fast path for ASCII runs.
    if (static_cast<uint8_t>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const size_t len = DecodeOne(bytes, pos, &cp);
    if (len == 0) return pos;
    pos += len;
  }
  return std::nullopt;
}

std::u32string DecodeUtf8(std::string_view bytes) {
  std::u32string out;
  out.reserve(bytes.size());
  size_t pos = 0;
  while (pos < bytes.size()) {
    char32_t cp;
    const size_t len = DecodeOne(bytes, pos, &cp);
    if (len == 0) {
      out.push_back(U'\uFFFD');
      ++pos;
    } else {
      out.push_back(cp);
      pos += len;
    }
  }
  return out;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string EncodeUtf8(std::u32string_view code_points) {
  std::string out;
  out.reserve(code_points.size() * 3);
  for (char32_t cp : code_points) AppendUtf8(cp, &out);
  return out;
}

}  // namespace reportfacts
