// MemoryReturner hands the heap's free memory back to the system
// (malloc_trim) once large documents have stopped for a while.
//
//   MemoryReturner returner(absl::Milliseconds(500));
//   returner.Begin();   // a large document starts
//   ...extract and answer...
//   returner.End();     // trims after 500 ms without a large document
//
// A large document leaves tens of MB free inside malloc's heaps, which
// glibc keeps; trimming after every one would give them back only to
// fault them in again, page by page, on the next (a tenth of a large
// request's CPU). Waiting for a quiet spell keeps a run of large
// documents on warm memory and still bounds what an idle server holds.
#ifndef REPORTFACTS_SERVICE_ADMISSION_MEMORY_RETURN_H_
#define REPORTFACTS_SERVICE_ADMISSION_MEMORY_RETURN_H_

#include <condition_variable>
#include <mutex>
#include <thread>

#include "absl/time/time.h"

namespace reportfacts {

// MemoryReturner is safe for concurrent use.
class MemoryReturner {
 public:
  // `quiet` is how long no large document may run before the trim.
  explicit MemoryReturner(absl::Duration quiet);
  // Stops the trimming thread (without a last trim).
  ~MemoryReturner();

  MemoryReturner(const MemoryReturner&) = delete;
  MemoryReturner& operator=(const MemoryReturner&) = delete;

  // Begin and End bracket the work on one large document.
  void Begin();
  void End();

  // trims is the number of trims done so far.
  int trims() const;

 private:
  void Loop();

  const absl::Duration quiet_;
  mutable std::mutex mu_;
  std::condition_variable changed_;
  int running_ = 0;       // large documents being worked on
  bool pending_ = false;  // one has ended since the last trim
  absl::Time last_end_;
  bool stopping_ = false;
  int trims_ = 0;
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_ADMISSION_MEMORY_RETURN_H_
