#include "service/admission/worker_pool.h"

#include <algorithm>
#include <utility>

namespace reportfacts {

WorkerPool::WorkerPool(int workers, int queue_capacity)
    : capacity_(std::max(1, queue_capacity)),
      max_running_(std::max(1, workers)) {
  threads_.reserve(static_cast<size_t>(max_running_));
  for (int i = 0; i < max_running_; ++i) {
    threads_.emplace_back([this] { WorkerLoop(); });
  }
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

bool WorkerPool::TryRunHere(const Task& task) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_ || running_here_ || !queue_.empty() ||
        running_ >= max_running_) {
      return false;
    }
    ++running_;
    running_here_ = true;
  }
  task();
  bool waiting = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    --running_;
    running_here_ = false;
    waiting = !queue_.empty();
  }
  // A task queued meanwhile may wait for this place: the workers' own
  // places are taken by themselves, this one is handed over here.
  if (waiting) work_ready_.notify_one();
  return true;
}

WorkerPool::Placement WorkerPool::SubmitOrPark(Task task, Task refused,
                                               Task unparked) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return Placement::kRefused;
    if (static_cast<int>(queue_.size()) >= capacity_) {
      if (unparked) {
        // Leaving the park either way runs `unparked` first.
        task = [unparked, task = std::move(task)] {
          unparked();
          task();
        };
        refused = [unparked, refused = std::move(refused)] {
          unparked();
          if (refused) refused();
        };
      }
      parked_.push_back({std::move(task), std::move(refused)});
      return Placement::kParked;
    }
    queue_.push_back(std::move(task));
  }
  work_ready_.notify_one();
  return Placement::kQueued;
}

void WorkerPool::Stop() {
  std::call_once(stop_once_, [this] {
    std::deque<Parked> refused;
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
      refused.swap(parked_);
    }
    work_ready_.notify_all();
    for (Parked& parked : refused) {
      if (parked.refused) parked.refused();
    }
    for (std::thread& t : threads_) t.join();
  });
}

int WorkerPool::queued() const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<int>(queue_.size());
}

int WorkerPool::parked() const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<int>(parked_.size());
}

int WorkerPool::running() const {
  std::lock_guard<std::mutex> lock(mu_);
  return running_;
}

void WorkerPool::WorkerLoop() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    // A queued task waits for a place while callers of TryRunHere hold
    // them all.
    work_ready_.wait(lock, [this] {
      return (stopping_ && queue_.empty()) ||
             (!queue_.empty() && running_ < max_running_);
    });
    if (queue_.empty()) return;  // stopping, and nothing left to run
    Task task = std::move(queue_.front());
    queue_.pop_front();
    const bool unparked = !parked_.empty();
    if (unparked) {
      // The place just freed goes to the oldest parked task.
      queue_.push_back(std::move(parked_.front().task));
      parked_.pop_front();
    }
    ++running_;
    lock.unlock();
    if (unparked) work_ready_.notify_one();  // an idle worker may take it
    task();
    task = nullptr;  // release captured state before taking the lock
    lock.lock();
    --running_;  // this worker takes the place itself, if a task waits
  }
}

}  // namespace reportfacts
