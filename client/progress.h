// A one-line progress bar on stderr for long runs, drawn only when stderr
// is a terminal so that logs and pipes stay clean.
//
//   ProgressBar bar(files.size(), total_bytes,
//   ProgressBar::StderrIsTerminal()); bar.Update(done, done_bytes);  // redrawn
//   at most ten times a second bar.Clear();                   // before
//   printing other lines
#ifndef REPORTFACTS_CLIENT_PROGRESS_H_
#define REPORTFACTS_CLIENT_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>

namespace reportfacts::cli {

// ProgressBar is not thread-safe; one thread draws it.
class ProgressBar {
 public:
  ProgressBar(uint64_t total_items, uint64_t total_bytes, bool enabled);

  // StderrIsTerminal tells whether stderr is a terminal.
  static bool StderrIsTerminal();

  // Update records progress and redraws when enough time has passed (or
  // when the work is complete).
  void Update(uint64_t items, uint64_t bytes);

  // Clear erases the bar so that a message can be printed; the next
  // Update draws it again.
  void Clear();

  // Render returns the bar's text for the given progress (no "\r").
  std::string Render(uint64_t items, uint64_t bytes, double seconds) const;

 private:
  uint64_t total_items_;
  uint64_t total_bytes_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace reportfacts::cli

#endif  // REPORTFACTS_CLIENT_PROGRESS_H_
