#include "service/server/worker_pool.h"

#include <algorithm>
#include <chrono>
#include <utility>

namespace reportfacts {
namespace {

// How often Submit re-checks its give_up predicate while waiting.
constexpr std::chrono::milliseconds kGiveUpPoll(10);

}  // namespace

WorkerPool::WorkerPool(int workers, int queue_capacity)
    : capacity_(std::max(1, queue_capacity)) {
  const int n = std::max(1, workers);
  threads_.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) threads_.emplace_back([this] { WorkerLoop(); });
}

WorkerPool::~WorkerPool() { Stop(); }

bool WorkerPool::TrySubmit(Task task) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_ || static_cast<int>(queue_.size()) >= capacity_) {
      return false;
    }
    queue_.push_back(std::move(task));
  }
  work_ready_.notify_one();
  return true;
}

bool WorkerPool::Submit(Task task, const std::function<bool()>& give_up) {
  {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stopping_ && static_cast<int>(queue_.size()) >= capacity_) {
      if (give_up) {
        // Evaluate give_up without holding the lock: it may be slow.
        lock.unlock();
        const bool quit = give_up();
        lock.lock();
        if (quit) return false;
      }
      room_ready_.wait_for(lock, kGiveUpPoll);
    }
    if (stopping_) return false;
    queue_.push_back(std::move(task));
  }
  work_ready_.notify_one();
  return true;
}

void WorkerPool::Stop() {
  std::call_once(stop_once_, [this] {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    work_ready_.notify_all();
    room_ready_.notify_all();
    for (std::thread& t : threads_) t.join();
  });
}

int WorkerPool::queued() const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<int>(queue_.size());
}

int WorkerPool::running() const {
  std::lock_guard<std::mutex> lock(mu_);
  return running_;
}

void WorkerPool::WorkerLoop() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    work_ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and nothing left to run
    Task task = std::move(queue_.front());
    queue_.pop_front();
    ++running_;
    lock.unlock();
    room_ready_.notify_one();
    task();
    task = nullptr;  // release captured state before taking the lock
    lock.lock();
    --running_;
  }
}

}  // namespace reportfacts
