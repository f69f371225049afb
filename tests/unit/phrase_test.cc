// Each rule of phrase.cc with its own positive and negative examples,
// against the tiny dictionary in tests/testdata/lexicon_min (not the
// production word lists). The sentences are invented for the rule.
#include "service/core/phrase.h"

#include <initializer_list>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "service/core/chars.h"
#include "service/core/phrase_internal.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

const std::string kLexiconMin =
    std::string(REPORTFACTS_DATA_DIR) + "/../../tests/testdata/lexicon_min";

// Mentions finds every ASCII digit run with the one character after it as
// its unit (件, 次, %) and its value, enough for these sentences.
std::vector<NumberMention> Mentions(std::u32string_view text) {
  std::vector<NumberMention> out;
  for (size_t i = 0; i < text.size();) {
    if (!IsDigit(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    NumberMention m;
    while (j < text.size() && IsDigit(text[j])) {
      m.value = m.value * 10 + static_cast<double>(text[j] - U'0');
      ++j;
    }
    m.begin = m.qualifier_begin = i;
    m.end = m.unit_begin = j;
    m.unit_end = m.mention_end = std::min(j + 1, text.size());
    m.unit = std::u32string(text.substr(j, m.unit_end - j));
    out.push_back(m);
    i = m.mention_end;
  }
  return out;
}

class PhraseRules : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto dict = Dictionary::Load(kLexiconMin + "/dict.txt",
                                 {kLexiconMin + "/genre.tsv"});
    ASSERT_TRUE(dict.ok()) << dict.status();
    dict_ = new Dictionary(*std::move(dict));
  }
  static void TearDownTestSuite() { delete dict_; }

  std::vector<MetricPhrase> Read(std::u32string_view text) {
    PhraseLexicon lex;
    lex.dictionary = dict_;
    return AnalysePhrases(text, Mentions(text), lex);
  }
  static Dictionary* dict_;
};
Dictionary* PhraseRules::dict_ = nullptr;

struct Want {
  std::u32string text;
  size_t index;  // which number of the text
  std::string object;
  std::string action;
  std::string rule;
};

void Check(const std::vector<MetricPhrase>& got, const Want& w) {
  ASSERT_LT(w.index, got.size()) << EncodeUtf8(w.text);
  const MetricPhrase& p = got[w.index];
  EXPECT_EQ(EncodeUtf8(p.object), w.object) << EncodeUtf8(w.text);
  EXPECT_EQ(EncodeUtf8(p.action), w.action) << EncodeUtf8(w.text);
  if (!w.rule.empty()) {
    EXPECT_EQ(p.rule, w.rule) << EncodeUtf8(w.text);
  }
}

TEST_F(PhraseRules, VerbObjectNumber) {
  for (const Want& w : std::vector<Want>{
           {U"收到集体提案120件。", 0, "集体提案", "收到",
            "verb_object_number"},
           // Time, quantity and agent words are not part of the object.
           {U"全年收到提案120件。", 0, "提案", "收到", "verb_object_number"},
           {U"市政协收到来信80封。", 0, "来信", "收到", "verb_object_number"},
       }) {
    Check(Read(w.text), w);
  }
  // Negative: a time word alone names nothing, nor a phrase ending in a
  // time or locality word (it says when).
  Check(Read(U"年度120件。"), {U"", 0, "", "", ""});
  EXPECT_EQ(Read(U"活动期间收到120件。")[0].object, U"");
  EXPECT_EQ(Read(U"活动期间收到提案120件。")[0].object, U"提案");
}

TEST_F(PhraseRules, NumberMeasureNoun) {
  Check(Read(U"委员提出45条建议。"),
        {U"", 0, "建议", "提出", "number_measure_noun"});
  Check(Read(U"提出12条意见，"), {U"", 0, "意见", "提出", ""});
  // Negative: nothing after the measure word.
  const auto got = Read(U"提出45条。");
  EXPECT_EQ(got[0].object, U"");
  EXPECT_EQ(got[0].action, U"提出");
}

TEST_F(PhraseRules, NounVerbNumber) {
  Check(Read(U"提案立案110件。"), {U"", 0, "提案", "立案", "noun_verb_number"});
  Check(Read(U"来信办结75封。"), {U"", 0, "来信", "办结", "noun_verb_number"});
  // Negative: who acts is the subject, not the object.
  Check(Read(U"市政协立案110件。"), {U"", 0, "", "立案", "noun_verb_number"});
}

TEST_F(PhraseRules, CarryOverWithinTheSentence) {
  const auto got = Read(U"收到提案120件，立案110件，办复105件。");
  Check(got, {U"", 1, "提案", "立案", "carry_over"});
  Check(got, {U"", 2, "提案", "办复", "carry_over"});
  // The next sentence of the same paragraph goes on about it.
  Check(Read(U"收到提案120件。经审查，立案110件。"),
        {U"", 1, "提案", "立案", "carry_over"});
  // A count of another unit between them counts something else and is
  // passed over within the sentence.
  Check(Read(U"开展项目16个，资金3亿元，签约8个。"),
        {U"", 2, "项目", "签约", "carry_over"});
  // The sentence after a part goes on about the whole set; inside the
  // part's sentence the part goes on.
  Check(Read(U"收到提案120件，其中集体提案20件。办复100件。"),
        {U"", 2, "提案", "办复", "carry_over"});
  EXPECT_EQ(Read(U"收到提案120件，其中集体提案20件，办复15件。")[2].object,
            U"集体提案");
  // Negative: not over it into the sentence before.
  EXPECT_EQ(Read(U"开展项目16个。资金3亿元，签约8个。")[2].object, U"");
  // Negative: not across a paragraph, not to another unit.
  EXPECT_EQ(Read(U"收到提案120件。\n立案110件。")[1].object, U"");
  EXPECT_EQ(Read(U"收到提案120件，立案110封。")[1].object, U"");
}

TEST_F(PhraseRules, ListSharesItsVerb) {
  const auto got = Read(U"召开常委会议3次、主席会议8次。");
  Check(got, {U"", 0, "常委会议", "召开", ""});
  Check(got, {U"", 1, "主席会议", "召开", ""});
  // Over a comma too, for an item counting in the same measure.
  Check(Read(U"召开常委会议3次，主席会议8次。"),
        {U"", 1, "主席会议", "召开", ""});
  // Negative: a new sentence starts without the verb; over a comma, a
  // count in another measure is a clause of its own.
  EXPECT_EQ(Read(U"召开常委会议3次。主席会议8次。")[1].action, U"");
  EXPECT_EQ(Read(U"召开常委会议3次，主席会议8场。")[1].action, U"");
}

TEST_F(PhraseRules, EnumerationBeforeTheCount) {
  Check(Read(U"开展调研、视察等12项活动。"), {U"", 0, "活动", "开展", "list"});
}

TEST_F(PhraseRules, ShareAndRate) {
  auto got = Read(U"收到提案120件，占提案总数的4%。");
  EXPECT_EQ(got[1].frame, Frame::kShare);
  Check(got, {U"", 1, "提案总数", "占", "share"});
  // A share with no object of its own is the share of the count before.
  got = Read(U"收到集体提案20件，占15%。");
  Check(got, {U"", 1, "集体提案", "占", "share"});
  got = Read(U"立案率96%。");
  EXPECT_EQ(got[0].frame, Frame::kRate);
  Check(got, {U"", 0, "立案率", "", "rate"});
  // A verb before a noun after 占 modifies it.
  got = Read(U"办结来信50封，占立案来信的20%。");
  Check(got, {U"", 1, "立案来信", "占", "share"});
  // Negative: a verb that governs the clause after 占 makes it no share.
  EXPECT_NE(Read(U"占来信立案20%。")[0].rule, std::string("share"));
  // A share of a state named before 的 is the share of that state.
  got = Read(U"所提建议得到解决或部分解决的占84%。");
  Check(got, {U"", 0, "解决或部分解决", "占", "share"});
  // A copula in place of 占 links the state to its share; the link is no
  // action.
  got = Read(U"所提建议得到解决或部分解决的达84%。");
  EXPECT_EQ(got[0].frame, Frame::kShare);
  Check(got, {U"", 0, "解决或部分解决", "", "share"});
  Check(Read(U"所提建议得到解决的为84%。"), {U"", 0, "解决", "", "share"});
  // Negative: no state before 的 (a noun), no share.
  EXPECT_NE(Read(U"其中女性委员的达30%。")[0].rule, std::string("share"));
  // Nothing after 占: the part named before it has the share.
  Check(Read(U"在委员中，群众占42%。"), {U"", 0, "群众", "占", "share"});
  // Negative: nothing named, nothing read.
  EXPECT_EQ(Read(U"占84%。")[0].object, U"");
  // Negative: a percentage with neither 占 nor a rate word is a count.
  EXPECT_EQ(Read(U"收到提案增长12%。")[0].frame, Frame::kCount);
}

TEST_F(PhraseRules, SharesOfOneBase) {
  // The shares of a breakdown are of the base the first one names.
  auto got = Read(U"集体提案20件，占提案总数的10%；委员提案180件，占90%。");
  Check(got, {U"", 1, "提案总数", "占", "share"});
  Check(got, {U"", 3, "提案总数", "占", "share"});
  // Negative: a new period has no base; the count before has the share.
  got = Read(U"收到提案200件，占提案总数的10%。集体提案20件，占15%。");
  Check(got, {U"", 3, "集体提案", "占", "share"});
  // Negative: with no base named, each share is of its own count.
  got = Read(U"集体提案20件，占10%；委员提案180件，占90%。");
  Check(got, {U"", 3, "委员提案", "占", "share"});
}

TEST_F(PhraseRules, QizhongMakesSubCounts) {
  const auto got = Read(U"收到提案120件，其中集体提案20件、委员提案100件。");
  EXPECT_EQ(got[0].set_mention, -1);
  EXPECT_EQ(got[1].set_mention, 0);
  EXPECT_EQ(got[2].set_mention, 0);
  // A part naming its kind without a verb has no action (its set gives
  // it the indicator); one with a verb of its own keeps it.
  EXPECT_EQ(got[1].action, U"");
  EXPECT_EQ(Read(U"收到提案120件，其中立案集体提案20件。")[1].action, U"立案");
  // 其中 opening the next sentence splits the count that closed the one
  // before; a share between them is not the set.
  EXPECT_EQ(Read(U"收到提案120件。其中集体提案20件。")[1].set_mention, 0);
  // So does 其中 opening the next paragraph; a blank line parts them.
  EXPECT_EQ(Read(U"收到提案120件。\n其中集体提案20件。")[1].set_mention, 0);
  EXPECT_EQ(Read(U"收到提案120件。\n\n其中集体提案20件。")[1].set_mention, -1);
  EXPECT_EQ(Read(U"立案110件，占90%。其中集体提案20件。")[2].set_mention, 0);
  // A line break that only wraps a line (PDF text) does not end the
  // period 其中 reaches over; a paragraph break does.
  EXPECT_EQ(
      Read(U"立案130件，其中集体提案20件、委员\n提案110件。")[2].set_mention,
      0);
  EXPECT_EQ(
      Read(U"立案130件，其中集体提案20件。\n\n委员提案90件。")[2].set_mention,
      -1);
  // Nor is a rate: the count it is the rate of is.
  EXPECT_EQ(Read(U"立案130件，立案率95%。其中集体提案20件。")[2].set_mention,
            0);
  // A part that names nothing counts what its set counts (its state read
  // by the rule "state").
  Check(Read(U"收到提案120件，占40%，其中立案的110件。"),
        {U"", 2, "提案", "立案", "state"});
  Check(Read(U"收到提案120件，其中20件。"),
        {U"", 1, "提案", "收到", "set_part"});
  // A part counted in another measure of written pieces (期, 篇) is still
  // one of the set's texts.
  EXPECT_EQ(Read(U"收到信息120期，其中20篇。")[1].object, U"信息");
  // Negative: a part in a measure of another kind counts something else.
  EXPECT_EQ(Read(U"收到信息120期，其中20人。")[1].object, U"");
  // A sentence opening with 其中 after a sentence that counts nothing
  // splits the last count of the paragraph; without 其中 it does not.
  EXPECT_EQ(Read(U"立案110件。提案涉及经济。其中集体提案20件。")[1].set_mention,
            0);
  EXPECT_EQ(Read(U"立案110件。提案涉及经济。集体提案20件。")[1].set_mention,
            -1);
  EXPECT_EQ(
      Read(U"立案110件。\n提案涉及经济。其中集体提案20件。")[1].set_mention,
      -1);
  // A clause without a number right before 其中 names the set it splits,
  // in words; a clause that names no verb does not.
  const auto stated =
      Read(U"收到提案120件。提案办复，其中集体提案20件、委员提案90件。");
  EXPECT_EQ(stated[1].set_mention, -1);
  EXPECT_EQ(stated[1].set_object, U"提案");
  EXPECT_EQ(stated[1].set_action, U"办复");
  EXPECT_EQ(stated[2].set_action, U"办复");
  EXPECT_EQ(Read(U"收到提案120件，提案经济，其中集体提案20件。")[1].set_mention,
            0);
  // A list announced by 其中： goes on over the line breaks after the colon
  // and after each item's semicolon.
  const auto listed =
      Read(U"收到提案120件，其中：\n集体提案20件；\n委员提案100件。");
  EXPECT_EQ(listed[1].set_mention, 0);
  EXPECT_EQ(listed[2].set_mention, 0);
  // A bare topic breaks down the count before it, and names no step: it
  // takes no verb from a set named by a number.
  const auto topics = Read(U"收到提案120件。城乡建设方面80件，医疗方面40件。");
  EXPECT_EQ(topics[1].set_mention, 0);
  EXPECT_EQ(topics[2].set_mention, 0);
  EXPECT_EQ(topics[1].action, U"");
  // Negative: not across a paragraph, not to another unit.
  EXPECT_EQ(Read(U"收到提案120件。\n城乡建设方面80件。")[1].set_mention, -1);
  EXPECT_EQ(Read(U"收到提案120件。城乡建设方面80次。")[1].set_mention, -1);
  // Negative: (其中…) ends at its bracket; not across a blank line (其中
  // opening the very next paragraph has no other count to split: see
  // QizhongMakesSubCounts).
  EXPECT_EQ(Read(U"立案110件（其中集体提案5件），办复100件。")[2].set_mention,
            -1);
  EXPECT_EQ(Read(U"收到提案120件。\n\n其中集体提案20件。")[1].set_mention, -1);
  // Negative: without 其中 a list is no split; the frame ends at 。.
  EXPECT_EQ(Read(U"收到提案120件，委员提案100件。")[1].set_mention, -1);
  EXPECT_EQ(Read(U"收到提案120件，其中集体提案20件。来信80封。")[2].set_mention,
            -1);
}

TEST(RateRule, OneCharacterLinkIsNoAction) {
  const Dictionary dict = Dictionary::FromWords({{U"满意率", "n", 10},
                                                 {U"达", "v", 10},
                                                 {U"达到", "v", 10},
                                                 {U"提高", "v", 10}});
  PhraseLexicon lex;
  lex.dictionary = &dict;
  auto read = [&](std::u32string_view text) {
    return AnalysePhrases(text, Mentions(text), lex)[0];
  };
  EXPECT_EQ(read(U"满意率达98%").action, U"");
  EXPECT_EQ(read(U"满意率达98%").frame, Frame::kRate);
  // Negative: a verb of two characters, or one that says a change, acts.
  EXPECT_EQ(read(U"满意率达到98%").action, U"达到");
  EXPECT_EQ(read(U"满意率提高5%").action, U"提高");
}

TEST(RateRule, RateOfTwoDeedsTakesTheVerbBefore) {
  const Dictionary dict = Dictionary::FromWords({{U"走访", "v", 10},
                                                 {U"见面", "v", 10},
                                                 {U"率", "v", 10},
                                                 {U"提高", "v", 10},
                                                 {U"到位率", "n", 10},
                                                 {U"办事", "v", 10}});
  PhraseLexicon lex;
  lex.dictionary = &dict;
  auto read = [&](std::u32string_view text) {
    return AnalysePhrases(text, Mentions(text), lex)[0];
  };
  // 见面 + 率 is a rate of meeting; the visit before is how they met.
  EXPECT_EQ(read(U"走访见面率为97%").object, U"走访见面率");
  EXPECT_EQ(read(U"走访见面率为97%").frame, Frame::kRate);
  // 率 after a verb is no verb of its own: the rate keeps its name.
  EXPECT_EQ(read(U"见面率96%").object, U"见面率");
  // Negative: a verb that acts on the rate stays out of it.
  EXPECT_EQ(read(U"提高到位率5%").object, U"到位率");
  // Negative: a rate word of its own (到位率) takes no verb in.
  EXPECT_EQ(read(U"接待办事到位率96%").object, U"到位率");
}

TEST(CombinedReadingOwnWords, MeetingNamedByItsBusiness) {
  const Dictionary dict = Dictionary::FromWords({{U"召开", "v", 10},
                                                 {U"民生项目", "n", 10},
                                                 {U"推进", "v", 10},
                                                 {U"交流会", "n", 10},
                                                 {U"会", "n", 10},
                                                 {U"商会", "n", 10},
                                                 {U"组建", "v", 10},
                                                 {U"企业", "n", 10},
                                                 {U"代表团", "n", 10},
                                                 {U"出席", "v", 10},
                                                 {U"市政协", "agent", 10}});
  PhraseLexicon lex;
  lex.dictionary = &dict;
  lex.actions.Add(U"召开");
  lex.actions.Add(U"推进");
  lex.actions.Add(U"组建");
  lex.actions.Add(U"出席");
  lex.nouns.Add(U"会");
  lex.nouns.Add(U"交流会");
  lex.nouns.Add(U"商会");
  auto read = [&](std::u32string_view text) {
    return AnalysePhrases(text, Mentions(text), lex)[0];
  };
  // The verb between the business and the meeting names the meeting; the
  // verb before them holds it.
  EXPECT_EQ(read(U"召开民生项目推进会3次。").object, U"民生项目推进会");
  EXPECT_EQ(read(U"召开民生项目推进会3次。").action, U"召开");
  EXPECT_EQ(read(U"召开民生项目推进交流会2次。").object, U"民生项目推进交流会");
  // Negative: a body called 商会 is no meeting, and the verb is the deed.
  EXPECT_EQ(read(U"企业组建商会3个。").object, U"商会");
  // Negative: a verb of attending stays the action.
  EXPECT_EQ(read(U"代表团出席交流会2次。").object, U"交流会");
  EXPECT_EQ(read(U"代表团出席交流会2次。").action, U"出席");
  // Negative: who acts is no business (市政协 + 召开 + 会).
  EXPECT_EQ(read(U"市政协推进会3次。").object, U"会");
}

TEST(CombinedReadingOwnWords, TimesBeforeTheDeedItCounts) {
  const Dictionary dict = Dictionary::FromWords(
      {{U"县政协", "agent", 10}, {U"委员", "n", 10}, {U"先后", "d", 10},
       {U"到", "v", 10},         {U"赴", "v", 10},   {U"在", "p", 10},
       {U"向", "p", 10},         {U"对", "p", 10},   {U"乡镇", "n", 10},
       {U"农场", "n", 10},       {U"年会", "n", 10}, {U"上", "f", 10},
       {U"县委", "agent", 10},   {U"走访", "v", 10}, {U"察看", "vn", 10},
       {U"交流", "v", 10},       {U"作", "v", 10},   {U"作出", "v", 10},
       {U"书面", "n", 10},       {U"汇报", "v", 10}, {U"呈送", "v", 10},
       {U"建议书", "n", 10},     {U"批复", "v", 10}, {U"方案", "n", 10},
       {U"召开", "v", 10},       {U"会议", "n", 10}});
  PhraseLexicon lex;
  lex.dictionary = &dict;
  for (const char32_t* verb : {U"走访", U"交流", U"作", U"呈送", U"召开"}) {
    lex.actions.Add(verb);
  }
  lex.nouns.Add(U"会议");
  auto read = [&](std::u32string_view text) {
    return AnalysePhrases(text, Mentions(text), lex)[0];
  };
  // A place after the count: the deed after the place is counted, and the
  // place is no object.
  EXPECT_EQ(read(U"县政协先后4次到乡镇走访。").action, U"走访");
  EXPECT_EQ(read(U"县政协先后4次到乡镇走访。").object, U"");
  // A verb used as a noun with a verb after it opens the deed.
  EXPECT_EQ(read(U"委员3次赴农场察看交流。").action, U"察看交流");
  // The object follows the deed, its head a verb used as a noun.
  EXPECT_EQ(read(U"委员2次在年会上作书面汇报。").object, U"书面汇报");
  EXPECT_EQ(read(U"委员2次在年会上作书面汇报。").action, U"作");
  EXPECT_EQ(read(U"县政协5次向县委呈送建议书。").object, U"建议书");
  // After 对 the coverb's phrase is what the deed is about; a light verb
  // carries the deed after it.
  EXPECT_EQ(read(U"县委3次对方案作出批复。").object, U"方案");
  EXPECT_EQ(read(U"县委3次对方案作出批复。").action, U"批复");
  // Negative: a noun before the count is what is counted (召开会议3次).
  EXPECT_EQ(read(U"召开会议3次到乡镇走访。").object, U"会议");
  EXPECT_EQ(read(U"召开会议3次到乡镇走访。").action, U"召开");
}

TEST(CombinedReadingOwnWords, AQuotedNameIsOneNoun) {
  const Dictionary dict = Dictionary::FromWords({{U"举办", "v", 10},
                                                 {U"走访", "v", 10},
                                                 {U"乡亲", "n", 10},
                                                 {U"活动", "n", 10},
                                                 {U"日", "n", 10}});
  PhraseLexicon lex;
  lex.dictionary = &dict;
  lex.actions.Add(U"举办");
  lex.actions.Add(U"走访");
  lex.nouns.Add(U"活动");
  auto read = [&](std::u32string_view text) {
    return AnalysePhrases(text, Mentions(text), lex)[0];
  };
  // The verb inside the name is no deed: the verb before the name is.
  EXPECT_EQ(read(U"举办“走访乡亲日”活动9场。").action, U"举办");
  // (Read before as the verb 走访 and the rest of the name after it.)
  EXPECT_NE(read(U"举办“走访乡亲日”活动9场。").object, U"乡亲日活动");
  // Negative: without quote marks the verb is read as one.
  EXPECT_EQ(read(U"举办活动后走访乡亲9次。").action, U"走访");
}

TEST(CombinedReadingOwnWords, AVerbBeforeDayWeekOrMonthNamesATime) {
  const Dictionary dict = Dictionary::FromWords({{U"举办", "v", 10},
                                                 {U"宣传", "v", 10},
                                                 {U"活动", "n", 10},
                                                 {U"法治", "n", 10},
                                                 {U"材料", "n", 10}});
  PhraseLexicon lex;
  lex.dictionary = &dict;
  lex.actions.Add(U"举办");
  lex.actions.Add(U"宣传");
  lex.nouns.Add(U"活动");
  lex.nouns.Add(U"材料");
  auto read = [&](std::u32string_view text) {
    return AnalysePhrases(text, Mentions(text), lex)[0];
  };
  // 宣传日, 宣传周, 宣传月 are days and weeks: the holding verb is the deed.
  EXPECT_EQ(read(U"举办法治宣传日活动6次。").action, U"举办");
  EXPECT_EQ(read(U"举办法治宣传周活动2次。").action, U"举办");
  EXPECT_EQ(read(U"举办法治宣传月活动1次。").action, U"举办");
  // Negative: before a noun the verb stays the deed.
  EXPECT_EQ(read(U"举办活动后宣传材料9次。").action, U"宣传");
}

TEST(CombinedReadingOwnWords, VerbAndHouIsATime) {
  // 合并后 is "after merging", a time, no thing: the rules' reading (the
  // object carried from the count before) stands.
  const Dictionary dict = Dictionary::FromWords({{U"收到", "v", 10},
                                                 {U"提案", "n", 10},
                                                 {U"合并", "v", 10},
                                                 {U"后", "f", 10}});
  PhraseLexicon lex;
  lex.dictionary = &dict;
  lex.actions.Add(U"收到");
  lex.nouns.Add(U"提案");
  const std::u32string text = U"收到提案20件，合并后15件。";
  const auto got = AnalysePhrases(text, Mentions(text), lex);
  EXPECT_EQ(got[1].object, U"提案");
  EXPECT_EQ(got[1].action, U"合并");
  // Negative: right after the listed verb, a verb is its object.
  lex.nouns.Add(U"x");
  const std::u32string governed = U"收到合并15件。";
  EXPECT_EQ(AnalysePhrases(governed, Mentions(governed), lex)[0].object,
            U"合并");
}

TEST(CombinedReadingOwnWords, TheCountsVerbIsNotAlsoItsObject) {
  // A verb the word lists do not know reads as the object; where the
  // rules read it as the verb, the object is carried from the count before.
  const Dictionary dict = Dictionary::FromWords({{U"收到", "v", 10},
                                                 {U"提案", "n", 10},
                                                 {U"待定", "v", 10},
                                                 {U"，", "x", 10}});
  PhraseLexicon lex;
  lex.dictionary = &dict;
  lex.actions.Add(U"收到");
  lex.nouns.Add(U"提案");
  const std::u32string text = U"收到提案20件，待定5件。";
  const auto got = AnalysePhrases(text, Mentions(text), lex);
  EXPECT_EQ(got[1].object, U"提案");
  EXPECT_EQ(got[1].action, U"待定");
  // Negative: right after the listed verb, a verb is its object.
  const std::u32string governed = U"收到待定5件。";
  EXPECT_EQ(AnalysePhrases(governed, Mentions(governed), lex)[0].object,
            U"待定");
}

TEST(CombinedReadingOwnWords, ObjectDoesNotRunIntoTheNextWord) {
  // A lone character after the noun is the next word's (全 + 覆盖).
  const Dictionary dict = Dictionary::FromWords({{U"建成", "v", 10},
                                                 {U"站点", "n", 10},
                                                 {U"议事", "vn", 10},
                                                 {U"全", "d", 10},
                                                 {U"覆盖", "v", 10}});
  PhraseLexicon lex;
  lex.dictionary = &dict;
  lex.actions.Add(U"建成");
  lex.actions.Add(U"覆盖");
  lex.nouns.Add(U"站点");
  const std::u32string text = U"建成12个议事站点全覆盖。";
  EXPECT_EQ(AnalysePhrases(text, Mentions(text), lex)[0].object, U"议事站点");
}

TEST(CombinedReadingOwnWords, PivotPassesToTheDeed) {
  // 组织 + people + a deed: the people do what is counted.
  const Dictionary dict = Dictionary::FromWords({{U"组织", "v", 10},
                                                 {U"动员", "v", 10},
                                                 {U"委员", "n", 10},
                                                 {U"干部", "n", 10},
                                                 {U"和", "c", 10},
                                                 {U"提交", "v", 10},
                                                 {U"捐款", "v", 10},
                                                 {U"建议", "n", 10},
                                                 {U"观摩", "v", 10},
                                                 {U"研讨", "vn", 10},
                                                 {U"座谈会", "n", 10},
                                                 {U"召开", "v", 10},
                                                 {U"，", "x", 10},
                                                 {U"。", "x", 10},
                                                 {U"等", "u", 10},
                                                 {U"社区", "n", 10},
                                                 {U"养老", "vn", 10}});
  PhraseLexicon lex;
  lex.dictionary = &dict;
  for (std::u32string_view v : {U"组织", U"动员", U"提交", U"召开"}) {
    lex.actions.Add(v);
  }
  lex.nouns.Add(U"建议");
  const auto action = [&](std::u32string_view text, size_t i) {
    return EncodeUtf8(AnalysePhrases(text, Mentions(text), lex)[i].action);
  };
  EXPECT_EQ(action(U"组织委员提交社区养老等建议12条。", 0), "提交");
  EXPECT_EQ(action(U"动员委员和干部捐款3万元。", 0), "捐款");
  // Negative: the people counted themselves keep the pivot; a deed that
  // runs up to the count is the event held; a pivot with no people after
  // it, or a verb after a thing, is left alone.
  EXPECT_EQ(action(U"组织20名委员提交建议。", 0), "组织");
  EXPECT_EQ(action(U"组织委员和干部观摩研讨6场。", 0), "组织");
  EXPECT_EQ(action(U"组织召开座谈会3次。", 0), "召开");
  EXPECT_EQ(action(U"召开座谈会3次。", 0), "召开");
}

TEST(CombinedReadingOwnWords, ObjectDoesNotRunIntoAVerbPhrase) {
  // What the noun does after it (立即 + 落实) is no part of it.
  const Dictionary dict = Dictionary::FromWords({{U"提出", "v", 10},
                                                 {U"建议", "n", 10},
                                                 {U"立即", "d", 10},
                                                 {U"落实", "v", 10},
                                                 {U"清单", "n", 10},
                                                 {U"，", "x", 10}});
  PhraseLexicon lex;
  lex.dictionary = &dict;
  lex.actions.Add(U"提出");
  lex.nouns.Add(U"x");
  const auto object = [&](std::u32string_view text) {
    return EncodeUtf8(AnalysePhrases(text, Mentions(text), lex)[0].object);
  };
  EXPECT_EQ(object(U"提出12条建议立即落实。"), "建议");
  EXPECT_EQ(object(U"提出12条建议落实。"), "建议");
  // Negative: a noun after the noun is its head.
  EXPECT_EQ(object(U"提出12条建议清单。"), "建议清单");
}

TEST(CombinedReadingOwnWords, TopicVerbIsNoStepDoneToTheCount) {
  const Dictionary dict = Dictionary::FromWords({{U"收集", "v", 10},
                                                 {U"涉及", "v", 10},
                                                 {U"教育", "vn", 10},
                                                 {U"医疗", "n", 10},
                                                 {U"方面", "n", 10},
                                                 {U"意见", "n", 10},
                                                 {U"提案", "n", 10},
                                                 {U"金额", "n", 10},
                                                 {U"、", "x", 10},
                                                 {U"等", "u", 10},
                                                 {U"，", "x", 10},
                                                 {U"。", "x", 10}});
  PhraseLexicon lex;
  lex.dictionary = &dict;
  for (std::u32string_view v : {U"收集", U"涉及"}) lex.actions.Add(v);
  for (std::u32string_view n : {U"意见", U"提案", U"金额"}) lex.nouns.Add(n);
  const auto read = [&](std::u32string_view text) {
    return AnalysePhrases(text, Mentions(text), lex)[0];
  };
  // 涉及 before fields: what the count is about, no action of its own.
  EXPECT_EQ(read(U"涉及教育、医疗提案20件。").action, U"");
  EXPECT_EQ(read(U"涉及医疗方面提案20件。").action, U"");
  // It does not join the verb before it into one action.
  EXPECT_EQ(read(U"收集涉及医疗、教育等方面意见16条。").action, U"收集");
  // Negative: 涉及 before a single thing is the count's verb (涉及金额).
  EXPECT_EQ(read(U"涉及金额3亿元。").action, U"涉及");
}

TEST(CombinedReadingOwnWords, VerbOfARelativeClauseIsNotTheAction) {
  // 撰写的 modifies the noun after it: the verb before the clause acts.
  const Dictionary dict = Dictionary::FromWords({{U"收到", "v", 10},
                                                 {U"委员", "n", 10},
                                                 {U"撰写", "v", 10},
                                                 {U"的", "uj", 10},
                                                 {U"提案", "n", 10},
                                                 {U"，", "x", 10}});
  PhraseLexicon lex;
  lex.dictionary = &dict;
  for (std::u32string_view v : {U"收到", U"撰写"}) lex.actions.Add(v);
  for (std::u32string_view n : {U"委员", U"提案"}) lex.nouns.Add(n);
  const auto action = [&](std::u32string_view text) {
    return EncodeUtf8(AnalysePhrases(text, Mentions(text), lex)[0].action);
  };
  EXPECT_EQ(action(U"收到委员撰写的提案30件。"), "收到");
  EXPECT_EQ(action(U"收到撰写的提案30件。"), "收到");
  // Negative: with no verb before the clause, its verb is the one there is.
  EXPECT_EQ(action(U"委员撰写的提案30件。"), "撰写");
  EXPECT_EQ(action(U"委员撰写提案30件。"), "撰写");
}

TEST(CombinedReadingOwnWords, BeneficiariesAreCounted) {
  // 为 + people + a deed, counted in people: the people it was for.
  const Dictionary dict = Dictionary::FromWords({{U"为", "p", 10},
                                                 {U"困难", "a", 10},
                                                 {U"群众", "n", 10},
                                                 {U"义诊", "v", 10},
                                                 {U"企业", "n", 10},
                                                 {U"培训", "v", 10},
                                                 {U"免费", "d", 10},
                                                 {U"，", "x", 10},
                                                 {U"。", "x", 10}});
  PhraseLexicon lex;
  lex.dictionary = &dict;
  for (std::u32string_view v : {U"义诊", U"培训"}) lex.actions.Add(v);
  lex.nouns.Add(U"x");
  const auto read = [&](std::u32string_view text) {
    return AnalysePhrases(text, Mentions(text), lex)[0];
  };
  EXPECT_EQ(read(U"为困难群众义诊300人。").object, U"困难群众");
  EXPECT_EQ(read(U"为群众免费义诊300人。").object, U"群众");
  EXPECT_EQ(read(U"为群众义诊300人。").action, U"义诊");
  // Negative: a thing after 为 is no one counted; nor is anyone counted in
  // another measure.
  EXPECT_EQ(read(U"为企业培训300人。").object, U"");
  EXPECT_EQ(read(U"为群众义诊3场。").object, U"");
}

TEST(CombinedReadingOwnWords, WhatIsDoneNamesTheKindOfAGovernedThing) {
  // 形成 governs the phrase; 考察 in front of 成果 says which results.
  const Dictionary dict = Dictionary::FromWords({{U"形成", "v", 10},
                                                 {U"考察", "vn", 10},
                                                 {U"成果", "n", 10},
                                                 {U"服务", "v", 10},
                                                 {U"群众", "n", 10},
                                                 {U"团结", "v", 10},
                                                 {U"，", "x", 10},
                                                 {U"。", "x", 10}});
  PhraseLexicon lex;
  lex.dictionary = &dict;
  for (std::u32string_view v : {U"形成", U"考察", U"团结", U"服务"}) {
    lex.actions.Add(v);
  }
  lex.nouns.Add(U"成果");
  lex.nouns.Add(U"群众");
  const auto read = [&](std::u32string_view text) {
    return AnalysePhrases(text, Mentions(text), lex)[0];
  };
  EXPECT_EQ(read(U"形成考察成果27篇。").object, U"考察成果");
  EXPECT_EQ(read(U"形成考察成果27篇。").action, U"形成");
  // Negative: with no verb governing it, the verb in front acts.
  EXPECT_EQ(read(U"考察成果27篇。").object, U"成果");
  // Negative: in a count of people the verbs side by side are the action.
  EXPECT_EQ(read(U"团结服务群众500人。").object, U"群众");
}

TEST(CombinedReadingOwnWords, WhoTakesPartIsNotTheEventHeld) {
  // 组织 + who takes part + the event: the event is what is counted.
  const Dictionary dict = Dictionary::FromWords({{U"组织", "v", 10},
                                                 {U"专家", "n", 10},
                                                 {U"和", "c", 10},
                                                 {U"机关干部", "n", 10},
                                                 {U"观摩", "v", 10},
                                                 {U"研讨", "vn", 10},
                                                 {U"专题", "n", 10},
                                                 {U"，", "x", 10},
                                                 {U"。", "x", 10}});
  PhraseLexicon lex;
  lex.dictionary = &dict;
  lex.actions.Add(U"组织");
  lex.nouns.Add(U"x");
  const auto read = [&](std::u32string_view text) {
    return AnalysePhrases(text, Mentions(text), lex)[0];
  };
  EXPECT_EQ(read(U"组织专家和机关干部观摩研讨25场。").object, U"观摩研讨");
  // Negative: a kind word in front of the event stays with it.
  EXPECT_EQ(read(U"组织专题观摩研讨25场。").object, U"专题观摩研讨");
}

// A small dictionary and word lists of their own for the list and the
// receiving-word rules, read both ways (rules only, and combined).
class OwnWords : public ::testing::Test {
 protected:
  OwnWords()
      : dict_(Dictionary::FromWords(
            {{U"召开", "v", 10},       {U"座谈会", "n", 10},
             {U"重点", "b", 10},       {U"协商", "vn", 10},
             {U"形成", "v", 10},       {U"报告", "n", 10},
             {U"其中", "r", 10},       {U"获", "v", 10},
             {U"获得", "v", 10},       {U"市委", "agent", 10},
             {U"市政府", "agent", 10}, {U"主要", "b", 10},
             {U"领导", "n", 10},       {U"批示", "v", 10},
             {U"作出", "v", 10},       {U"好评", "n", 10},
             {U"、", "x", 10},         {U"，", "x", 10},
             {U"。", "x", 10},         {U"被", "p", 10},
             {U"采纳", "v", 10},       {U"建议", "n", 10},
             {U"提出", "v", 10},       {U"篇", "q", 10},
             {U"条", "q", 10},         {U"累计", "v", 10},
             {U"服务", "v", 10},       {U"群众", "n", 10},
             {U"委员", "n", 10},       {U"带动", "v", 10},
             {U"就业", "v", 10},       {U"人", "q", 10},
             {U"收到", "v", 10},       {U"共享", "v", 10},
             {U"数据", "n", 10},       {U"类", "q", 10},
             {U"民生", "n", 10},       {U"各", "r", 10},
             {U"开展", "v", 10},       {U"资助", "n", 10},
             {U"学生", "n", 10},       {U"折合", "v", 10},
             {U"捐款", "v", 10},       {U"负责人", "n", 10},
             {U"主任", "n", 10},       {U"整改", "v", 10},
             {U"推动", "v", 10},       {U"落实", "v", 10},
             {U"承办", "v", 10},       {U"单位", "n", 10},
             {U"各", "r", 10},         {U"干部", "n", 10},
             {U"职工", "n", 10},       {U"调研", "v", 10},
             {U"调研组", "n", 10},     {U"组建", "v", 10},
             {U"投入", "v", 10},       {U"帮扶", "v", 10},
             {U"资金", "n", 10}})) {}

  std::vector<MetricPhrase> Read(std::u32string_view text, bool lists) {
    PhraseLexicon lex;
    lex.dictionary = &dict_;
    if (lists) {
      for (std::u32string_view v :
           {U"召开", U"协商", U"形成", U"批示", U"采纳", U"提出", U"服务",
            U"带动", U"共享", U"累计收到", U"开展", U"资助", U"捐款", U"承办",
            U"收到"}) {
        lex.actions.Add(v);
      }
      for (std::u32string_view n :
           {U"座谈会", U"报告", U"建议", U"群众", U"委员", U"数据"}) {
        lex.nouns.Add(n);
      }
      lex.agents.Add(U"领导");
      lex.agents.Add(U"市委");
      lex.modifiers.Add(U"其中");
    }
    return AnalysePhrases(text, Mentions(text), lex);
  }
  Dictionary dict_;
};

TEST_F(OwnWords, ListItemEndsAtTheSeparator) {
  for (bool lists : {false, true}) {
    // The item before the number holds its noun and verb; 、 after the
    // count opens the next item, whose words are not read back.
    auto got = Read(U"召开座谈会5次、重点协商3次。", lists);
    Check(got, {U"", 0, "座谈会", "召开", ""});
    got = Read(U"召开5次、重点协商3次。", lists);
    EXPECT_EQ(got[0].object, U"") << lists;
    EXPECT_EQ(got[0].action, U"召开") << lists;
    // Negative: a noun right after the measure is still the object.
    EXPECT_EQ(Read(U"召开5次座谈会。", lists)[0].object, U"座谈会") << lists;
  }
}

TEST_F(OwnWords, BracketRightAfterTheMeasureIsNoObject) {
  for (bool lists : {false, true}) {
    // Another measure or a note in brackets right after the count names
    // nothing that is counted.
    EXPECT_EQ(Read(U"累计5篇（条）。", lists)[0].object, U"") << lists;
    EXPECT_EQ(Read(U"累计5篇(条)。", lists)[0].object, U"") << lists;
    // Negative: a noun after the measure is read as before.
    EXPECT_EQ(Read(U"召开5次座谈会（民生）。", lists)[0].object.substr(0, 3),
              U"座谈会")
        << lists;
  }
}

TEST_F(OwnWords, VerbQualifiesTheTextAVerbProduces) {
  for (bool lists : {false, true}) {
    // Between a verb that produces a text and the text's noun, a verb
    // says which text.
    Check(Read(U"提出整改建议20条。", lists), {U"", 0, "整改建议", "提出", ""});
    // Negative: after another verb it is the action on the text.
    EXPECT_EQ(Read(U"推动落实建议20条。", lists)[0].object, U"建议") << lists;
  }
}

TEST_F(OwnWords, VerbAfterASetPickerQualifiesTheNoun) {
  for (bool lists : {false, true}) {
    // 各 + verb + noun is one noun phrase: the verb is no action.
    EXPECT_EQ(Read(U"收到各承办单位建议20条。", lists)[0].action, U"收到")
        << lists;
    // Negative: a verb after the noun that 各 picks is the action.
    EXPECT_EQ(Read(U"各单位承办建议20条。", lists)[0].action, U"承办") << lists;
  }
}

TEST_F(OwnWords, StaffAreCountedWhole) {
  for (bool lists : {false, true}) {
    // 职工 names people as 干部 does: a count of people keeps both.
    EXPECT_EQ(Read(U"服务干部职工28人。", lists)[0].object, U"干部职工")
        << lists;
  }
}

TEST_F(OwnWords, NounOpeningWithAVerbGoesOnAfterTheMeasure) {
  // A noun the dictionary knows that opens with a listed verb (调研 + 组)
  // goes on with the phrase after the measure, first word or not; a
  // modifier before it (重点) does not leave the verb to end the phrase.
  PhraseLexicon lex;
  lex.dictionary = &dict_;
  lex.actions.Add(U"组建");
  lex.actions.Add(U"调研");
  lex.modifiers.Add(U"重点");
  const auto read = [&](std::u32string_view text) {
    return AnalysePhrases(text, Mentions(text), lex)[0].object;
  };
  EXPECT_EQ(read(U"组建12个调研组。"), U"调研组");
  EXPECT_EQ(read(U"组建12个重点调研组。"), U"重点调研组");
  // Negative: the verb alone still ends the phrase.
  EXPECT_EQ(read(U"组建12个重点调研。").find(U"调研"), std::u32string::npos);
}

TEST_F(OwnWords, VerbNamesTheFundAVerbSpends) {
  PhraseLexicon lex;
  lex.dictionary = &dict_;
  lex.actions.Add(U"投入");
  lex.actions.Add(U"帮扶");
  lex.nouns.Add(U"资金");
  PhraseLexicon empty;
  empty.dictionary = &dict_;
  for (bool lists : {false, true}) {
    const auto read = [&](std::u32string_view text) {
      return AnalysePhrases(text, Mentions(text), lists ? lex : empty)[0];
    };
    // Between a verb that spends money and the money's noun, a verb says
    // which money.
    MetricPhrase p = read(U"投入帮扶资金20元。");
    EXPECT_EQ(p.object, U"帮扶资金") << lists;
    EXPECT_EQ(p.action, U"投入") << lists;
    // Negative: with no such verb before it the verb acts on the money.
    EXPECT_EQ(read(U"委员帮扶资金20元。").object.find(U"帮扶"),
              std::u32string::npos)
        << lists;
  }
}

TEST_F(OwnWords, ReceivingWordOpensWhoActsAndTheDeed) {
  for (bool lists : {false, true}) {
    // A part counted before 获 + who + deed counts its set's thing; the
    // deed is the action, who acts is no object.
    const auto got =
        Read(U"形成报告20篇，其中6篇获市委、市政府主要负责人批示。", lists);
    Check(got, {U"", 1, "报告", "批示", ""});
    // Also where nothing stands before the number in its clause.
    Check(Read(U"形成报告9篇。其中，6篇获领导批示。", lists),
          {U"", 1, "报告", "批示", ""});
    // A light verb before the deed is passed over; 被 marks the passive.
    EXPECT_EQ(Read(U"形成报告9篇，其中6篇获主任作出批示。", lists)[1].action,
              U"批示")
        << lists;
    EXPECT_EQ(Read(U"提出建议9条，其中6条被市委采纳。", lists)[1].action,
              U"采纳")
        << lists;
    // Negative: without a deed after the nouns the receiving verb acts;
    // a verb before the count keeps the count.
    const auto praised = Read(U"形成报告9篇，其中6篇获得好评。", lists);
    EXPECT_EQ(praised[1].object, U"报告") << lists;
    EXPECT_NE(praised[1].action, U"好评") << lists;
    if (!lists) {
      EXPECT_EQ(praised[1].action, U"获得");
    }
    EXPECT_EQ(Read(U"形成报告6篇获领导批示。", lists)[0].action, U"形成")
        << lists;
  }
}

TEST_F(OwnWords, QuantityWordIsNoPartOfTheAction) {
  // 累计 says how much, as 共 and 先后: the action is the verb after it
  // (this dictionary tags 累计 a verb, so the rules join the two, and the
  // word list holds the two as one).
  Check(Read(U"委员累计收到建议300条。", true), {U"", 0, "建议", "收到", ""});
  // Negative: a word that opens with such a character is a verb of its own.
  Check(Read(U"共享数据300条。", true), {U"", 0, "数据", "共享", ""});
}

TEST_F(OwnWords, KindMarkJoinsTheKind) {
  for (bool lists : {false, true}) {
    // A noun and 类 before the head say which kind.
    Check(Read(U"形成民生类报告12篇。", lists),
          {U"", 0, "民生类报告", "形成", ""});
    // Negative: 类 after a word that names no kind (各类) is no kind.
    Check(Read(U"形成各类报告12篇。", lists), {U"", 0, "报告", "形成", ""});
  }
}

TEST_F(OwnWords, ClauseNamingItsObjectCarriesNone) {
  // The word lists carry the count before's object over; a clause that
  // holds an event of its own counts it.
  Check(Read(U"召开座谈会5次，开展协商3次。", true),
        {U"", 1, "协商", "开展", ""});
  // Negative: a clause that names nothing goes on about the count before.
  EXPECT_EQ(Read(U"召开座谈会5次，开展3次。", true)[1].object, U"座谈会");
}

TEST_F(OwnWords, ListedVerbOpeningThePhraseIsNoKind) {
  // The dictionary tags 资助 a noun; the verb list knows it as a deed.
  Check(Read(U"资助学生30名。", true), {U"", 0, "学生", "资助", ""});
  // Negative: a noun in front that the verb list does not hold says
  // which kind.
  EXPECT_EQ(Read(U"资助民生类学生30名。", true)[0].object, U"民生类学生");
}

TEST_F(OwnWords, ConversionLinkIsNoAction) {
  for (bool lists : {false, true}) {
    // 折合 (amounting to) links an amount to its value, as 达 does.
    EXPECT_EQ(Read(U"委员捐款折合20万元。", lists)[0].action, U"捐款") << lists;
    // Negative: alone it names no verb.
    EXPECT_EQ(Read(U"折合20万元。", lists)[0].action, U"") << lists;
  }
}

TEST_F(OwnWords, PeopleCountedByWhatTheyDo) {
  for (bool lists : {false, true}) {
    // A count of people: a verb after the verb names what they do, part
    // of the action; nothing names the people.
    Check(Read(U"带动就业300人。", lists), {U"", 0, "", "带动就业", ""});
    // Negative: a noun naming people is the object.
    Check(Read(U"服务群众300人。", lists), {U"", 0, "群众", "服务", ""});
  }
}

TEST_F(PhraseRules, PartsThatSumToAWholeBreakItDown) {
  // Counts of one measure that add up to a count before them are its
  // parts, in the next paragraph too and with a share between them.
  auto got =
      Read(U"收到来信100封。\n从来源看，委员来信70封，占70%；群众来信30封。");
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[1].set_mention, 0);
  EXPECT_EQ(got[3].set_mention, 0);
  // Two breakdowns of one whole: both are its parts.
  got = Read(
      U"收到意见40条。委员意见30条，群众意见10条。经济方面25条，其他15条。");
  ASSERT_EQ(got.size(), 5u);
  for (size_t k = 1; k < got.size(); ++k) EXPECT_EQ(got[k].set_mention, 0) << k;
  // Negative: counts that do not add up, or add up to a small whole by
  // chance, break nothing down.
  got = Read(U"收到来信100封。\n委员来信70封，群众来信20封。");
  EXPECT_EQ(got[1].set_mention, -1);
  got = Read(U"收到来信5封。委员来信2封，群众来信3封。");
  EXPECT_EQ(got[1].set_mention, -1);
}

TEST_F(PhraseRules, InFrameNamesTheSet) {
  const auto got = Read(
      U"在立案的提案中，城乡建设方面提案63件，占49%；"
      U"集体提案12件。");
  EXPECT_EQ(got[0].set_object, U"提案");
  EXPECT_EQ(got[0].set_action, U"立案");
  Check(got, {U"", 0, "城乡建设方面提案", "立案", ""});
  // The frame reaches over semicolons to the end of the period.
  EXPECT_EQ(got[2].set_object, U"提案");
  // The share inside the frame is a share, not a part.
  EXPECT_TRUE(got[1].set_object.empty());
  // Negative: 在…上 is a place, not a set; 中 must close the clause.
  EXPECT_TRUE(Read(U"在会议上，提出建议12条。")[0].set_object.empty());
  EXPECT_TRUE(Read(U"在会议中提出建议12条。")[0].set_object.empty());
  EXPECT_TRUE(Read(U"集体提案12件。")[0].set_object.empty());
}

TEST_F(PhraseRules, TopicKeepsTheVerbsThatNameItsField) {
  // A verb before a joiner or 方面 names a field of the topic.
  Check(Read(U"在立案的提案中，文化、环境治理方面提案12件。"),
        {U"", 0, "文化、环境治理方面提案", "立案", ""});
  // A verb that introduces the topic is no action.
  Check(Read(U"涉及医疗方面提案14件。"), {U"", 0, "医疗方面提案", "", ""});
  // Negative: outside a topic a verb before the noun acts.
  Check(Read(U"保护文化项目12项。"), {U"", 0, "文化项目", "保护", ""});
  Check(Read(U"涉及项目12项。"), {U"", 0, "项目", "涉及", ""});
}

TEST_F(PhraseRules, TreatedAs) {
  // What the things were treated as is the object; the treatment acts.
  Check(Read(U"作为建议转部门参考12件。"),
        {U"", 0, "建议", "作为建议转部门参考", "treated_as"});
  // Treated as and nothing more: the verb alone acts.
  Check(Read(U"转为信息9件。"), {U"", 0, "信息", "转为", "treated_as"});
  // Negative: with 的 the treatment is a state of the things counted.
  EXPECT_EQ(Read(U"作为建议处理的12件。")[0].rule, std::string("state"));
  // Negative: a noun after the unit is what is counted.
  EXPECT_NE(Read(U"转为信息9件提案。")[0].rule, std::string("treated_as"));
}

TEST_F(PhraseRules, LightVerbAndHeldEvent) {
  Check(Read(U"主席作出批示14次。"), {U"", 0, "批示", "作出", "light_verb"});
  Check(Read(U"举行专题学习4场。"), {U"", 0, "专题学习", "举行", "held_event"});
  // Negative: an event rule needs a measure of events.
  EXPECT_NE(Read(U"举行专题学习4件。")[0].rule, std::string("held_event"));
  // An activity named by a deed keeps its verb: the holding verb acts.
  Check(Read(U"开展送戏进村活动7场。"),
        {U"", 0, "送戏进村活动", "开展", "held_event"});
  // Negative: a deed with no holding verb before it still acts.
  EXPECT_NE(Read(U"委员送戏进村活动7场。")[0].rule, std::string("held_event"));
}

// The combined reading: the word lists know only the head noun (提案);
// the rules' object with one noun or kind word in front names which kind.
class CombinedReading : public PhraseRules {
 protected:
  std::vector<MetricPhrase> ReadBoth(std::u32string_view text) {
    PhraseLexicon lex;
    lex.dictionary = dict_;
    for (std::u32string_view v :
         {U"收到", U"立案", U"办复", U"提出", U"建设", U"办理"}) {
      lex.actions.Add(v);
    }
    for (std::u32string_view n : {U"提案", U"建议", U"活动"}) {
      lex.nouns.Add(n);
    }
    lex.agents.Add(U"领导");
    lex.modifiers.Add(U"专题");
    return AnalysePhrases(text, Mentions(text), lex);
  }
  // ReadListing reads the first number of `text` with word lists of just
  // these verbs and nouns.
  MetricPhrase ReadListing(std::initializer_list<std::u32string_view> actions,
                           std::initializer_list<std::u32string_view> nouns,
                           std::u32string_view text) {
    PhraseLexicon lex;
    lex.dictionary = dict_;
    for (std::u32string_view v : actions) lex.actions.Add(v);
    for (std::u32string_view n : nouns) lex.nouns.Add(n);
    return AnalysePhrases(text, Mentions(text), lex)[0];
  }
};

// A listed noun matched in part of a longer word (委员 of 委员会) names
// less than the word: the rules' whole word stands.
TEST_F(CombinedReading, ListedNounInsideALongerWord) {
  EXPECT_EQ(ReadListing({U"召开"}, {U"委员"}, U"召开9个专门委员会。").object,
            U"专门委员会");
  // Negative: where the listed noun is a whole word it stays the object.
  EXPECT_EQ(ReadListing({U"召开"}, {U"委员"}, U"召开9个委员。").object,
            U"委员");
}

// An event held: the verbs of the way there (深入基层) before the holding
// verb are neither the event nor its action.
TEST_F(CombinedReading, HoldingVerbAfterTheWayThere) {
  const MetricPhrase got =
      ReadListing({U"深入", U"组织"}, {}, U"组织几位委员深入基层开展调研6次。");
  EXPECT_EQ(got.object, U"调研");
  EXPECT_EQ(got.action, U"开展");
}

// A listed verb that ends a longer verb of the dictionary (送 of 赠送)
// yields to the whole word.
TEST_F(CombinedReading, ListedVerbInsideALongerVerb) {
  EXPECT_EQ(ReadListing({U"送"}, {}, U"赠送资料20份。").action, U"赠送");
  // Negative: the listed verb written alone stays.
  EXPECT_EQ(ReadListing({U"送"}, {}, U"送资料20份。").action, U"送");
}

// A verb the word lists lack is read by the rules from its class: it is
// the action, not the start of the object.
TEST_F(CombinedReading, UnlistedVerbIsTheAction) {
  Check(ReadBoth(U"发放资料300份。"), {U"", 0, "资料", "发放", ""});
  Check(ReadBoth(U"分发图书20册。"), {U"", 0, "图书", "分发", ""});
  // A listed verb reads as before.
  Check(ReadBoth(U"收到资料20份。"), {U"", 0, "资料", "收到", ""});
  // Negative: a one-character noun after a verb makes a noun of it (阅读
  // + 量), no verb and object.
  EXPECT_EQ(ReadBoth(U"阅读量5000次。")[0].object, U"阅读量");
  EXPECT_EQ(ReadBoth(U"阅读量5000次。")[0].action, U"");
}

TEST_F(CombinedReading, CompoundNounKeepsItsKind) {
  // 委员提案 is one noun of the dictionary: a term that names a kind.
  Check(ReadBoth(U"提出委员提案20件。"), {U"", 0, "委员提案", "提出", ""});
  // The rest of a breakdown: 其它 + the head.
  EXPECT_EQ(ReadBoth(U"医疗方面提案63件，其它提案9件。")[1].object,
            U"其它提案");
  // Negative: nouns the dictionary does not join (who, when) stay out.
  Check(ReadBoth(U"收到领导提案20件。"), {U"", 0, "提案", "收到", ""});
  Check(ReadBoth(U"收到年度提案20件。"), {U"", 0, "提案", "收到", ""});
  Check(ReadBoth(U"市政协收到提案20件。"), {U"", 0, "提案", "收到", ""});
}

TEST_F(CombinedReading, KindWordsInFrontStay) {
  // Nouns in front say which kind (生态 + 环境 + 提案), and so does a
  // verbal noun after a noun (文化 + 建设 + 提案).
  Check(ReadBoth(U"收到生态环境提案20件。"),
        {U"", 0, "生态环境提案", "收到", ""});
  Check(ReadBoth(U"收到文化建设提案20件。"),
        {U"", 0, "文化建设提案", "收到", ""});
  // Negative: a verbal noun opening the phrase is a verb with its object;
  // a modifier, a session and a lone body or person stay out.
  EXPECT_EQ(ReadBoth(U"开展服务群众活动12次。")[0].object, U"活动");
  EXPECT_EQ(ReadBoth(U"收到专题提案20件。")[0].object, U"提案");
  EXPECT_EQ(ReadBoth(U"收到主席会议提案20件。")[0].object, U"提案");
  EXPECT_EQ(ReadBoth(U"收到领导提案20件。")[0].object, U"提案");
  // Who right before the head says whose, after other nouns too.
  EXPECT_EQ(ReadBoth(U"收到文化领导提案20件。")[0].object, U"提案");
}

TEST_F(CombinedReading, PeopleEndInAPerson) {
  // A count of people ends at the noun naming them.
  EXPECT_EQ(ReadBoth(U"邀请20名委员常委会议发言。")[0].object, U"委员");
  // Negative: a person noun stays whole; another measure counts the thing.
  EXPECT_EQ(ReadBoth(U"收到常委会议20次。")[0].object, U"常委会议");
}

TEST_F(CombinedReading, CountsJoinedByAVerb) {
  // 3案并1案: three proposals merged into one; 案 counts proposals.
  const auto got = ReadBoth(U"合并处理提案，3案并1案。");
  Check(got, {U"", 0, "提案", "并", ""});
  Check(got, {U"", 1, "提案", "并", ""});
  // Negative: a conjunction or another measure joins nothing; a count in
  // 案 that names its thing keeps it.
  EXPECT_NE(ReadBoth(U"3案和1案。")[0].action, U"和");
  EXPECT_EQ(ReadBoth(U"提出3件并1次。")[0].action, U"提出");
  EXPECT_EQ(ReadBoth(U"收到议案3案。")[0].object, U"议案");
}

TEST_F(CombinedReading, StateBeforeTheCount) {
  // A verb phrase and 的 before the number name a state: it is the action,
  // the set gives the object.
  const auto got =
      ReadBoth(U"收到提案120件，其中办结的100件，办结或基本办结的90件。");
  Check(got, {U"", 1, "提案", "办结", "state"});
  Check(got, {U"", 2, "提案", "办结或基本办结", "state"});
  // Words of the state the word lists read as the object are no object.
  EXPECT_EQ(ReadBoth(U"收到提案120件，其中办复或基本解决90件。")[1].object,
            U"提案");
  // Two states joined by 或 need no 的; a verb of saying is left out.
  EXPECT_EQ(ReadBoth(U"办结或基本办结20件。")[0].action, U"办结或基本办结");
  EXPECT_EQ(ReadBoth(U"委员表示解决的20件。")[0].action, U"解决");
  // Negative: one verb without 的 is no state; a noun after the unit makes
  // the phrase a modifier; a percentage is a rate or a share.
  EXPECT_NE(ReadBoth(U"办结20件。")[0].rule, std::string("state"));
  EXPECT_NE(ReadBoth(U"立案的20件提案已办结。")[0].rule, std::string("state"));
  EXPECT_NE(ReadBoth(U"办结或基本办结的占90%。")[0].rule, std::string("state"));
}

TEST_F(CombinedReading, NounPhraseDoesNotEndInTheVerb) {
  // The word lists do not know 签约 and read it into the object; the
  // rules read it as the verb before the number.
  Check(ReadBoth(U"全年项目签约12项。"), {U"", 0, "项目", "签约", ""});
  // Negative: a verb the lists know is read as before.
  Check(ReadBoth(U"全年提案办复12件。"), {U"", 0, "提案", "办复", ""});
}

TEST_F(CombinedReading, PeopleAreCountedAsTheSubject) {
  // With a measure of people the subject is what is counted.
  Check(ReadBoth(U"全年委员视察项目20人次。"),
        {U"", 0, "委员", "视察", "people_counted"});
  Check(ReadBoth(U"群众签约20人。"),
        {U"", 0, "群众", "签约", "people_counted"});
  // A verb inside what is done is passed over, and not joined to the
  // subject's verb.
  Check(ReadBoth(U"群众开展视察项目20人次。"),
        {U"", 0, "群众", "开展", "people_counted"});
  // Negative: another measure counts the thing; a subject that names no
  // people (项目) is not counted.
  EXPECT_NE(ReadBoth(U"委员视察项目20次。")[0].object, U"委员");
  EXPECT_NE(ReadBoth(U"项目签约20人。")[0].rule, std::string("people_counted"));
}

TEST_F(CombinedReading, PeopleTheVerbActsOnAreCounted) {
  // The verb's own object names people: they are the ones counted, not
  // the subject who acts.
  const auto read = [this](std::u32string_view text) {
    return ReadListing({U"接待", U"走访"}, {}, text);
  };
  MetricPhrase p = read(U"委员接待居民80人次。");
  EXPECT_EQ(p.object, U"居民");
  EXPECT_EQ(p.action, U"接待");
  p = read(U"委员走访基层群众45人。");
  EXPECT_EQ(p.object, U"基层群众");
  EXPECT_EQ(p.action, U"走访");
  // Negative: an object that names no people leaves the subject counted.
  p = read(U"委员走访企业80人次。");
  EXPECT_EQ(p.object, U"委员");
  EXPECT_EQ(p.rule, std::string("people_counted"));
}

TEST_F(CombinedReading, LayoutInsideAClauseIsNoWord) {
  // A wrapped line before the number (PDF text) goes on with the clause.
  Check(ReadBoth(U"本年度收到各方提案215件，经审查立案\n198件。"),
        {U"", 1, "提案", "立案", ""});
  // Blanks before the number are layout too.
  Check(ReadBoth(U"本年度收到各方提案215件，经审查立案 198件。"),
        {U"", 1, "提案", "立案", ""});
  Check(ReadBoth(U"本年度收到各方提案215件，经审查立案\u3000198件。"),
        {U"", 1, "提案", "立案", ""});
}

TEST_F(CombinedReading, VerbsBeforeAnActivityNameIt) {
  // Taking part in an event is the deed; the verbs between it and the
  // activity say which activity, also where the word lists know one of
  // them as a verb.
  MetricPhrase p =
      ReadListing({U"培训"}, {U"活动"}, U"组织委员参加学习培训活动12场。");
  EXPECT_EQ(p.object, U"学习培训活动");
  EXPECT_EQ(p.action, U"参加");
  // After a verb of holding, in a count of things, too.
  p = ReadListing({}, {}, U"开展学习活动12个。");
  EXPECT_EQ(p.object, U"学习活动");
  EXPECT_EQ(p.action, U"开展");
  // Negative: with no verb of holding or taking part before them the verb
  // is the action.
  p = ReadListing({}, {}, U"委员学习活动12个。");
  EXPECT_NE(p.object, U"学习活动");
}

TEST_F(CombinedReading, RespectivelyListsTheParts) {
  // X分别为A n、B m: A and B are counted, X is the set both split.
  const auto got = ReadBoth(U"收到的提案分别为经济类12件、民生类15件。");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].object, U"经济类");
  EXPECT_EQ(got[0].set_object, U"提案");
  EXPECT_EQ(got[1].set_object, U"提案");
  // Negative: the list ends with its sentence.
  const auto two = ReadBoth(U"收到的提案分别为经济类12件。民生类15件。");
  EXPECT_EQ(two[1].set_object, U"");
}

TEST_F(CombinedReading, AStateTakesTheClauseThatDescribesIt) {
  // 情况 takes the verb and nouns before it; the verb before them acts.
  MetricPhrase p = ReadListing({U"办理"}, {}, U"检查来信办理情况8次。");
  EXPECT_EQ(p.object, U"来信办理情况");
  EXPECT_EQ(p.action, U"检查");
  // After a verb of organizing and the people it organizes, their deed
  // acts.
  p = ReadListing({U"办理"}, {}, U"组织委员视察来信办理情况8次。");
  EXPECT_EQ(p.object, U"来信办理情况");
  EXPECT_EQ(p.action, U"视察");
  // Negative: with no verb before the clause, the verb inside it stays
  // the action.
  EXPECT_EQ(ReadListing({U"办理"}, {}, U"来信办理情况8次。").action, U"办理");
}

TEST_F(CombinedReading, AVerbNamingAFieldIsNoStep) {
  // A verb right before 方面 names a field of work: no action.
  EXPECT_EQ(ReadBoth(U"收到提案200件，其中属于城乡建设方面的58件。")[1].action,
            U"");
  // Negative: the verb before the topic still acts.
  EXPECT_EQ(ReadBoth(U"提出城乡建设方面建议20条。")[0].action, U"提出");
}

TEST_F(CombinedReading, TimeWordIsNoObject) {
  // The word lists take the word before the number; a time word names no
  // thing, the noun after the measure does.
  EXPECT_EQ(ReadBoth(U"收到年度7件集体提案。")[0].object, U"集体提案");
  // Negative: a noun before the number stays the object.
  EXPECT_EQ(ReadBoth(U"收到集体提案7件。")[0].object, U"集体提案");
}

TEST_F(CombinedReading, HandlingVerbWithJianNamesCases) {
  // 办复件: the cases answered; what is counted, not the count's action.
  Check(ReadBoth(U"收到提案20件，其中办复件12件。"),
        {U"", 1, "办复件", "", ""});
  // Negative: 件 in another word, or another measure.
  EXPECT_NE(ReadBoth(U"收到文件12件。")[0].object, U"到文件");
  EXPECT_NE(ReadBoth(U"办复件12次。")[0].object, U"办复件");
}

TEST_F(CombinedReading, ParagraphKeepsItsCases) {
  // A count in 件 that names nothing counts the head of the paragraph's
  // last count in 件, across a sentence that counts nothing.
  EXPECT_EQ(
      ReadBoth(U"收到集体提案120件。话题涉及文化。办结的100件。")[1].object,
      U"提案");
  // Negative: not across a paragraph, not for another measure.
  EXPECT_EQ(
      ReadBoth(U"收到集体提案120件。\n话题涉及文化。办结的100件。")[1].object,
      U"");
  EXPECT_EQ(ReadBoth(U"召开会议12次。话题涉及文化。办结的10次。")[1].object,
            U"");
}

TEST_F(CombinedReading, NounPhraseKeepsItsHead) {
  // The word lists stop at the noun they know; the head is the last noun.
  EXPECT_EQ(ReadBoth(U"收到12件提案信息。")[0].object, U"提案信息");
  // Negative: a verb after the noun is no head.
  EXPECT_EQ(ReadBoth(U"收到12件提案办复。")[0].object, U"提案");
}

TEST_F(CombinedReading, CarriedObjectFillsWhatTheListsLeaveEmpty) {
  Check(ReadBoth(U"收到提案120件。经审查，立案110件。"),
        {U"", 1, "提案", "立案", ""});
  // Negative: nothing is carried into a new paragraph.
  EXPECT_EQ(ReadBoth(U"收到提案120件。\n办复110件。")[1].object, U"");
}

TEST_F(CombinedReading, TopicTakesTheVerbOfItsClauseOrSet) {
  // The word lists would read 建设 inside the topic as the verb.
  const auto got =
      ReadBoth(U"在立案的提案中，城乡建设方面提案63件，文化方面提案9件。");
  Check(got, {U"", 0, "城乡建设方面提案", "立案", ""});
  Check(got, {U"", 1, "文化方面提案", "立案", ""});
  // Negative: a plain count keeps the verb the lists read.
  EXPECT_EQ(ReadBoth(U"建设项目12项。")[0].action, U"建设");
}

TEST_F(CombinedReading, RegisteringCountsProposals) {
  Check(ReadBoth(U"经审查，立案15件。"), {U"", 0, "提案", "立案", ""});
  // Negative: another verb, another unit.
  EXPECT_EQ(ReadBoth(U"经审查，收到15件。")[0].object, U"");
  EXPECT_EQ(ReadBoth(U"经审查，立案15次。")[0].object, U"");
}

TEST_F(CombinedReading, PinyinGlossesAreReadThrough) {
  const auto got = ReadBoth(U"收到委员提(ti)案120件，占(zhan)20%。");
  EXPECT_EQ(got[0].object, U"委员提案");
  EXPECT_EQ(got[1].frame, Frame::kShare);
  // The set of a frame is read through glosses too.
  EXPECT_EQ(ReadBoth(U"立(li)案提(ti)案中，委员提案9件。")[0].set_action,
            U"立案");
  // Negative: letters in brackets after a number or a Latin word are no
  // gloss.
  EXPECT_EQ(ReadBoth(U"收到提案120件(ab)。")[0].object, U"提案");
}

TEST_F(CombinedReading, VerbAloneIsNoObject) {
  // A gloss hides 立案 from the word lists, which read it as the object;
  // a verb alone names no thing, so it is the action.
  Check(ReadBoth(U"经审查，立(li)案15件。"), {U"", 0, "提案", "立案", ""});
  // Negative: with an action of its own, a verb used as a noun stays.
  EXPECT_EQ(ReadBoth(U"收到批示20件。")[0].object, U"批示");
}

TEST_F(CombinedReading, AfterVerbIsNotTheAction) {
  // 经审查 is "after review": the action is what follows.
  Check(ReadBoth(U"经审查立案110件。"), {U"", 0, "提案", "立案", ""});
  // Negative: a verb that cannot be cut stays whole.
  EXPECT_EQ(ReadBoth(U"经审查，办复110件。")[0].action, U"办复");
}

TEST_F(CombinedReading, SentenceBoundsAreSharedWithinASentence) {
  const std::u32string text = U"收到提案120件，立案110件。办复100件";
  for (const auto& got : {Read(text), ReadBoth(text)}) {
    EXPECT_EQ(got[0].sentence_begin, 0u);
    EXPECT_EQ(got[1].sentence_begin, 0u);
    EXPECT_EQ(got[0].sentence_end, got[1].sentence_end);
    EXPECT_EQ(got[1].sentence_end, text.find(U'。') + 1);
    EXPECT_EQ(got[2].sentence_begin, text.find(U'。') + 1);
    EXPECT_EQ(got[2].sentence_end, text.size());
  }
}

TEST_F(CombinedReading, NounPhraseEndsInItsHead) {
  // An adjective used as an adverb before the verb, or a one-character
  // modal, after the head noun opens the predicate.
  EXPECT_EQ(ReadBoth(U"交12个部门具体办理。")[0].object, U"部门");
  EXPECT_EQ(ReadBoth(U"收到提案12件，女性委员比例将达30%。")[1].object,
            U"女性委员比例");
  // Negative: an adjective-tagged noun with no verb after it stays, and so
  // does a phrase with no noun before the adjective.
  const std::u32string list = ReadBoth(U"制定任务清单3份。")[0].object;
  EXPECT_EQ(list.substr(list.size() - 4), U"任务清单");
  EXPECT_EQ(ReadBoth(U"交12个部门办理。")[0].object, U"部门");
}

TEST_F(CombinedReading, WebAddressIsNoObject) {
  EXPECT_EQ(ReadBoth(U"收到http://a.cn/b来信30封")[0].object, U"");
  EXPECT_EQ(ReadBoth(U"收到www.a.cn来信30封")[0].object, U"");
  // Negative: Latin letters that are no address stay.
  EXPECT_EQ(ReadBoth(U"收到B类提案12件。")[0].object.empty(), false);
}

TEST_F(CombinedReading, TimeSpanCountsNoThing) {
  const auto got = ReadBoth(U"5年间收到提案30件。");
  EXPECT_EQ(got[0].object, U"");
  // Negative: a year count with no locality after it keeps its reading.
  EXPECT_NE(ReadBoth(U"5年收到提案30件。")[0].object, U"");
}

TEST_F(CombinedReading, GlossedVerbCarriedOverIsNoObject) {
  // 立(li)案 carried over to the next clause, which has its own verb.
  const auto got = ReadBoth(U"经审查，立(li)案15件，并案2件。");
  Check(got, {U"", 0, "提案", "立案", ""});
  Check(got, {U"", 1, "提案", "并案", ""});
  // Negative: an unglossed noun carried over stays.
  EXPECT_EQ(ReadBoth(U"收到提案15件，并案2件。")[1].object, U"提案");
}

TEST_F(CombinedReading, ChangeFromValueToValue) {
  // Two values of one quantity: the subject before 由 is the object of
  // both, the verb of change the second's action.
  const auto got = ReadBoth(U"办理时间由5天缩短到3天。");
  Check(got, {U"", 0, "办理时间", "", "change_from_value_to_value"});
  Check(got, {U"", 1, "办理时间", "缩短到", "change_from_value_to_value"});
  // Negative: 由 before who acts, and a change with no 到/至/为 after it.
  EXPECT_STRNE(ReadBoth(U"由市政府办理12件。")[0].rule,
               "change_from_value_to_value");
  EXPECT_STRNE(ReadBoth(U"办理时间由5天缩短3天。")[1].rule,
               "change_from_value_to_value");
}

TEST_F(CombinedReading, WorthIsOfTheThing) {
  EXPECT_EQ(ReadBoth(U"收到物资价值3000元。")[0].object, U"物资");
  // Opening its clause, 价值 speaks of the thing the clause before names.
  EXPECT_EQ(ReadBoth(U"赠送图书，价值2000元。")[0].object, U"图书");
  // Negative: a word that ends in 价值 stays whole.
  EXPECT_NE(ReadBoth(U"总价值3000元。")[0].object, U"总");
}

TEST_F(CombinedReading, PeopleCountedStandBeforeTheCount) {
  // A count of people right after a noun naming people counts them, not
  // what they acted on.
  EXPECT_EQ(ReadBoth(U"市委领导12人次对提案作出批示。")[0].object, U"领导");
  // Negative: a count of events keeps the thing acted on.
  EXPECT_NE(ReadBoth(U"市委领导12次对提案作出批示。")[0].object, U"领导");
}

TEST_F(CombinedReading, VerbOfTheChainIsNoObject) {
  // 研究 before 解决 is part of the verb chain: the count before, of the
  // same measure, names the thing.
  EXPECT_EQ(ReadBoth(U"收到意见12条，研究解决4条。")[1].object, U"意见");
  // Negative: a clause that names its thing keeps it.
  const std::u32string named =
      ReadBoth(U"收到意见12条，解决问题4条。")[1].object;
  EXPECT_EQ(named.substr(named.size() - 2), U"问题");
}

TEST_F(CombinedReading, NounAfterTheMeasureIsCounted) {
  // The verbal noun between the verb and the count is the manner of the
  // deed; the noun after the measure is counted.
  Check(ReadBoth(U"办理协商9件提案。"), {U"", 0, "提案", "办理协商", ""});
  // Negative: with nothing after the measure, or no noun there, the
  // verbal noun is the thing counted.
  EXPECT_EQ(ReadBoth(U"办理协商9件。")[0].object, U"协商");
  EXPECT_EQ(ReadBoth(U"办理协商9件，收到提案3件。")[0].object, U"协商");
}

TEST_F(CombinedReading, LabelOnTheNextLineIsNoObject) {
  // A headline's count, then a dateline on the next line.
  EXPECT_EQ(ReadBoth(U"收到12件\n本报讯：今日")[0].object, U"");
  // Negative: on the number's own line the noun before a colon is the
  // thing a list breaks down.
  EXPECT_EQ(ReadBoth(U"收到12件提案：其中")[0].object, U"提案");
}

TEST_F(CombinedReading, TotalCountsWhatItsPartsCount) {
  // A total after two counts of its measure counts the head they share,
  // cut at a word (中药材 and 药材 share no word; 种子 they share).
  EXPECT_EQ(ReadBoth(U"有中药材种子12吨、药材种子30吨，共42吨。")[2].object,
            U"种子");
  // Negative: parts that share no head, and a total with one part.
  EXPECT_EQ(ReadBoth(U"有中药材种子12吨、药材用水30吨，共42吨。")[2].object,
            U"");
  EXPECT_EQ(ReadBoth(U"有中药材种子12吨，共42吨。")[1].object, U"");
}

TEST_F(CombinedReading, ShareBaseNamesTheSet) {
  // The base of the share after a count is a total a verb names: the
  // count is part of what that verb counts.
  const auto got =
      ReadBoth(U"收到提案80件，其中文化方面提案30件，占立案总数15%。");
  EXPECT_EQ(got[1].set_mention, -1);
  EXPECT_EQ(got[1].set_action, U"立案");
  // Negative: a base no verb names, or a bare total, says nothing of the
  // set.
  EXPECT_EQ(ReadBoth(U"文化方面提案30件，占提案总数的15%。")[0].set_action,
            U"");
  EXPECT_EQ(ReadBoth(U"文化方面提案30件，占总数的15%。")[0].set_action, U"");
}

TEST_F(CombinedReading, FrontWordsNamingNoKind) {
  // 相关 points back to a set named before: no kind.
  EXPECT_EQ(ReadBoth(U"收到相关提案12件。")[0].object, U"提案");
  // A total word with its verb, or a verb of having, inside the phrase
  // ends the subject: what is counted follows.
  Check(ReadBoth(U"全体会员共办实事40件。"), {U"", 0, "实事", "办", ""});
  EXPECT_EQ(ReadBoth(U"协会现有会员300名。")[0].object, U"会员");
  // Negative: a word that opens with the same character stays.
  EXPECT_NE(ReadBoth(U"收到公共服务提案12件。")[0].object.find(U"公共服务"),
            std::u32string::npos);
}

TEST_F(CombinedReading, ComparisonIsNoObject) {
  // 同比 says what the change is measured against: the change is of what
  // the count before it measured.
  const auto got = ReadBoth(U"收到提案120件，同比增长8%。");
  Check(got, {U"", 1, "提案", "增长", ""});
  // Opening its clause, 比上年 with the verb after it: carried too.
  Check(ReadBoth(U"收到提案120件，比上年增长8%。"),
        {U"", 1, "提案", "增长", ""});
  // Negative: with no count before it in the sentence, nothing is carried.
  const auto alone = ReadBoth(U"同比增长8%。");
  EXPECT_EQ(alone[0].object, U"");
  EXPECT_EQ(alone[0].action, U"增长");
  // Negative: a noun that only starts like it stays (比例 + 可).
  EXPECT_NE(ReadBoth(U"收到提案比例12%。")[0].object, U"");
  // After the noun the comparison ends it, and the noun before it is
  // what changed.
  EXPECT_EQ(ReadBoth(U"经济建设同比增长8%。")[0].object, U"经济建设");
  EXPECT_EQ(ReadBoth(U"经济建设比上年增长8%。")[0].object, U"经济建设");
  EXPECT_EQ(ReadBoth(U"经济建设较去年同期增长8%。")[0].object, U"经济建设");
  // The whole area the figure covers is a place word, no part of it.
  EXPECT_EQ(ReadBoth(U"全市经济建设比上年增长8%。")[0].object, U"经济建设");
  // Negative: 全 before another word stays (全民).
  EXPECT_EQ(ReadBoth(U"全民经济建设比上年增长8%。")[0].object.substr(0, 2),
            U"全民");
}

// MentionAt is one number of the text with its unit, for forms the plain
// Mentions() cannot read (a range 1—2次).
NumberMention MentionAt(size_t begin, size_t end, std::u32string_view unit) {
  NumberMention m;
  m.begin = m.qualifier_begin = begin;
  m.end = m.unit_begin = end;
  m.unit_end = m.mention_end = end + unit.size();
  m.unit = std::u32string(unit);
  return m;
}

TEST_F(CombinedReading, NumberEndsTheObject) {
  PhraseLexicon lex;
  lex.dictionary = dict_;
  lex.actions.Add(U"召开");
  // The first end of a range and a frequency word count nothing.
  const std::u32string range = U"每周1—2次。";
  EXPECT_EQ(AnalysePhrases(range, {MentionAt(4, 5, U"次")}, lex)[0].object,
            U"");
  // The noun before the range stays.
  const std::u32string noun = U"召开会议1—2次。";
  EXPECT_EQ(AnalysePhrases(noun, {MentionAt(6, 7, U"次")}, lex)[0].object,
            U"会议");
  // Negative: a plain count keeps its object.
  const std::u32string plain = U"召开会议3次。";
  EXPECT_EQ(AnalysePhrases(plain, Mentions(plain), lex)[0].object, U"会议");
}

TEST_F(CombinedReading, DeedNamesTheEvent) {
  // The word lists know the deed's verb (送); the holding verb still acts
  // and the deed stays in the activity's name.
  const MetricPhrase held =
      ReadListing({U"送", U"开展"}, {U"活动"}, U"开展送戏进村活动7场。");
  EXPECT_EQ(held.object, U"送戏进村活动");
  EXPECT_EQ(held.action, U"开展");
  // Negative: without a holding verb the deed acts.
  EXPECT_EQ(
      ReadListing({U"送", U"开展"}, {U"活动"}, U"委员送戏进村活动7场。").action,
      U"送");
  // So with an event of another name: a consultation on handling.
  const MetricPhrase handling =
      ReadListing({U"办理", U"开展"}, {U"协商"}, U"开展提案办理协商12次。");
  EXPECT_EQ(handling.object, U"提案办理协商");
  EXPECT_EQ(handling.action, U"开展");
}

TEST_F(CombinedReading, VerbSharedWithTheObject) {
  // A word of verb and object (解决问题) after an action ending in the
  // verb: the object is what follows the verb.
  const MetricPhrase shared =
      ReadListing({U"力促解决", U"解决"}, {U"问题"}, U"力促解决问题30个。");
  EXPECT_EQ(shared.action, U"力促解决");
  EXPECT_EQ(shared.object, U"问题");
  // Negative: an object that only starts like the verb's last character
  // stays whole (推动 + 动力系统).
  EXPECT_EQ(ReadListing({U"推动"}, {U"系统"}, U"推动动力系统3个。").object,
            U"动力系统");
}

TEST_F(CombinedReading, LinkedCountTakesNoVerbFromBefore) {
  PhraseLexicon lex;
  lex.dictionary = dict_;
  lex.actions.Add(U"举办");
  lex.nouns.Add(U"讲座");
  // A noun linked to its number by 达 is a clause of its own.
  const std::u32string linked = U"举办讲座6期，学员达500人。";
  EXPECT_EQ(AnalysePhrases(linked, Mentions(linked), lex)[1].action, U"");
  // Negative: an item of the same list takes the verb before it.
  const std::u32string listed = U"举办讲座6期、论坛2期。";
  EXPECT_EQ(AnalysePhrases(listed, Mentions(listed), lex)[1].action, U"举办");
}

TEST_F(CombinedReading, PointsMoveTheRateBefore) {
  PhraseLexicon lex;
  lex.dictionary = dict_;
  lex.actions.Add(U"召开");
  // PointsAt is the count at `at` in percentage points, 个百分点 after it.
  const auto points_at = [](size_t at) {
    NumberMention m = MentionAt(at, at + 1, U"百分点");
    m.unit_end = m.mention_end = at + 5;
    return m;
  };
  // A change in percentage points moves the rate right before it.
  const std::u32string points = U"参会率为91%，比上年提高4个百分点。";
  const auto got =
      AnalysePhrases(points, {MentionAt(4, 6, U"%"), points_at(13)}, lex);
  EXPECT_EQ(got[1].object, U"参会率");
  EXPECT_EQ(got[1].action, U"提高");
  // Negative: a rate in the sentence before is not what changed.
  const std::u32string apart = U"参会率为91%。比上年提高4个百分点。";
  EXPECT_EQ(
      AnalysePhrases(apart, {MentionAt(4, 6, U"%"), points_at(13)}, lex)[1]
          .object,
      U"");
}

TEST_F(CombinedReading, VerbOfChangeEndsTheObject) {
  // The verb of change is the action; the degree word goes with the value.
  Check(ReadBoth(U"水位最低降至3米。"), {U"", 0, "水位", "降至", ""});
  // Negative: without a verb of change the object is left as read.
  EXPECT_EQ(ReadBoth(U"水位最低降至3米。")[0].object.find(U"至"),
            std::u32string::npos);
  EXPECT_NE(ReadBoth(U"水位3米。")[0].object, U"");
}

TEST_F(CombinedReading, KindWordsOfTheGenre) {
  // 类 ends the noun of a part named by its kind; it is no measure word.
  Check(ReadBoth(U"生态建设类40件。"), {U"", 0, "生态建设类", "", ""});
  // Negative: 各类 stays a word of its own, before what is counted.
  EXPECT_EQ(ReadBoth(U"开展各类活动30场。")[0].object, U"活动");
  // 党外 says which kind of member, as 中共 does.
  EXPECT_EQ(ReadBoth(U"党外委员45名。")[0].object, U"党外委员");
  // Negative: a noun that only starts with the same characters is left
  // whole (党外事务 is no kind word and a noun).
  EXPECT_EQ(ReadBoth(U"党外事务12项。")[0].object, U"党外事务");
}

TEST_F(CombinedReading, CarriedVerbIsTheCountBefores) {
  // The verb inside the first part's noun (建设 of 城乡建设类) is not its
  // action, so the next part has none to carry either.
  const auto parts = ReadBoth(U"城乡建设类30件、社会保障类20件。");
  EXPECT_EQ(parts[0].action, U"");
  EXPECT_EQ(parts[1].action, U"");
  // Negative: the verb the count before was read with is carried.
  const auto counts = ReadBoth(U"收到提案30件、建议20件。");
  EXPECT_EQ(counts[1].action, U"收到");
}

TEST_F(CombinedReading, NegatingPrefixStays) {
  // 非 + a noun is the complement set, a kind of its own.
  const auto got = ReadBoth(U"现有会员300名，非会员120名。");
  EXPECT_EQ(got[0].object, U"会员");
  EXPECT_EQ(got[1].object, U"非会员");
  // Negative: 除非 is a conjunction, not the prefix.
  EXPECT_NE(ReadBoth(U"除非会员120名。")[0].object, U"非会员");
  // After the measure, the object follows it at once.
  EXPECT_EQ(ReadBoth(U"吸收会员30名非会员。")[0].object, U"非会员");
  // Negative: the same noun in the next item of a list, after its 非, is
  // the next item's; the first item is the noun itself.
  const auto list = ReadBoth(U"正式会员200名、非正式会员80名。");
  EXPECT_EQ(list[0].object, U"正式会员");
  EXPECT_EQ(list[1].object, U"非正式会员");
}

TEST_F(CombinedReading, SpanOfTimeHasNoVerb) {
  // 来 after a span of years is the span's own word, no verb.
  EXPECT_EQ(ReadBoth(U"近5年来，开展调研。")[0].action, U"");
  // Negative: a count of years with a verb keeps the verb.
  EXPECT_EQ(ReadBoth(U"建设5年。")[0].action, U"建设");
}

TEST_F(CombinedReading, NounAfterTheMeasureOpensWithAVerb) {
  PhraseLexicon lex;
  lex.dictionary = dict_;
  for (std::u32string_view v : {U"组织", U"调研", U"建设"}) lex.actions.Add(v);
  // A noun the dictionary lists right after the measure is counted, even
  // where it opens with a verb (调研 + 组) or a stop word (功能 + 区).
  const std::u32string groups = U"组织4个调研组，";
  Check(AnalysePhrases(groups, Mentions(groups), lex),
        {U"", 0, "调研组", "组织", ""});
  const std::u32string areas = U"建设3个功能区。";
  Check(AnalysePhrases(areas, Mentions(areas), lex),
        {U"", 0, "功能区", "建设", ""});
  // Negative: the verb alone after the measure is no noun.
  const std::u32string verb = U"组织4个调研，";
  EXPECT_EQ(AnalysePhrases(verb, Mentions(verb), lex)[0].object.find(U"组"),
            std::u32string::npos);
}

TEST_F(CombinedReading, ClauseWithItsOwnVerbCarriesNoVerb) {
  PhraseLexicon lex;
  lex.dictionary = dict_;
  lex.actions.Add(U"建成");
  // The second clause opens with a verb of its own (not in the word
  // lists): the first clause's verb is not carried over to it.
  const std::u32string own = U"建成热线2条，开通专线5条。";
  EXPECT_NE(AnalysePhrases(own, Mentions(own), lex)[1].action, U"建成");
  // Negative: a clause with no verb goes on with the verb before.
  const std::u32string verbless = U"建成热线2条，专线5条。";
  EXPECT_EQ(AnalysePhrases(verbless, Mentions(verbless), lex)[1].action,
            U"建成");
}

TEST_F(PhraseRules, SuoMakesTheVerbAModifier) {
  // 所 + verb + noun is a noun phrase, the subject of the state after it:
  // the noun is counted, the state is the action.
  Check(Read(U"所提意见采用或部分采用的40件。"),
        {U"", 0, "意见", "采用或部分采用", "state"});
  // Negative: without 所 the verb and its noun stay in the state.
  EXPECT_NE(Read(U"提意见采用或部分采用的40件。")[0].object, U"意见");
}

TEST_F(CombinedReading, KindWordTakesANoun) {
  PhraseLexicon lex;
  lex.dictionary = dict_;
  for (std::u32string_view v : {U"实现", U"视察"}) lex.actions.Add(v);
  // A kind word modifies a noun: the verbs the cut read after it are a
  // compound noun up to the count's listed verb.
  const std::u32string revenue = U"国有预算收入实现9亿元。";
  Check(AnalysePhrases(revenue, Mentions(revenue), lex),
        {U"", 0, "国有预算收入", "实现", ""});
  // Negative: with no listed verb at the end nothing moves, and a listed
  // verb after the kind word is a kind of deed.
  const std::u32string bare = U"国有预算收入9亿元。";
  EXPECT_NE(AnalysePhrases(bare, Mentions(bare), lex)[0].action, U"收入");
  const std::u32string deed = U"国有视察实现9次。";
  EXPECT_EQ(AnalysePhrases(deed, Mentions(deed), lex)[0].object.find(U"视察"),
            std::u32string::npos);
}

TEST_F(CombinedReading, ModifierBeforeALoneDeedStays) {
  PhraseLexicon lex;
  lex.dictionary = dict_;
  lex.actions.Add(U"开展");
  lex.modifiers.Add(U"专题");
  lex.modifiers.Add(U"相关");
  // 专题 (a noun) before a lone verbal noun says which kind of deed.
  const std::u32string deed = U"开展专题调研12次。";
  Check(AnalysePhrases(deed, Mentions(deed), lex),
        {U"", 0, "专题调研", "开展", ""});
  // Negative: an adjective modifier (相关) before it still goes.
  const std::u32string adjective = U"开展相关调研12次。";
  EXPECT_EQ(AnalysePhrases(adjective, Mentions(adjective), lex)[0].object,
            U"调研");
}

TEST_F(PhraseRules, DegreeWordBeforeTheVerbSpeaksOfTheValue) {
  // 最高 before the verb of change is said of the value: the noun before
  // it is what changed.
  Check(Read(U"水位最高升至5米。"),
        {U"", 0, "水位", "升至", "noun_verb_number"});
  // Negative: another adjective before the verb is no degree word.
  EXPECT_NE(Read(U"水位满意升至5米。")[0].object, U"水位");
}

TEST_F(PhraseRules, NoCrashOnEdges) {
  EXPECT_TRUE(Read(U"").empty());
  const auto got = Read(U"12件");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].object, U"");
  PhraseLexicon empty;
  const std::u32string text = U"收到提案120件";
  EXPECT_EQ(AnalysePhrases(text, Mentions(text), empty).size(), 1u);
}

// The lexical reading takes the rules' sentences only where the rules'
// scans stopped at no character that ends a sentence for them alone (the
// half-width ｡, the rarer line breaks U+2028, \v): then both cut alike.
TEST_F(PhraseRules, LexicalReadingTakesTheRulesSentencesWhereBothCutAlike) {
  PhraseLexicon lex;
  lex.dictionary = dict_;
  lex.actions.Add(U"收到");
  lex.actions.Add(U"办结");
  lex.nouns.Add(U"来信");
  const struct {
    std::u32string_view text;
    bool same;
  } kCases[] = {
      {U"收到来信80封，办结75封。", true},
      {U"收到来信80封。办结75封", true},
      {U"收到来信80封\uFF61办结75封。", false},
      {U"收到来信80封\u2028办结75封。", false},
      {U"收到来信80封\v办结75封。", false},
  };
  for (const auto& c : kCases) {
    const std::vector<NumberMention> mentions = Mentions(c.text);
    ASSERT_EQ(mentions.size(), 2u);
    bool same = !c.same;
    const std::vector<MetricPhrase> rules =
        phrase_internal::ReadByRules(c.text, mentions, lex, &same);
    EXPECT_EQ(same, c.same) << EncodeUtf8(c.text);
    const std::vector<MetricPhrase> scanned =
        phrase_internal::ReadLexically(c.text, mentions, lex);
    const std::vector<MetricPhrase> taken =
        phrase_internal::ReadLexically(c.text, mentions, lex, &rules);
    for (size_t k = 0; k < mentions.size() && same; ++k) {
      EXPECT_EQ(taken[k].sentence_begin, scanned[k].sentence_begin);
      EXPECT_EQ(taken[k].sentence_end, scanned[k].sentence_end);
      EXPECT_EQ(taken[k].object, scanned[k].object);
      EXPECT_EQ(taken[k].action, scanned[k].action);
    }
  }
}

TEST(VerbMayQualify, HeadsOfEveryListAndNoOthers) {
  // Each list's words, and ones that end as they do but are none of them.
  for (const std::u32string_view head :
       {U"建议", U"报告", U"清单", U"資金", U"资金款", U"活動", U"情況",
        U"进展", U"会", U"會議", U"常委会议", U"座谈会", U"表彰會"}) {
    EXPECT_TRUE(phrase_internal::VerbMayQualify(head)) << EncodeUtf8(head);
  }
  for (const std::u32string_view head :
       {U"", U"提案", U"委员会", U"社会", U"议", U"发展", U"项目", U"会员"}) {
    EXPECT_FALSE(phrase_internal::VerbMayQualify(head)) << EncodeUtf8(head);
  }
}

TEST(TrailingComparisonLength, ComparisonsThatEndTheObject) {
  EXPECT_EQ(phrase_internal::TrailingComparisonLength(U"收入同比"), 2u);
  EXPECT_EQ(phrase_internal::TrailingComparisonLength(U"收入较上年同期"), 5u);
  EXPECT_EQ(phrase_internal::TrailingComparisonLength(U"收入比去年"), 3u);
  EXPECT_EQ(phrase_internal::TrailingComparisonLength(U"收入較上月"), 3u);
  EXPECT_EQ(phrase_internal::TrailingComparisonLength(U"比上年"), 0u);
  EXPECT_EQ(phrase_internal::TrailingComparisonLength(U"全市上年"), 0u);
  EXPECT_EQ(phrase_internal::TrailingComparisonLength(U"财政收入"), 0u);
}

TEST(IsPersonNoun, PeopleByWordOrByLastCharacter) {
  for (const std::u32string_view w :
       {U"领导", U"常委", U"机关干部", U"人大代表", U"一线职工", U"农民工人",
        U"委员", U"群众", U"学生", U"教師", U"专家", U"企業家"}) {
    EXPECT_TRUE(phrase_internal::IsPersonNoun(w)) << EncodeUtf8(w);
  }
  for (const std::u32string_view w :
       {U"", U"员", U"提案", U"家", U"工作", U"委员会", U"国家"}) {
    EXPECT_FALSE(phrase_internal::IsPersonNoun(w)) << EncodeUtf8(w);
  }
}

// The four-at-a-time sentence scans stop where the character loops do, for
// every start and bound over text mixing Han characters, digits, marks
// and every kind of sentence end.
TEST(SentenceScans, StopWhereACharacterLoopStops) {
  const std::u32string text =
      U"收到来信80封。办结75封！其中\n集体提案?12件;重点；督办｡3件\u2028\v"
      U"\f件\u2029年度！？!，说明：4件 件件件件件件件件件件件。";
  for (size_t from = 0; from <= text.size(); ++from) {
    for (size_t bound = 0; bound <= text.size(); ++bound) {
      if (bound >= from) {
        size_t e = from;
        while (e < bound && !phrase_internal::EndsSentence(text[e])) ++e;
        ASSERT_EQ(phrase_internal::SentenceEndFrom(text, from, bound), e)
            << from << " " << bound;
      } else {
        size_t b = from;
        while (b > bound && !phrase_internal::EndsSentence(text[b - 1])) --b;
        ASSERT_EQ(phrase_internal::SentenceStartBefore(text, from, bound), b)
            << from << " " << bound;
      }
    }
  }
  // At the floor itself the scan back goes no further.
  EXPECT_EQ(phrase_internal::SentenceStartBefore(text, 5, 5), 5u);
}

}  // namespace
}  // namespace reportfacts
