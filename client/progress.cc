#include "client/progress.h"

#include <unistd.h>

#include <algorithm>
#include <iostream>

#include "absl/strings/str_format.h"

namespace reportfacts::cli {

namespace {
constexpr int kBarWidth = 30;
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);
}  // namespace

ProgressBar::ProgressBar(uint64_t total_items, uint64_t total_bytes,
                         bool enabled)
    : total_items_(total_items),
      total_bytes_(total_bytes),
      enabled_(enabled),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_ - kRedrawEvery) {}

bool ProgressBar::StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

std::string ProgressBar::Render(uint64_t items, uint64_t bytes,
                                double seconds) const {
  const double fraction =
      total_bytes_ > 0   ? std::min(1.0, static_cast<double>(bytes) /
                                             static_cast<double>(total_bytes_))
      : total_items_ > 0 ? std::min(1.0, static_cast<double>(items) /
                                             static_cast<double>(total_items_))
                         : 1.0;
  const int filled = static_cast<int>(fraction * kBarWidth);
  return absl::StrFormat("[%s%s] %3d%%  %d/%d documents  %.1f MB  %.1f s",
                         std::string(filled, '#'),
                         std::string(kBarWidth - filled, '.'),
                         static_cast<int>(fraction * 100), items, total_items_,
                         static_cast<double>(bytes) / 1e6, seconds);
}

void ProgressBar::Update(uint64_t items, uint64_t bytes) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < kRedrawEvery && items < total_items_) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  std::cerr << "\r" << Render(items, bytes, seconds) << "\x1b[K" << std::flush;
  drawn_ = true;
}

void ProgressBar::Clear() {
  if (!enabled_ || !drawn_) return;
  std::cerr << "\r\x1b[K" << std::flush;
  drawn_ = false;
  last_draw_ = std::chrono::steady_clock::now() - kRedrawEvery;
}

}  // namespace reportfacts::cli
