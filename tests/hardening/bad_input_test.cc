// Hostile and odd input against a server running the real core: every case
// gets a correct result or a clear status, in bounded time, and the server
// answers a good request right after.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client/rpc.h"
#include "gmock/gmock.h"
#include "google/protobuf/stubs/logging.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "reportfacts/v1/fact_extractor.grpc.pb.h"
#include "service/api/status.h"
#include "service/core/utf8.h"
#include "service/server/server.h"
#include "tests/service/server_fixture.h"
#include "tests/service/test_util.h"

namespace reportfacts {
namespace {

using ::testing::HasSubstr;
using Clock = std::chrono::steady_clock;
using HealthResponse = grpc::health::v1::HealthCheckResponse;
using testing::MillisSince;
using testing::ReadFile;

// Large enough for the 10 MB case; the over-limit case goes above it.
constexpr int64_t kMaxDocBytes = 12 << 20;
constexpr int kMaxMessageBytes = 20 << 20;
// Every bad input must be answered within this, even on a loaded machine.
constexpr int kCallBudgetMs = 60000;

// Repeat returns `unit` repeated until the result has at least `bytes`.
std::string Repeat(const std::string& unit, size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

// RawOutcome is what a call made of raw messages got back.
struct RawOutcome {
  grpc::Status status;
  std::vector<v1::ExtractResponse> answers;
};

// RawCall sends `messages` as they are (not necessarily protobuf) to
// `method` through a generic stub, then reads every answer.
RawOutcome RawCall(const std::shared_ptr<grpc::Channel>& channel,
                   const std::string& method,
                   const std::vector<std::string>& messages) {
  grpc::GenericStub stub(channel);
  grpc::CompletionQueue cq;
  grpc::ClientContext context;
  context.set_deadline(testing::In(30000));
  auto wait = [&cq](intptr_t tag) {
    void* got = nullptr;
    bool ok = false;
    EXPECT_TRUE(cq.Next(&got, &ok));
    EXPECT_EQ(got, reinterpret_cast<void*>(tag));
    return ok;
  };
  std::unique_ptr<grpc::GenericClientAsyncReaderWriter> call =
      stub.PrepareCall(&context, method, &cq);
  call->StartCall(reinterpret_cast<void*>(1));
  wait(1);
  for (const std::string& message : messages) {
    grpc::Slice slice(message);
    grpc::ByteBuffer buffer(&slice, 1);
    call->Write(buffer, reinterpret_cast<void*>(2));
    if (!wait(2)) break;
  }
  call->WritesDone(reinterpret_cast<void*>(3));
  wait(3);
  RawOutcome outcome;
  for (;;) {
    grpc::ByteBuffer buffer;
    call->Read(&buffer, reinterpret_cast<void*>(4));
    if (!wait(4)) break;
    std::vector<grpc::Slice> slices;
    EXPECT_TRUE(buffer.Dump(&slices).ok());
    std::string bytes;
    for (const grpc::Slice& slice : slices) {
      bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
    }
    v1::ExtractResponse response;
    EXPECT_TRUE(response.ParseFromString(bytes));
    outcome.answers.push_back(response);
  }
  call->Finish(&outcome.status, reinterpret_cast<void*>(5));
  wait(5);
  cq.Shutdown();
  void* ignored = nullptr;
  bool ignored_ok = false;
  while (cq.Next(&ignored, &ignored_ok)) {
  }
  return outcome;
}

// EncodedRequest is an ExtractRequest on the wire with fields as given,
// built by hand so that an id need not be UTF-8.
std::string EncodedRequest(const std::string& id, const std::string& text) {
  auto field = [](int number, const std::string& value) {
    std::string out(1, static_cast<char>(number << 3 | 2));
    uint64_t size = value.size();
    do {
      out += static_cast<char>((size & 0x7F) | (size > 0x7F ? 0x80 : 0));
      size >>= 7;
    } while (size > 0);
    return out + value;
  };
  return field(1, field(1, id) + field(2, text));
}

// ProtobufErrors counts libprotobuf's ERROR lines while it lives.
class ProtobufErrors {
 public:
  ProtobufErrors() {
    count_ = 0;
    previous_ = google::protobuf::SetLogHandler(&Handle);
  }
  ~ProtobufErrors() { google::protobuf::SetLogHandler(previous_); }
  int count() const { return count_.load(); }

 private:
  static void Handle(google::protobuf::LogLevel level, const char*, int,
                     const std::string&) {
    if (level >= google::protobuf::LOGLEVEL_ERROR) ++count_;
  }
  static inline std::atomic<int> count_{0};
  google::protobuf::LogHandler* previous_;
};

constexpr char kExtract[] = "/reportfacts.v1.FactExtractor/Extract";
constexpr char kExtractStream[] = "/reportfacts.v1.FactExtractor/ExtractStream";

class BadInputTest : public testing::SharedServerFixture<BadInputTest> {
 public:
  static ServerOptions SuiteServerOptions() {
    return testing::CoreServerOptions(REPORTFACTS_DATA_DIR, kMaxDocBytes,
                                      kMaxMessageBytes);
  }

 protected:
  grpc::Status Extract(const std::string& text, v1::ExtractResponse* response,
                       int deadline_ms = kCallBudgetMs) {
    return testing::CallExtract(*stub_, testing::DocumentRequest(text),
                                deadline_ms, response);
  }

  // ExpectStillServes checks that a good document is still answered with
  // facts and that health says SERVING.
  void ExpectStillServes() {
    v1::ExtractResponse response;
    const grpc::Status status =
        Extract(ReadFile(REPORTFACTS_SAMPLE), &response, 20000);
    EXPECT_TRUE(status.ok()) << status.error_message();
    EXPECT_GT(response.metrics_size(), 0);
    HealthResponse::ServingStatus health;
    EXPECT_TRUE(testing::HealthOf(channel_, "", &health).ok());
    EXPECT_EQ(health, HealthResponse::SERVING);
  }

  // ExpectGrounded checks every fact's offsets against the text: inside
  // it, in order, and (for spans that carry text) equal to the slice.
  static void ExpectGrounded(const std::string& text,
                             const v1::ExtractResponse& response) {
    const std::u32string code_points = DecodeUtf8(text);
    const int64_t size = static_cast<int64_t>(code_points.size());
    auto slice = [&code_points](int64_t begin, int64_t end) {
      return EncodeUtf8(std::u32string_view(code_points)
                            .substr(static_cast<size_t>(begin),
                                    static_cast<size_t>(end - begin)));
    };
    for (const v1::Metric& metric : response.metrics()) {
      ASSERT_LE(0, metric.begin());
      ASSERT_LE(metric.begin(), metric.end());
      ASSERT_LE(metric.end(), size);
      EXPECT_EQ(slice(metric.begin(), metric.end()), metric.text());
    }
    for (const v1::DateMention& date : response.dates()) {
      ASSERT_LE(0, date.begin());
      ASSERT_LE(date.begin(), date.end());
      ASSERT_LE(date.end(), size);
      EXPECT_EQ(slice(date.begin(), date.end()), date.text());
    }
    for (const v1::Person& person : response.people()) {
      ASSERT_LE(0, person.begin());
      ASSERT_LE(person.begin(), person.end());
      ASSERT_LE(person.end(), size);
    }
    for (const v1::Report& report : response.reports()) {
      ASSERT_LE(0, report.begin());
      ASSERT_LE(report.begin(), report.end());
      ASSERT_LE(report.end(), size);
    }
  }
};

// NumberList is a document of `count` numbers with units, the input that
// makes the core do the most work per byte.
std::string NumberList(int count) {
  std::string numbers;
  for (int i = 0; i < count; ++i) {
    absl::StrAppend(&numbers, i * 7 % 100003, i % 3 == 0 ? "万元，" : "个、");
  }
  return numbers;
}

struct OddInput {
  std::string name;
  std::string text;
};

// Inputs that are valid UTF-8 but nothing like a report. Each must give OK
// with grounded facts (or none).
std::vector<OddInput> OddInputs() {
  using std::string_literals::operator""s;
  std::string controls;
  for (int c = 1; c < 0x20; ++c) controls += static_cast<char>(c);
  controls += "\x7F";
  return {
      {"empty", ""},
      {"nul_bytes",
       "今年完成\0\0投资\0 5\0亿元，增长\0"
       "12%"s},
      {"only_nul", std::string(4096, '\0')},
      {"control_chars", Repeat(controls + "增长12%" + controls, 64 << 10)},
      {"ten_mb_line_no_punctuation", Repeat("全年新增就业岗位共计", 10 << 20)},
      {"hundred_thousand_numbers", NumberList(100000)},
      {"only_digits", Repeat("0123456789", 1 << 20)},
      {"only_ascii_punctuation",
       Repeat("!?.,;:()[]{}<>-_=+*&^%$#@~`'\"/\\|", 1 << 20)},
      {"only_cjk_punctuation",
       Repeat("。，、；：？！“”‘’（）《》【】…—", 1 << 20)},
      {"mixed_scripts",
       Repeat("2023年 GDP 增长5.2%، русский текст 增加 3 千人, ελληνικά "
              "１２３４ 亿元 😀👍🏽 한국어 100 명, "
              "हिन्दी "
              "५०० ",
              1 << 20)},
      {"traditional_characters",
       Repeat("本會全年舉辦協商會議12次，提交提案356件，立案率達到95.6%。"
              "二〇二三年十二月，報告經審議通過。",
              256 << 10)},
      {"combining_marks_and_bidi",
       Repeat("a\u0301\u202E增长\u200D5%\u2066", 256 << 10)},
      {"number_overflow", Repeat(std::string(400, '9') + "亿元，", 1 << 20)},
  };
}

TEST_F(BadInputTest, OddInputGivesGroundedResultInTimeAndServerKeepsServing) {
  for (const OddInput& input : OddInputs()) {
    SCOPED_TRACE(input.name);
    const auto start = Clock::now();
    v1::ExtractResponse response;
    const grpc::Status status = Extract(input.text, &response);
    const int64_t millis = MillisSince(start);
    ASSERT_TRUE(status.ok()) << StatusCodeName(status.error_code()) << ": "
                             << status.error_message();
    EXPECT_LT(millis, kCallBudgetMs);
    ExpectGrounded(input.text, response);
    std::cout << "[ odd input ] " << input.name << ": " << input.text.size()
              << " bytes, " << millis << " ms, " << response.metrics_size()
              << " metrics\n";
    ExpectStillServes();
  }
}

TEST_F(BadInputTest, TimeGrowsLinearlyWithInput) {
  // 8x the input may take at most ~8x the time (with 4x slack for a loaded
  // machine), never the 64x of quadratic work.
  auto time_for = [this](const std::string& text) {
    const auto start = Clock::now();
    v1::ExtractResponse response;
    EXPECT_TRUE(Extract(text, &response).ok());
    return MillisSince(start);
  };
  struct Growth {
    std::string name;
    std::string small;
    std::string large;
  };
  const std::vector<Growth> inputs = {
      {"line_without_punctuation", Repeat("全年新增就业岗位共计", 1 << 20),
       Repeat("全年新增就业岗位共计", 8 << 20)},
      {"numbers", NumberList(10000), NumberList(80000)},
  };
  for (const Growth& input : inputs) {
    SCOPED_TRACE(input.name);
    // The best of two runs each, to damp noise from other processes.
    const int64_t small =
        std::min(time_for(input.small), time_for(input.small));
    const int64_t large =
        std::min(time_for(input.large), time_for(input.large));
    std::cout << "[ linear ] " << input.name << ": " << input.small.size()
              << " bytes " << small << " ms, " << input.large.size()
              << " bytes " << large << " ms\n";
    EXPECT_LT(large, 8 * 4 * small + 2000);
  }
  ExpectStillServes();
}

// INVALID_ARGUMENT, not RESOURCE_EXHAUSTED: that one means "overloaded,
// retry", and the same document would be refused on every retry.
TEST_F(BadInputTest, OverTheDocumentLimitIsInvalidArgumentNamingTheLimit) {
  const int64_t started = server_->Stats().extractions_started;
  v1::ExtractResponse response;
  const std::string text(static_cast<size_t>(kMaxDocBytes) + 1, 'a');
  const grpc::Status status = Extract(text, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(),
              HasSubstr(absl::StrCat(text.size(), " bytes, over the limit of ",
                                     kMaxDocBytes, " bytes")));
  EXPECT_THAT(status.error_message(), HasSubstr("--max_doc_bytes"));
  EXPECT_EQ(server_->Stats().extractions_started, started);
  ExpectStillServes();
}

TEST_F(BadInputTest, TheClientSendsAnOverSizeDocumentOnce) {
  // The client's channel retries RESOURCE_EXHAUSTED and UNAVAILABLE up to
  // 4 times; an over-size document must reach the server exactly once.
  auto stub = v1::FactExtractor::NewStub(cli::MakeChannel(server_->address()));
  const int64_t refused = server_->Stats().rejected_invalid;
  grpc::ClientContext context;
  context.set_deadline(testing::In(kCallBudgetMs));
  v1::ExtractResponse response;
  const grpc::Status status =
      stub->Extract(&context,
                    testing::DocumentRequest(std::string(
                        static_cast<size_t>(kMaxDocBytes) + 1, 'a')),
                    &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(server_->Stats().rejected_invalid, refused + 1);
}

TEST_F(BadInputTest, OverTheTransportCapIsResourceExhausted) {
  v1::ExtractResponse response;
  const grpc::Status status = Extract(
      std::string(static_cast<size_t>(kMaxMessageBytes) * 2, 'a'), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  ExpectStillServes();
}

TEST_F(BadInputTest, InvalidUtf8InsideLongTextNamesTheExactOffset) {
  const std::string prefix = Repeat("报告", 3 << 20);
  const std::vector<std::string> bad = {
      "\xD6\xD0\xCE\xC4", "\xE4\xB8",         "\xED\xA0\x80",
      "\xC0\x80",         "\xF4\x90\x80\x80", std::string("\xFF", 1)};
  for (const std::string& tail : bad) {
    v1::ExtractResponse response;
    const grpc::Status status = Extract(prefix + tail, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(status.error_message(),
                HasSubstr(absl::StrCat("byte offset ", prefix.size(), " ")));
  }
  ExpectStillServes();
}

TEST_F(BadInputTest, UndecodableMessageEndsTheStreamWithInvalidArgument) {
  // A length prefix of 5 with 2 bytes after it: not protobuf.
  const std::string garbage(
      "\x0A\x05"
      "ab",
      4);
  const RawOutcome outcome =
      RawCall(channel_, kExtractStream,
              {EncodedRequest("first", "全年收到提案12件。"), garbage,
               EncodedRequest("third", "全年收到提案13件。")});
  EXPECT_EQ(outcome.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(outcome.status.error_message(), HasSubstr("message 2 "));
  // The document before it is answered; the one after it is never read.
  ASSERT_EQ(outcome.answers.size(), 1u);
  EXPECT_EQ(outcome.answers[0].document_id(), "first");
  EXPECT_GT(outcome.answers[0].metrics_size(), 0);
  ExpectStillServes();
}

TEST_F(BadInputTest, UndecodableUnaryMessageIsInvalidArgument) {
  const RawOutcome outcome = RawCall(channel_, kExtract,
                                     {std::string("\x0A\x05"
                                                  "ab",
                                                  4)});
  EXPECT_EQ(outcome.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(outcome.status.error_message(), HasSubstr("ExtractRequest"));
  ExpectStillServes();
}

TEST_F(BadInputTest, InvalidUtf8IdIsInvalidArgumentAndLogsNothing) {
  const std::string bad_id("ok\xFF", 3);
  ProtobufErrors errors;
  const RawOutcome unary = RawCall(
      channel_, kExtract, {EncodedRequest(bad_id, "全年收到提案12件。")});
  EXPECT_EQ(unary.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(unary.status.error_message(),
              HasSubstr("document id is not valid UTF-8: byte 0xFF at byte "
                        "offset 2 "));
  // On a stream the document fails, the id comes back with U+FFFD, and the
  // stream goes on.
  const RawOutcome stream =
      RawCall(channel_, kExtractStream,
              {EncodedRequest(bad_id, "全年收到提案12件。"),
               EncodedRequest("good", "全年收到提案13件。")});
  EXPECT_TRUE(stream.status.ok()) << stream.status.error_message();
  ASSERT_EQ(stream.answers.size(), 2u);
  for (const v1::ExtractResponse& answer : stream.answers) {
    if (answer.document_id() == "good") {
      EXPECT_EQ(answer.error_code(), 0);
    } else {
      EXPECT_EQ(answer.document_id(), "ok\uFFFD");
      EXPECT_EQ(answer.error_code(),
                static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
    }
  }
  EXPECT_EQ(errors.count(), 0);
}

TEST_F(BadInputTest, CallerVanishingMidStreamCancelsItsWorkAndLeaksNothing) {
  const int64_t started_before = server_->Stats().extractions_started;
  for (int round = 0; round < 3; ++round) {
    grpc::ClientContext context;
    auto stream = stub_->ExtractStream(&context);
    const std::string big = Repeat("全年新增就业岗位共计增长百分之", 2 << 20);
    v1::ExtractRequest request;
    request.mutable_document()->set_text(big);
    for (int i = 0; i < 4; ++i) {
      request.mutable_document()->set_id(absl::StrCat(round, "-", i));
      if (!stream->Write(request)) break;
    }
    // Vanish while documents are queued or running: no WritesDone, no
    // reading, just cancel.
    ASSERT_TRUE(testing::WaitUntil(
        [] { return server_->Stats().in_flight > 0; }, 20000));
    context.TryCancel();
    stream->Finish().IgnoreError();
  }
  EXPECT_TRUE(testing::WaitUntil(
      [] {
        const ServiceStats stats = server_->Stats();
        return stats.in_flight == 0 &&
               stats.extractions_finished == stats.extractions_started;
      },
      30000));
  // Cancelled streams stopped early: far fewer than the 12 documents sent
  // ran to completion on 2 workers.
  EXPECT_LT(server_->Stats().extractions_started - started_before, 12);
  ExpectStillServes();
}

TEST_F(BadInputTest, DeadlineOnAWorstCaseDocumentStopsTheCorePromptly) {
  const std::string text = NumberList(100000);
  const auto start = Clock::now();
  v1::ExtractResponse response;
  const grpc::Status status = Extract(text, &response, 50);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_LT(MillisSince(start), 2000);
  // The core noticed and stopped: nothing is left running.
  EXPECT_TRUE(
      testing::WaitUntil([] { return server_->Stats().in_flight == 0; }, 2000));
  ExpectStillServes();
}

TEST_F(BadInputTest, SameInputOnFourThreadsGivesIdenticalResponses) {
  const std::string text = ReadFile(REPORTFACTS_SAMPLE);
  v1::ExtractResponse first;
  ASSERT_TRUE(Extract(text, &first).ok());
  const std::string expected = first.SerializeAsString();
  std::atomic<int> identical{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 250; ++i) {
        v1::ExtractResponse response;
        if (Extract(text, &response).ok() &&
            response.SerializeAsString() == expected) {
          ++identical;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(identical.load(), 1000);
}

}  // namespace
}  // namespace reportfacts
