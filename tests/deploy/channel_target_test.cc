// ChannelTarget: the --server forms the client accepts for scaling out, and
// the service config every channel carries.
#include <string>

#include "client/rpc.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace reportfacts::cli {
namespace {

using ::testing::HasSubstr;

TEST(ChannelTargetTest, PassesSingleAddressesAndUrisThrough) {
  for (const std::string server :
       {"127.0.0.1:50051", "localhost:50051", "[::1]:50051",
        "dns:///reportfacts-headless.prod:50051",
        "ipv4:127.0.0.1:1,127.0.0.1:2", "unix:/run/reportfacts.sock"}) {
    absl::StatusOr<std::string> target = ChannelTarget(server);
    ASSERT_TRUE(target.ok()) << server << ": " << target.status();
    EXPECT_EQ(*target, server);
  }
}

TEST(ChannelTargetTest, TurnsAnIpv4ListIntoAnIpv4Target) {
  absl::StatusOr<std::string> target =
      ChannelTarget("127.0.0.1:7001, 127.0.0.2:7002 ,10.0.0.3:50051");
  ASSERT_TRUE(target.ok()) << target.status();
  EXPECT_EQ(*target, "ipv4:127.0.0.1:7001,127.0.0.2:7002,10.0.0.3:50051");
}

TEST(ChannelTargetTest, TurnsAnIpv6ListIntoAnIpv6Target) {
  absl::StatusOr<std::string> target = ChannelTarget("[::1]:1,[fe80::2]:2");
  ASSERT_TRUE(target.ok()) << target.status();
  EXPECT_EQ(*target, "ipv6:[::1]:1,[fe80::2]:2");
}

TEST(ChannelTargetTest, RefusesListsItCannotExpress) {
  struct Case {
    std::string server;
    std::string says;
  };
  for (const Case& bad : {
           Case{"localhost:1,127.0.0.1:2", "dns:///"},
           Case{"127.0.0.1:1,[::1]:2", "mixes IPv4 and IPv6"},
           Case{"127.0.0.1:0,127.0.0.1:2", "not IP:PORT"},
           Case{"127.0.0.1:70000,127.0.0.1:2", "not IP:PORT"},
           Case{"127.0.0.1,127.0.0.1:2", "not IP:PORT"},
           Case{"127.0.0.1:1,,127.0.0.1:2", "not IP:PORT"},
           Case{"::1:5,::1:6", "not IP:PORT"},
       }) {
    absl::StatusOr<std::string> target = ChannelTarget(bad.server);
    ASSERT_FALSE(target.ok()) << bad.server << " gave " << *target;
    EXPECT_EQ(target.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(target.status().message()), HasSubstr(bad.says))
        << bad.server;
  }
}

TEST(ServiceConfigTest, RoundRobinWithRetriesOfTheRetryableCodes) {
  const nlohmann::json config = nlohmann::json::parse(kServiceConfigJson);
  EXPECT_EQ(config["loadBalancingConfig"][0].count("round_robin"), 1u);
  const nlohmann::json& method = config["methodConfig"][0];
  EXPECT_EQ(method["name"][0]["service"], "reportfacts.v1.FactExtractor");
  const nlohmann::json& retry = method["retryPolicy"];
  EXPECT_GE(retry["maxAttempts"].get<int>(), 2);
  EXPECT_LE(retry["maxAttempts"].get<int>(), 5);  // gRPC's own cap
  EXPECT_GT(retry["backoffMultiplier"].get<double>(), 1.0);
  EXPECT_EQ(retry["retryableStatusCodes"],
            nlohmann::json({"UNAVAILABLE", "RESOURCE_EXHAUSTED"}));
  EXPECT_TRUE(config.contains("retryThrottling"));
}

}  // namespace
}  // namespace reportfacts::cli
