// A fixed set of threads that run CPU-heavy tasks from a bounded queue.
//
//   WorkerPool pool(/*workers=*/4, /*queue_capacity=*/16);
//   if (!pool.TrySubmit([] { Work(); })) return Overloaded();
//
// The transports' threads (gRPC's, the HTTP side's) validate and hand work
// to the pool, or run a short task themselves in a free worker's place
// (TryRunHere), so the amount of extraction running at once is bounded by
// `workers` however many calls arrive, and the backlog by
// `queue_capacity`.
#ifndef REPORTFACTS_SERVICE_ADMISSION_WORKER_POOL_H_
#define REPORTFACTS_SERVICE_ADMISSION_WORKER_POOL_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace reportfacts {

// WorkerPool is safe for concurrent use. Tasks must not throw.
class WorkerPool {
 public:
  using Task = std::function<void()>;

  // Starts `workers` threads (at least 1); at most `queue_capacity` tasks
  // (at least 1) wait beyond those running.
  WorkerPool(int workers, int queue_capacity);

  // Stops the pool (see Stop).
  ~WorkerPool();

  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // TrySubmit queues `task` and returns true, or returns false at once when
  // the queue is full or the pool is stopping.
  bool TrySubmit(Task task);

  // TryRunHere runs `task` on the calling thread, now, when a worker would
  // start it at once: the pool is not stopping, no task waits and fewer
  // than workers() run. It counts as running meanwhile, so no more than
  // workers() tasks ever run at once, here or on the pool's threads.
  // Only one caller at a time runs a task here: the callers are a
  // transport's few I/O threads (gRPC's), which must not all be taken.
  // Returns whether it ran. This saves two thread switches (to a worker
  // and back) on a short task.
  bool TryRunHere(const Task& task);

  // Placement tells where SubmitOrPark put a task.
  enum class Placement { kRefused, kQueued, kParked };

  // SubmitOrPark queues `task` when the queue has room; otherwise it parks
  // the task, and the first worker to free a place queues it (parked tasks
  // go first, oldest first). It never blocks. kRefused: the pool is
  // stopping and nothing runs. If the pool stops while `task` is parked,
  // `refused` runs instead of it, on the thread calling Stop. For a parked
  // task, `unparked` (may be empty) runs first when it leaves the park:
  // on the worker, just before `task`, or just before `refused`.
  //
  // A caller that parks should stop producing until `unparked` runs (an
  // ExtractStream stops reading); that keeps the parked tasks to one per
  // caller while the queue itself stays within its capacity.
  Placement SubmitOrPark(Task task, Task refused, Task unparked = nullptr);

  // Stop refuses new tasks, lets the workers run every task already queued,
  // and joins them. Idempotent; must not be called from a task.
  void Stop();

  // Workers is the number of threads.
  int workers() const { return max_running_; }

  // QueueCapacity is the bound on waiting tasks.
  int queue_capacity() const { return capacity_; }

  // Queued is the number of tasks waiting for a worker now.
  int queued() const;

  // Running is the number of tasks running now.
  int running() const;

  // Parked is the number of tasks waiting for room in the queue.
  int parked() const;

 private:
  void WorkerLoop();

  const int capacity_;
  const int max_running_;  // workers(): the bound on running_
  mutable std::mutex mu_;
  // A task was queued, a place to run one freed, or stopping.
  std::condition_variable work_ready_;
  std::deque<Task> queue_;
  struct Parked {
    Task task;
    Task refused;
  };
  std::deque<Parked> parked_;
  int running_ = 0;            // on the workers and on callers of TryRunHere
  bool running_here_ = false;  // a caller of TryRunHere runs its task
  bool stopping_ = false;
  std::vector<std::thread> threads_;
  std::once_flag stop_once_;
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_ADMISSION_WORKER_POOL_H_
