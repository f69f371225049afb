#include "service/core/taxonomy.h"

#include <cstdio>
#include <string>

#include "gtest/gtest.h"

namespace reportfacts {
namespace {

std::string WriteFile(const std::string& name, const std::string& body) {
  const std::string path = ::testing::TempDir() + "/" + name;
  FILE* f = std::fopen(path.c_str(), "w");
  std::fputs(body.c_str(), f);
  std::fclose(f);
  return path;
}

TEST(Taxonomy, FirstMatchingRuleWins) {
  const std::string path =
      WriteFile("tax_ok.tsv",
                "# comment\n"
                "indicator\tproposals.registered\taccepted\n"
                "indicator\tproposals.submitted\tsubmitted\n"
                "indicator\tpeople_served\tserved\n"
                "rule\tproposals.registered\t提案\t立案\t件\n"
                "rule\tproposals.submitted\t提案\t*\t件\n"
                "rule\tpeople_served\t-\t服务\t人次\n");
  auto taxonomy = Taxonomy::Load(path);
  ASSERT_TRUE(taxonomy.ok()) << taxonomy.status();
  EXPECT_EQ(taxonomy->Classify(U"提案", U"立案", U"件"),
            "proposals.registered");
  EXPECT_EQ(taxonomy->Classify(U"重点提案", U"征集", U"件"),
            "proposals.submitted");
  EXPECT_EQ(taxonomy->Classify(U"提案", U"立案", U"篇"), "other");
  EXPECT_EQ(taxonomy->Classify(U"", U"联系服务", U"人次"), "people_served");
  // "-" requires an empty object.
  EXPECT_EQ(taxonomy->Classify(U"群众", U"联系服务", U"人次"), "other");
  // "other" is always listed.
  EXPECT_EQ(taxonomy->indicators().back().id, "other");
}

TEST(Taxonomy, AnalystAddsAnIndicatorWithoutCode) {
  const std::string path =
      WriteFile("tax_new.tsv",
                "indicator\tvolunteers.count\tvolunteers\n"
                "rule\tvolunteers.count\t志愿者\t*\t名|人\n");
  auto taxonomy = Taxonomy::Load(path);
  ASSERT_TRUE(taxonomy.ok()) << taxonomy.status();
  EXPECT_EQ(taxonomy->Classify(U"志愿者", U"招募", U"名"), "volunteers.count");
}

TEST(Taxonomy, ErrorsNameFileAndLine) {
  auto bad = Taxonomy::Load(WriteFile(
      "tax_bad1.tsv", "indicator\ta\tx\nrule\tundeclared\t*\t*\t*\n"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(std::string(bad.status().message()).find("tax_bad1.tsv:2"),
            std::string::npos);
  bad = Taxonomy::Load(WriteFile("tax_bad2.tsv", "indicator\ta\tx\nfoo\n"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(std::string(bad.status().message()).find("tax_bad2.tsv:2"),
            std::string::npos);
  bad = Taxonomy::Load(
      WriteFile("tax_bad3.tsv", "indicator\ta\tx\nindicator\ta\ty\n"));
  ASSERT_FALSE(bad.ok());
  EXPECT_FALSE(Taxonomy::Load("/nonexistent/taxonomy.tsv").ok());
}

TEST(Taxonomy, ShippedFileLoadsAndCoversTheGuide) {
  auto taxonomy =
      Taxonomy::Load(std::string(REPORTFACTS_DATA_DIR) + "/taxonomy.tsv");
  ASSERT_TRUE(taxonomy.ok()) << taxonomy.status();
  EXPECT_EQ(taxonomy->indicators().size(), 26u);
  EXPECT_EQ(taxonomy->Classify(U"满意率", U"达到", U"%"),
            "proposals.satisfaction_rate");
  EXPECT_EQ(taxonomy->Classify(U"社情民意信息", U"编报", U"篇"),
            "sentiment_info.submitted");
}

}  // namespace
}  // namespace reportfacts
