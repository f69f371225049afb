#include "service/http/web_assets.h"

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"

namespace reportfacts {

const std::vector<std::pair<std::string, std::string>> kWebSecurityHeaders = {
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; "
     "img-src 'self' data:; connect-src 'self'; object-src 'none'; "
     "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"Cache-Control", "no-cache"},
};

absl::StatusOr<WebAssets> WebAssets::Load(const std::string& dir) {
  struct File {
    const char* name;
    const char* path;
    const char* type;
  };
  static constexpr File kFiles[] = {
      {"index.html", "/", "text/html; charset=utf-8"},
      {"app.js", "/web/app.js", "text/javascript; charset=utf-8"},
      {"style.css", "/web/style.css", "text/css; charset=utf-8"},
  };
  WebAssets assets;
  for (const File& file : kFiles) {
    const std::string path = absl::StrCat(dir, "/", file.name);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream body;
    if (!in || !(body << in.rdbuf())) {
      return absl::NotFoundError(
          absl::StrCat("cannot read the page's file ", path));
    }
    assets.by_path_[file.path] = {body.str(), file.type};
  }
  return assets;
}

const WebAsset* WebAssets::Find(std::string_view path) const {
  if (path == "/index.html") path = "/";
  const auto it = by_path_.find(path);
  return it == by_path_.end() ? nullptr : &it->second;
}

}  // namespace reportfacts
