// The files of the analysts' page (service/web), read once at start and
// served from memory at / and /web/..., with the headers that keep the
// page safe: a Content-Security-Policy that allows this origin's own
// scripts and styles only (no inline script, no other origin), no
// sniffing, no framing.
//
//   absl::StatusOr<WebAssets> assets = WebAssets::Load(data_dir + "/web");
//   if (const WebAsset* asset = assets->Find("/")) ... asset->body ...
#ifndef REPORTFACTS_SERVICE_HTTP_WEB_ASSETS_H_
#define REPORTFACTS_SERVICE_HTTP_WEB_ASSETS_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace reportfacts {

// WebAsset is one file as served.
struct WebAsset {
  std::string body;
  std::string content_type;
};

// kWebSecurityHeaders are sent with every asset.
extern const std::vector<std::pair<std::string, std::string>>
    kWebSecurityHeaders;

class WebAssets {
 public:
  // Load reads index.html, app.js and style.css from `dir`; an error names
  // the file that is missing or unreadable.
  static absl::StatusOr<WebAssets> Load(const std::string& dir);

  // Find is the asset served at `path` ("/" is index.html; "/web/app.js",
  // "/web/style.css"), or null.
  const WebAsset* Find(std::string_view path) const;

 private:
  std::map<std::string, WebAsset, std::less<>> by_path_;
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_HTTP_WEB_ASSETS_H_
