// Unit tests of the server library's parts (worker pool, validation,
// conversion, status mapping) and of the client's formatting and flags.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "client/args.h"
#include "client/table_format.h"
#include "gmock/gmock.h"
#include "google/protobuf/stubs/common.h"
#include "google/protobuf/util/message_differencer.h"
#include "grpcpp/support/byte_buffer.h"
#include "gtest/gtest.h"
#include "service/admission/memory_return.h"
#include "service/admission/validation.h"
#include "service/admission/worker_pool.h"
#include "service/api/convert.h"
#include "service/api/status.h"
#include "service/core/utf8.h"
#include "service/server/wire.h"

namespace reportfacts {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// ---- WorkerPool ----

TEST(WorkerPoolTest, RunsEveryTask) {
  std::atomic<int> done{0};
  {
    WorkerPool pool(2, 4);  // most of them park: every one must still run
    for (int i = 0; i < 100; ++i) {
      ASSERT_NE(pool.SubmitOrPark([&done] { ++done; }, nullptr),
                WorkerPool::Placement::kRefused);
    }
    while (done.load() < 100) std::this_thread::yield();
    pool.Stop();
  }
  EXPECT_EQ(done.load(), 100);
}

// BusyPool is a pool of one worker and one queue place, its worker held
// by a task until release is set. Fill() also takes the queue place.
struct BusyPool {
  WorkerPool pool{1, 1};
  std::atomic<bool> release{false};
  std::atomic<int> started{0};

  BusyPool() {
    EXPECT_TRUE(pool.TrySubmit(Blocker()));
    while (started.load() == 0) std::this_thread::yield();
  }
  // Frees the worker before the flags it reads are destroyed, also when a
  // test stops early.
  ~BusyPool() {
    release = true;
    pool.Stop();
  }
  WorkerPool::Task Blocker() {
    return [this] {
      ++started;
      while (!release.load()) std::this_thread::yield();
    };
  }
  bool Fill() { return pool.TrySubmit(Blocker()); }
};

TEST(WorkerPoolTest, TrySubmitRefusesWhenQueueIsFull) {
  BusyPool busy;
  WorkerPool& pool = busy.pool;
  ASSERT_TRUE(busy.Fill());             // fills the queue
  EXPECT_FALSE(pool.TrySubmit([] {}));  // no room
  EXPECT_EQ(pool.queued(), 1);
  EXPECT_EQ(pool.running(), 1);
  busy.release = true;
  pool.Stop();
  EXPECT_EQ(busy.started.load(), 2);
}

TEST(WorkerPoolTest, ParkedTaskRunsWhenRoomFreesAndQueueStaysBounded) {
  BusyPool busy;
  WorkerPool& pool = busy.pool;
  ASSERT_TRUE(busy.Fill());  // the queue is now full
  std::vector<int> order;
  std::mutex order_mu;
  const auto record = [&](int n) {
    return [&, n] {
      std::lock_guard<std::mutex> lock(order_mu);
      order.push_back(n);
    };
  };
  // Both park at once instead of blocking, and the queue stays at 1.
  // The hook runs on the worker just before the parked task itself.
  EXPECT_EQ(pool.SubmitOrPark(record(1), nullptr, record(10)),
            WorkerPool::Placement::kParked);
  EXPECT_EQ(pool.SubmitOrPark(record(2), nullptr),
            WorkerPool::Placement::kParked);
  EXPECT_EQ(pool.queued(), 1);
  EXPECT_FALSE(pool.TrySubmit([] {}));
  busy.release = true;
  const auto recorded = [&] {
    std::lock_guard<std::mutex> lock(order_mu);
    return order.size();
  };
  while (recorded() < 3) std::this_thread::yield();
  pool.Stop();
  EXPECT_EQ(order, (std::vector<int>{10, 1, 2}));
}

TEST(WorkerPoolTest, StopRefusesParkedTasksInsteadOfRunningThem) {
  BusyPool busy;
  WorkerPool& pool = busy.pool;
  ASSERT_TRUE(busy.Fill());
  std::atomic<bool> ran{false};
  std::atomic<bool> refused{false};
  std::atomic<bool> unparked{false};
  std::atomic<bool> unparked_first{false};
  ASSERT_EQ(pool.SubmitOrPark([&ran] { ran = true; },
                              [&] {
                                unparked_first = unparked.load();
                                refused = true;
                              },
                              [&unparked] { unparked = true; }),
            WorkerPool::Placement::kParked);
  std::thread stopper([&pool] { pool.Stop(); });
  while (!refused.load()) std::this_thread::yield();
  busy.release = true;
  stopper.join();
  EXPECT_FALSE(ran.load());
  EXPECT_TRUE(unparked_first.load());
  EXPECT_EQ(busy.started.load(), 2);  // tasks already queued still ran
}

TEST(WorkerPoolTest, TryRunHereRunsOnTheCallerOnlyInAFreeWorkersPlace) {
  WorkerPool pool(1, 4);
  std::thread::id ran_on;
  int running_inside = 0;
  ASSERT_TRUE(pool.TryRunHere([&] {
    ran_on = std::this_thread::get_id();
    running_inside = pool.running();  // counted as the worker's place
  }));
  EXPECT_EQ(ran_on, std::this_thread::get_id());
  EXPECT_EQ(running_inside, 1);
  EXPECT_EQ(pool.running(), 0);
  pool.Stop();
  EXPECT_FALSE(pool.TryRunHere([] {}));  // stopping: nothing runs
}

TEST(WorkerPoolTest, TryRunHereRefusesWhileTheWorkerIsBusyOrTasksWait) {
  BusyPool busy;
  bool ran = false;
  EXPECT_FALSE(busy.pool.TryRunHere([&ran] { ran = true; }));
  EXPECT_FALSE(ran);
  busy.release = true;
  while (busy.pool.running() > 0) std::this_thread::yield();
  // A free worker, but a queued task goes first.
  WorkerPool two(2, 4);
  std::atomic<bool> hold{true};
  std::atomic<int> started{0};
  const auto blocker = [&] {
    ++started;
    while (hold.load()) std::this_thread::yield();
  };
  ASSERT_TRUE(two.TrySubmit(blocker));
  ASSERT_TRUE(two.TrySubmit(blocker));
  while (started.load() < 2) std::this_thread::yield();
  ASSERT_TRUE(two.TrySubmit(blocker));  // waits: both workers are busy
  EXPECT_FALSE(two.TryRunHere([&ran] { ran = true; }));
  EXPECT_FALSE(ran);
  hold = false;
  two.Stop();
  EXPECT_EQ(started.load(), 3);
  // One caller at a time, even with places free.
  WorkerPool four(4, 4);
  bool nested = true;
  ASSERT_TRUE(four.TryRunHere([&] { nested = four.TryRunHere([] {}); }));
  EXPECT_FALSE(nested);
  four.Stop();
}

TEST(WorkerPoolTest, AQueuedTaskWaitsWhileACallerHoldsTheOnlyPlace) {
  WorkerPool pool(1, 4);
  std::atomic<bool> queued_ran{false};
  std::atomic<bool> overlapped{false};
  ASSERT_TRUE(pool.TryRunHere([&] {
    // The worker thread is idle, yet must not start this one now: at most
    // workers() tasks run at once.
    ASSERT_TRUE(pool.TrySubmit([&] { queued_ran = true; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    overlapped = queued_ran.load();
  }));
  EXPECT_FALSE(overlapped.load());
  while (!queued_ran.load()) std::this_thread::yield();  // then it runs
  pool.Stop();
}

TEST(WorkerPoolTest, StoppedPoolRefusesWork) {
  WorkerPool pool(1, 4);
  pool.Stop();
  EXPECT_FALSE(pool.TrySubmit([] {}));
  EXPECT_EQ(pool.SubmitOrPark([] {}, [] {}), WorkerPool::Placement::kRefused);
  pool.Stop();  // idempotent
}

// ---- MemoryReturner ----

TEST(MemoryReturnerTest, TrimsOnceAfterAQuietSpellNotDuringWork) {
  MemoryReturner returner(absl::Milliseconds(50));
  returner.Begin();
  std::this_thread::sleep_for(std::chrono::milliseconds(120));
  EXPECT_EQ(returner.trims(), 0);  // a document still runs
  returner.End();
  returner.Begin();  // the next one starts within the quiet spell
  returner.End();
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (returner.trims() == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(returner.trims(), 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(120));
  EXPECT_EQ(returner.trims(), 1);  // nothing new to return
}

// ---- Validation ----

TEST(ValidationTest, IsoDates) {
  EXPECT_TRUE(IsIsoDate("2024-03-15"));
  EXPECT_TRUE(IsIsoDate("2024-02-29"));
  EXPECT_TRUE(IsIsoDate("2000-02-29"));
  EXPECT_FALSE(IsIsoDate("1900-02-29"));
  EXPECT_FALSE(IsIsoDate("2023-02-29"));
  EXPECT_FALSE(IsIsoDate("2024-13-01"));
  EXPECT_FALSE(IsIsoDate("2024-04-31"));
  EXPECT_FALSE(IsIsoDate("2024-4-1"));
  EXPECT_FALSE(IsIsoDate("2024/04/01"));
  EXPECT_FALSE(IsIsoDate("２０２４-04-01"));
  EXPECT_FALSE(IsIsoDate(""));
}

TEST(ValidationTest, SizeIsCheckedBeforeEncoding) {
  v1::Document document;
  document.set_text(std::string(11, '\xFF'));
  const absl::Status status = ValidateDocument(document, 10);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(IsDocumentTooLarge(status));
  EXPECT_THAT(std::string(status.message()), HasSubstr("11 bytes"));
  EXPECT_THAT(std::string(status.message()), HasSubstr("limit of 10 bytes"));
  // Other refusals carry no size mark.
  document.set_text("\xFF");
  EXPECT_FALSE(IsDocumentTooLarge(ValidateDocument(document, 10)));
}

TEST(ValidationTest, NamesByteOffsetAndValue) {
  v1::Document document;
  document.set_text("报告\xE4\xB8");
  const absl::Status status = ValidateDocument(document, 100);
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("byte 0xE4 at byte offset 6 "));
  document.set_text("报告");
  EXPECT_TRUE(ValidateDocument(document, 100).ok());
}

// The validator the service relies on agrees with protobuf's own UTF-8
// check on random byte strings biased towards tricky lead bytes.
TEST(ValidationTest, Utf8ValidatorAgreesWithProtobuf) {
  std::mt19937 rng(20240315);
  const unsigned char interesting[] = {
      0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE4,
      0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F, 0x90, 0x8F};
  std::uniform_int_distribution<int> length(0, 8);
  std::uniform_int_distribution<int> pick(0, sizeof(interesting) - 1);
  std::uniform_int_distribution<int> any(0, 255);
  std::uniform_int_distribution<int> coin(0, 3);
  for (int i = 0; i < 200000; ++i) {
    std::string s;
    const int n = length(rng);
    for (int k = 0; k < n; ++k) {
      s.push_back(static_cast<char>(coin(rng) == 0 ? any(rng)
                                                   : interesting[pick(rng)]));
    }
    const bool protobuf_valid =
        google::protobuf::internal::IsStructurallyValidUTF8(
            s.data(), static_cast<int>(s.size()));
    ASSERT_EQ(!FindInvalidUtf8(s).has_value(), protobuf_valid)
        << "disagree on bytes of length " << s.size();
  }
}

// ---- Status ----

TEST(WireTest, DecodesWhatProtobufEncodesAndSkipsUnknownFields) {
  v1::ExtractRequest request;
  request.mutable_document()->set_id("报告-1");
  request.mutable_document()->set_text(std::string("a\0b\xFF", 4));
  request.mutable_document()->set_reference_date("2024-03-01");
  request.set_omit_sentence_text(true);
  // An unknown field (number 9, varint) in the document and the request.
  const std::string bytes =
      request.SerializeAsString() + std::string("\x48\x01", 2);
  v1::ExtractRequest decoded;
  ASSERT_TRUE(DecodeExtractRequest(bytes, &decoded).ok());
  EXPECT_TRUE(
      google::protobuf::util::MessageDifferencer::Equals(decoded, request));
  EXPECT_TRUE(DecodeExtractRequest(std::string_view(), &decoded).ok());
  EXPECT_FALSE(decoded.has_document());
}

TEST(WireTest, KeepsAnIdThatIsNotUtf8AndRefusesGarbage) {
  // document { id: "\xFF" } written by hand: protobuf's parser refuses it.
  const std::string bad_id("\x0A\x03\x0A\x01\xFF", 5);
  v1::ExtractRequest decoded;
  ASSERT_TRUE(DecodeExtractRequest(bad_id, &decoded).ok());
  EXPECT_EQ(decoded.document().id(), "\xFF");
  const absl::Status refused = ValidateDocument(decoded.document(), 100);
  EXPECT_EQ(refused.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(refused.message()), HasSubstr("document id"));

  for (const std::string& garbage :
       {std::string("\x0A\x05"
                    "ab",
                    4),
        std::string("\xFF\xFF\xFF", 3), std::string("\x0A\x02\x0A\x05", 4)}) {
    const absl::Status status = DecodeExtractRequest(garbage, &decoded);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  }
  EXPECT_EQ(ToValidUtf8(std::string("a\xFF\xC3", 3)), "a\uFFFD\uFFFD");
  EXPECT_EQ(ToValidUtf8("报告"), "报告");
}

TEST(WireTest, AgreesWithProtobufOnEdgesOfTheFormat) {
  v1::ExtractRequest request;
  request.mutable_document()->set_id("a");
  request.mutable_document()->set_text("全年共收到提案412件。");
  const std::string plain = request.SerializeAsString();
  // A group (field 9) in the request and in the document, a fixed32 and a
  // fixed64 field, a known number with another wire type, and a second
  // document that merges into the first.
  const std::string group("\x4B\x08\x01\x4C", 4);
  const std::string fixed(
      "\x55\x01\x02\x03\x04\x59\x01\x02\x03\x04\x05\x06\x07\x08", 14);
  v1::Document second;
  second.set_reference_date("2024-01-02");
  const std::string second_bytes = second.SerializeAsString();
  const std::string odd_document =
      std::string("\x0A") + static_cast<char>(second_bytes.size() + 6) +
      second_bytes + std::string("\x08\x05", 2) + group;
  const std::vector<std::string> valid = {
      plain,
      plain + group + fixed,
      plain + odd_document,
      std::string("\x10\x00", 2) + plain + std::string("\x10\x02", 2),
      std::string(),
  };
  for (const std::string& bytes : valid) {
    SCOPED_TRACE(testing::PrintToString(bytes));
    v1::ExtractRequest expected;
    ASSERT_TRUE(expected.ParseFromString(bytes));
    expected.DiscardUnknownFields();  // which the service never keeps
    v1::ExtractRequest decoded;
    ASSERT_TRUE(DecodeExtractRequest(bytes, &decoded).ok());
    EXPECT_TRUE(
        google::protobuf::util::MessageDifferencer::Equals(decoded, expected));
    // The same from gRPC's buffer cut into many slices.
    std::vector<grpc::Slice> slices;
    for (size_t at = 0; at < bytes.size(); at += 3) {
      slices.emplace_back(bytes.data() + at,
                          std::min<size_t>(3, bytes.size() - at));
    }
    grpc::ByteBuffer buffer(slices.data(), slices.size());
    v1::ExtractRequest from_slices;
    ASSERT_TRUE(DecodeExtractRequest(buffer, &from_slices).ok());
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(from_slices,
                                                                   expected));
  }
  // What protobuf refuses: a truncated tag, field number 0, an end-group
  // no group opened, an unclosed group, wire types 6 and 7, a truncated
  // varint value, a length past the end (in the request and in the
  // document).
  const std::vector<std::string> invalid = {
      plain + "\x80",
      plain + std::string("\x00", 1),
      plain + std::string("\x02\x00", 2),
      plain + "\x4C",
      plain + "\x4B",
      plain + "\x4E",
      plain + "\x4F",
      plain + "\x10\x80",
      plain + std::string("\x12\x05", 2) + "ab",
      std::string("\x0A\x03\x12\x05", 4) + "a",
      std::string("\x0A\x02\x4C\x00", 4),
  };
  for (const std::string& bytes : invalid) {
    SCOPED_TRACE(testing::PrintToString(bytes));
    v1::ExtractRequest expected;
    google::protobuf::LogSilencer quiet;
    ASSERT_FALSE(expected.ParseFromString(bytes));
    v1::ExtractRequest decoded;
    EXPECT_EQ(DecodeExtractRequest(bytes, &decoded).code(),
              absl::StatusCode::kInvalidArgument);
  }
}

TEST(WireTest, MutatedRequestsDecodeAsProtobufDecodesThem) {
  v1::ExtractRequest request;
  request.mutable_document()->set_id("报告-7");
  request.mutable_document()->set_text("全年共收到提案412件，立案386件。");
  request.mutable_document()->set_reference_date("2024-05-01");
  request.mutable_document()->set_media_type("text/plain");
  request.set_omit_sentence_text(true);
  const std::string seed = request.SerializeAsString();
  std::mt19937 rng(2026);
  google::protobuf::LogSilencer quiet;
  for (int round = 0; round < 20000; ++round) {
    std::string bytes = seed;
    for (int edits = 1 + static_cast<int>(rng() % 4); edits > 0; --edits) {
      const size_t at = rng() % (bytes.size() + 1);
      switch (rng() % 3) {
        case 0:  // overwrite a byte
          if (at < bytes.size()) bytes[at] = static_cast<char>(rng());
          break;
        case 1:  // insert one
          bytes.insert(at, 1, static_cast<char>(rng()));
          break;
        default:  // cut the rest
          bytes.resize(at);
      }
    }
    v1::ExtractRequest expected;
    const bool parsed = expected.ParseFromString(bytes);
    v1::ExtractRequest decoded;
    const absl::Status status = DecodeExtractRequest(bytes, &decoded);
    if (!parsed) continue;  // protobuf also refuses invalid UTF-8; we do not
    ASSERT_TRUE(status.ok()) << testing::PrintToString(bytes);
    expected.DiscardUnknownFields();
    ASSERT_TRUE(
        google::protobuf::util::MessageDifferencer::Equals(decoded, expected))
        << testing::PrintToString(bytes);
  }
}

TEST(StatusTest, KeepsCodeAndBoundsMessage) {
  const grpc::Status status =
      ToGrpcStatus(absl::NotFoundError(std::string(5000, 'x')));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_LE(status.error_message().size(), kMaxStatusMessageBytes);
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok());
  EXPECT_EQ(
      ToAbslStatus(grpc::Status(grpc::StatusCode::UNAVAILABLE, "gone")).code(),
      absl::StatusCode::kUnavailable);
  EXPECT_EQ(StatusCodeName(grpc::StatusCode::RESOURCE_EXHAUSTED),
            "RESOURCE_EXHAUSTED");
}

TEST(StatusTest, TruncationNeverSplitsACharacter) {
  const std::string chinese = "政协提案办理";  // 3 bytes per character
  for (size_t max = 0; max <= chinese.size() + 1; ++max) {
    const std::string cut = TruncateMessage(chinese, max);
    EXPECT_LE(cut.size(), max);
    EXPECT_FALSE(FindInvalidUtf8(cut).has_value()) << max;
  }
}

// ---- Conversion ----

Extraction SampleFacts() {
  Extraction facts;
  Report report;
  report.begin = 0;
  report.end = 20;
  report.title = "标题";
  report.subtitle = "宜宾市政协2024年工作综述";
  report.organization = "宜宾市政协";
  report.city = "宜宾";
  report.province = "四川";
  report.year = 2024;
  report.authors.push_back({"罗文静", "通讯员"});
  facts.reports.push_back(report);
  Report no_year = report;
  no_year.year.reset();
  no_year.authors.clear();
  facts.reports.push_back(no_year);

  const Qualifier qualifiers[] = {Qualifier::kExact, Qualifier::kMoreThan,
                                  Qualifier::kNearly, Qualifier::kAbout,
                                  Qualifier::kLessThan};
  int i = 0;
  for (Qualifier q : qualifiers) {
    Metric m;
    m.begin = 7 + i;
    m.end = 10 + i;
    m.text = "412";
    m.unit_text = "件";
    m.value = 412.5 + i;
    m.unit = "件";
    m.qualifier = q;
    m.object = "提案";
    m.action = "收到";
    m.indicator = "proposals.submitted";
    m.sentence_begin = 3;
    m.sentence_end = 14;
    m.report = i % 2;
    facts.metrics.push_back(m);
    ++i;
  }
  facts.dates.push_back({1, 5, "3月15日", "2024-03-15", "2024-03-15", 1});
  facts.people.push_back({"何清源", "主席", "宜宾市政协", 2, 5, 0});
  return facts;
}

TEST(ConvertTest, RoundTripKeepsEveryField) {
  const std::string text = "一二三全年共收到提案412件。后文";
  const Extraction facts = SampleFacts();
  v1::ExtractResponse proto;
  ExtractionToProto(facts, text, &proto);
  EXPECT_EQ(proto.metrics(0).sentence(), "全年共收到提案412件");
  EXPECT_EQ(proto.metrics(1).qualifier(), v1::Metric::MORE_THAN);
  EXPECT_EQ(proto.metrics(4).qualifier(), v1::Metric::LESS_THAN);
  EXPECT_TRUE(proto.reports(0).has_year());
  EXPECT_FALSE(proto.reports(1).has_year());

  v1::ExtractResponse again;
  ExtractionToProto(ExtractionFromProto(proto), text, &again);
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(proto, again))
      << proto.DebugString() << "\nvs\n"
      << again.DebugString();
}

TEST(ConvertTest, SentenceTextCanBeLeftOutWhileItsSpanStays) {
  const std::string text = "一二三全年共收到提案412件。后文";
  v1::ExtractResponse full;
  ExtractionToProto(SampleFacts(), text, &full);
  AnswerOptions answer;
  answer.sentence_text = false;
  v1::ExtractResponse lean;
  ExtractionToProto(SampleFacts(), text, &lean, answer);
  ASSERT_EQ(lean.metrics_size(), full.metrics_size());
  for (int i = 0; i < lean.metrics_size(); ++i) {
    EXPECT_EQ(lean.metrics(i).sentence(), "");
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
        lean.metrics(i).sentence_span(), full.metrics(i).sentence_span()));
    v1::Metric without = full.metrics(i);
    without.clear_sentence();
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
        lean.metrics(i), without));
  }
  EXPECT_LT(lean.ByteSizeLong(), full.ByteSizeLong());
}

TEST(ConvertTest, SentenceSpanOutsideTheTextIsClamped) {
  Extraction facts;
  Metric m;
  m.sentence_begin = 2;
  m.sentence_end = 1000;
  facts.metrics.push_back(m);
  Metric backwards;
  backwards.sentence_begin = 5;
  backwards.sentence_end = 1;
  facts.metrics.push_back(backwards);
  v1::ExtractResponse proto;
  ExtractionToProto(facts, "提案办理", &proto);
  EXPECT_EQ(proto.metrics(0).sentence(), "办理");
  EXPECT_EQ(proto.metrics(0).sentence_span().end(), 1000);
  EXPECT_EQ(proto.metrics(1).sentence(), "");
}

// ---- Client formatting and flags ----

TEST(ClientTest, DisplayWidthCountsChineseAsTwo) {
  EXPECT_EQ(cli::DisplayWidth("abc"), 3);
  EXPECT_EQ(cli::DisplayWidth("报告a"), 5);
  EXPECT_EQ(cli::DisplayWidth("１２"), 4);  // fullwidth digits
  EXPECT_EQ(cli::DisplayWidth(""), 0);
}

TEST(ClientTest, ValuesPrintWithoutExponent) {
  EXPECT_EQ(cli::FormatValue(3860000000), "3860000000");
  EXPECT_EQ(cli::FormatValue(93.7), "93.7");
  EXPECT_EQ(cli::FormatValue(412), "412");
}

TEST(ClientTest, TableShowsReportMetadataAndFacts) {
  v1::ExtractResponse proto;
  proto.set_document_id("sample.txt");
  ExtractionToProto(SampleFacts(), "一二三全年共收到提案412件。后文", &proto);
  const std::string table = cli::FormatExtraction(proto);
  for (const char* want :
       {"sample.txt", "宜宾市政协", "四川", "2024", "罗文静 (通讯员)",
        "proposals.submitted", "MORE_THAN", "2024-03-15", "何清源", "主席"}) {
    EXPECT_THAT(table, HasSubstr(want));
  }
}

TEST(ClientTest, TableShowsThePageOfEachFactOfAPdf) {
  const std::string text = "一二三全年共收到提案412件。后文";
  v1::ExtractResponse plain;
  ExtractionToProto(SampleFacts(), text, &plain);
  EXPECT_THAT(cli::FormatExtraction(plain), Not(HasSubstr("page")));
  v1::ExtractResponse paged;
  paged.set_document_id("report.pdf");
  ExtractionToProto(SampleFacts(), text, &paged, {}, {0, 8});
  const std::string table = cli::FormatExtraction(paged);
  for (const char* want :
       {"report.pdf (2 pages)", "page          1", "page  #", "page  text"}) {
    EXPECT_THAT(table, HasSubstr(want));
  }
}

TEST(ClientTest, ArgParserReadsFlagsAndPositionals) {
  cli::ArgParser args("extract", "FILE...", "test");
  args.AddFlag("server", "HOST:PORT", "127.0.0.1:50051", "server");
  args.AddFlag("format", "F", "", "format");
  args.AddBool("verbose", "more");
  std::vector<std::string> argv_strings = {
      "reportfacts", "extract", "--server", "h:1", "--format=table",
      "--verbose",   "a.txt",   "-",        "--",  "--not-a-flag"};
  std::vector<char*> argv;
  for (std::string& s : argv_strings) argv.push_back(s.data());
  ASSERT_EQ(args.Parse(static_cast<int>(argv.size()), argv.data(), 2),
            cli::ParseOutcome::kOk);
  EXPECT_EQ(args.Get("server"), "h:1");
  EXPECT_EQ(args.Get("format"), "table");
  EXPECT_TRUE(args.GetBool("verbose"));
  EXPECT_THAT(args.positional(),
              ::testing::ElementsAre("a.txt", "-", "--not-a-flag"));

  cli::ArgParser bad("extract", "", "test");
  std::vector<std::string> bad_strings = {"reportfacts", "extract", "--nope"};
  std::vector<char*> bad_argv;
  for (std::string& s : bad_strings) bad_argv.push_back(s.data());
  EXPECT_EQ(bad.Parse(3, bad_argv.data(), 2), cli::ParseOutcome::kError);
  EXPECT_THAT(bad.error(), HasSubstr("--nope"));
}

}  // namespace
}  // namespace reportfacts
