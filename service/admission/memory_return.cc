#include "service/admission/memory_return.h"

#include <malloc.h>

#include "absl/time/clock.h"

namespace reportfacts {

MemoryReturner::MemoryReturner(absl::Duration quiet)
    : quiet_(quiet), thread_([this] { Loop(); }) {}

MemoryReturner::~MemoryReturner() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void MemoryReturner::Begin() {
  std::lock_guard<std::mutex> lock(mu_);
  ++running_;
}

void MemoryReturner::End() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    --running_;
    pending_ = true;
    last_end_ = absl::Now();
  }
  changed_.notify_all();
}

int MemoryReturner::trims() const {
  std::lock_guard<std::mutex> lock(mu_);
  return trims_;
}

void MemoryReturner::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    if (!pending_ || running_ > 0) {
      changed_.wait(lock);
      continue;
    }
    const absl::Time due = last_end_ + quiet_;
    if (absl::Now() < due) {
      changed_.wait_until(lock, absl::ToChronoTime(due));
      continue;
    }
    pending_ = false;
    lock.unlock();
    malloc_trim(0);
    lock.lock();
    ++trims_;
  }
}

}  // namespace reportfacts
