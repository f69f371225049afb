#include "service/core/extractor.h"

#include <algorithm>
#include <cstdio>
#include <future>
#include <optional>
#include <system_error>
#include <utility>

#include "absl/strings/str_cat.h"
#include "service/core/chars.h"
#include "service/core/dates.h"
#include "service/core/document.h"
#include "service/core/gazetteer.h"
#include "service/core/lexicon.h"
#include "service/core/number_scan.h"
#include "service/core/people.h"
#include "service/core/phrase.h"
#include "service/core/reports.h"
#include "service/core/segmenter.h"
#include "service/core/taxonomy.h"
#include "service/core/traditional.h"
#include "service/core/utf8.h"

namespace reportfacts {

// ExtractorData is everything loaded from the data folder.
class ExtractorData {
 public:
  UnitTable units;
  Dictionary dictionary;  // jieba's words with the genre's overlay
  PhraseLexicon phrases;
  Taxonomy taxonomy;
  Gazetteer gazetteer;
  PeopleLexicon people;
  std::unique_ptr<TraditionalConverter> traditional;
};

namespace {

// OverFactLimit is INVALID_ARGUMENT when `facts` pass the call's limit: the
// same document passes it again on every retry, so it is not the
// "overloaded, retry" of RESOURCE_EXHAUSTED.
std::optional<absl::Status> OverFactLimit(size_t facts,
                                          const ExtractOptions& options) {
  if (options.max_facts <= 0 ||
      static_cast<int64_t>(facts) <= options.max_facts) {
    return std::nullopt;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("the document yields more than ", options.max_facts,
                   " facts, the limit of this call; split the document"));
}

// DocumentScans are the facts found by scanning the whole document rather
// than around each number.
struct DocumentScans {
  std::vector<Report> reports;
  std::vector<DateMention> dates;
  std::vector<Person> people;
};

std::string DataPath(const ExtractorConfig& config, const std::string& name) {
  return absl::StrCat(config.data_dir, "/", name);
}

}  // namespace

Extractor::Extractor(std::unique_ptr<const ExtractorData> data)
    : data_(std::move(data)) {}
Extractor::~Extractor() = default;

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Load(
    const ExtractorConfig& config) {
  auto data = std::make_unique<ExtractorData>();
  auto units = LoadUnitTable(DataPath(config, "units.tsv"),
                             DataPath(config, "qualifiers.tsv"),
                             DataPath(config, "number_context.tsv"));
  if (!units.ok()) return units.status();
  data->units = *std::move(units);

  // The segmenter's dictionary: the data folder's copy of jieba's, else
  // the one the build found (a source tree's data folder has none).
  std::string jieba_path = DataPath(config, "jieba_dict.txt");
  if (std::FILE* f = std::fopen(jieba_path.c_str(), "rb")) {
    std::fclose(f);
  } else {
    jieba_path = REPORTFACTS_JIEBA_DICT;
  }
  auto dictionary =
      Dictionary::Load(jieba_path, {DataPath(config, "genre_words.tsv")});
  if (!dictionary.ok()) return dictionary.status();
  data->dictionary = *std::move(dictionary);
  auto gazetteer = Gazetteer::Load(DataPath(config, "gazetteer.tsv"));
  if (!gazetteer.ok()) return gazetteer.status();
  data->gazetteer = *std::move(gazetteer);
  data->phrases.dictionary = &data->dictionary;
  data->phrases.places = &data->gazetteer.names();
  for (auto [name, set] : {std::pair{"actions.txt", &data->phrases.actions},
                           std::pair{"nouns.txt", &data->phrases.nouns},
                           std::pair{"modifiers.txt", &data->phrases.modifiers},
                           std::pair{"agents.txt", &data->phrases.agents}}) {
    auto words = LoadWordSet(DataPath(config, name));
    if (!words.ok()) return words.status();
    *set = *std::move(words);
  }

  const std::string taxonomy_path = config.taxonomy_path.empty()
                                        ? DataPath(config, "taxonomy.tsv")
                                        : config.taxonomy_path;
  auto taxonomy = Taxonomy::Load(taxonomy_path);
  if (!taxonomy.ok()) return taxonomy.status();
  data->taxonomy = *std::move(taxonomy);

  auto people = LoadPeopleLexicon(
      DataPath(config, "roles.txt"), DataPath(config, "name_context.txt"),
      DataPath(config, "surnames.txt"), DataPath(config, "common_words.txt"));
  if (!people.ok()) return people.status();
  data->people = *std::move(people);
  data->people.dictionary = &data->dictionary;

  auto traditional = TraditionalConverter::Load(kDefaultT2sConfig);
  if (!traditional.ok()) return traditional.status();
  data->traditional = *std::move(traditional);
  return std::unique_ptr<Extractor>(new Extractor(std::move(data)));
}

namespace {

// (Never destroyed: no global of a type with a destructor.)
const std::string& SatisfactionRate() {
  static const auto* const id = new std::string("proposals.satisfaction_rate");
  return *id;
}

const std::string& TrainingParticipants() {
  static const auto* const id = new std::string("training.participants");
  return *id;
}

// WholeAfterCount: where mention i is a share (占…%) right after a plain
// count (mention i - 1), joined by a comma and 占 within 16 characters
// (立案300件，占提案总数的90%): the words after 占, the whole it is a share
// of (often none). Else nullopt.
std::optional<std::u32string_view> WholeAfterCount(
    std::u32string_view text, const std::vector<NumberMention>& mentions,
    const std::vector<MetricPhrase>& phrases, size_t i) {
  if (i == 0 || phrases[i].frame != Frame::kShare || mentions[i].unit != U"%" ||
      phrases[i - 1].frame != Frame::kCount) {
    return std::nullopt;
  }
  const size_t from = mentions[i - 1].mention_end;
  const size_t to = mentions[i].qualifier_begin;
  if (to <= from + 1 || to - from > 16) return std::nullopt;
  const std::u32string_view between = text.substr(from, to - from);
  if (between[0] != U'，' && between[0] != U',') return std::nullopt;
  if (between[1] != U'占' && between[1] != U'佔') return std::nullopt;
  return between.substr(2);
}

// ShareIsTheStagesRate: the share right after a count of proposals at a
// stage of handling, as a share of the whole (立案300件，占提案总数的90%),
// is that stage's rate, as 立案率 is (GUIDE: a rate takes the indicator of
// its rate). A part's share (其中集体提案20件，占6%) stays other.
bool ShareIsTheStagesRate(std::u32string_view text,
                          const std::vector<NumberMention>& mentions,
                          const std::vector<MetricPhrase>& phrases,
                          const std::vector<Metric>& metrics, size_t i) {
  const std::optional<std::u32string_view> whole =
      WholeAfterCount(text, mentions, phrases, i);
  if (!whole) return false;
  const MetricPhrase& count = phrases[i - 1];
  if (count.set_mention >= 0 || !count.set_object.empty()) return false;
  const std::string& stage = metrics[i - 1].indicator;
  if (stage != "proposals.registered" && stage != "proposals.resolved") {
    return false;
  }
  return whole->find(U"总") != std::u32string_view::npos ||
         whole->find(U"總") != std::u32string_view::npos;
}

// ShareOfTheCountsDeed: a share right after a count, joined by 占 alone
// or with the whole it is a share of (已办结的120件，占95%), is the share
// of the proposals that deed was done to. Where the share's own words name
// no indicator, the count's deed does: the share is that deed's rate.
const std::string* ShareOfTheCountsDeed(
    std::u32string_view text, const std::vector<NumberMention>& mentions,
    const std::vector<MetricPhrase>& phrases, const Taxonomy& taxonomy,
    size_t i) {
  const std::optional<std::u32string_view> whole =
      WholeAfterCount(text, mentions, phrases, i);
  if (!whole) return nullptr;
  const MetricPhrase& count = phrases[i - 1];
  if (count.action.empty()) return nullptr;
  // One clause: no second comma or stop between the count and the share.
  if (std::any_of(whole->begin(), whole->end(), IsClauseBreak)) return nullptr;
  const std::string& id =
      taxonomy.Classify(phrases[i].object, count.action, U"%", Frame::kShare);
  return id == "other" ? nullptr : &id;
}

// AfterZai says whether the count at `i` is of the places after 在: 在
// right before the number or a scope word of up to three characters (在全市
// 114个), or a count of places joined by 和/及/、 to such a count (在8个镇和
// 3个园区).
bool AfterZai(std::u32string_view text,
              const std::vector<NumberMention>& mentions, size_t i) {
  const size_t q = mentions[i].qualifier_begin;
  for (size_t back = 1; back <= 4 && back <= q; ++back) {
    const char32_t c = text[q - back];
    if (c == U'在') return true;
    if (!IsCjk(c)) break;
  }
  if (i == 0 || q == 0) return false;
  const char32_t joiner = text[q - 1];
  return (joiner == U'和' || joiner == U'及' || joiner == U'、') &&
         mentions[i - 1].mention_end + 1 <= q &&
         q - mentions[i - 1].mention_end <= 12 &&
         AfterZai(text, mentions, i - 1);
}

// PlacesWhereThingsWereSetUp: a count of places after 在 with a verb of
// setting up later in its clause (在全县12个乡镇建立委员工作站) counts what
// was set up, one in each place: where the places name no indicator, the
// thing named after the verb does.
const std::string* PlacesWhereThingsWereSetUp(
    std::u32string_view text, const std::vector<NumberMention>& mentions,
    const std::vector<MetricPhrase>& phrases, const Taxonomy& taxonomy,
    size_t i) {
  const MetricPhrase& p = phrases[i];
  if (p.frame != Frame::kCount || p.object.empty() ||
      !AfterZai(text, mentions, i)) {
    return nullptr;
  }
  const size_t from = mentions[i].mention_end;
  size_t to = from;
  while (to < text.size() && to - from < 48 && !IsClauseBreak(text[to]) &&
         !IsLineBreak(text[to])) {
    ++to;
  }
  const std::u32string_view rest = text.substr(from, to - from);
  static constexpr std::u32string_view kSettingUp[] = {
      U"建立", U"建成", U"设立", U"成立", U"组建",
      U"新建", U"搭建", U"設立", U"組建"};
  for (const std::u32string_view verb : kSettingUp) {
    const size_t at = rest.find(verb);
    if (at == std::u32string_view::npos) continue;
    const std::string& id =
        taxonomy.Classify(rest.substr(at + verb.size()), verb, U"个");
    return id == "other" ? nullptr : &id;
  }
  return nullptr;
}

}  // namespace

absl::StatusOr<Extraction> Extractor::Extract(
    std::string_view text, const ExtractOptions& options) const {
  absl::StatusOr<Document> doc = Document::FromUtf8(
      text, options.convert_traditional ? data_->traditional.get() : nullptr);
  if (!doc.ok()) return doc.status();
  const auto cancelled = [&options]() {
    return options.is_cancelled && options.is_cancelled();
  };
  const std::u32string_view view = doc->text();
  Extraction result;

  const std::vector<NumberToken>& numbers = doc->numbers();
  const std::vector<NumberMention> mentions =
      ScanNumberTokens(view, numbers, data_->units, /*exclusions=*/nullptr,
                       &doc->enclosing_marks());
  if (cancelled()) return absl::CancelledError("extraction cancelled");
  if (auto over = OverFactLimit(mentions.size(), options)) return *over;
  // The scans of the whole document: what the metrics' report indices,
  // the dates and the people need, and nothing the phrases need.
  const std::vector<TextLine>& lines = doc->lines();
  const auto scan_document = [&]() -> absl::StatusOr<DocumentScans> {
    DocumentScans scans;
    scans.reports = SplitReports(view, lines, data_->gazetteer, data_->people);
    scans.dates = ExtractDatesFromTokens(view, numbers, scans.reports,
                                         options.reference_date);
    if (cancelled()) return absl::CancelledError("extraction cancelled");
    scans.people = ExtractPeople(view, lines, scans.reports, data_->people,
                                 data_->gazetteer);
    return scans;
  };
  std::future<absl::StatusOr<DocumentScans>> beside;
  if (options.max_threads > 1 && view.size() >= kParallelMinCodePoints) {
    try {
      beside = std::async(std::launch::async, scan_document);
    } catch (const std::system_error&) {
      // No thread to be had: the scans run after the phrases instead.
    }
  }

  const std::vector<MetricPhrase> phrases =
      AnalysePhrases(view, mentions, data_->phrases);
  if (cancelled()) return absl::CancelledError("extraction cancelled");
  result.metrics.reserve(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    const NumberMention& m = mentions[i];
    const MetricPhrase& p = phrases[i];
    // Built in place (the list is reserved): no move of five strings.
    Metric& metric = result.metrics.emplace_back();
    metric.begin = static_cast<int64_t>(m.begin);
    metric.end = static_cast<int64_t>(m.end);
    metric.text = EncodeUtf8(view.substr(m.begin, m.end - m.begin));
    metric.unit_text =
        EncodeUtf8(view.substr(m.unit_begin, m.unit_end - m.unit_begin));
    metric.value = m.value;
    metric.unit = EncodeUtf8(m.unit);
    metric.qualifier = m.qualifier;
    metric.object = EncodeUtf8(p.object);
    metric.action = EncodeUtf8(p.action);
    // A sub-count takes the indicator of the set it splits (a count of
    // the same unit before it, or a set named in words: 在…中, 立案提案全部
    // 办结，其中…); else its own.
    // A part with a verb of its own that the set does not share (收到
    // 100件，其中会议期间受理80件) is counted at its own stage, and so is
    // one a rule puts at no stage (其中暂缓解决5件: "other" by a rule).
    const std::string* indicator = nullptr;
    bool own_by_rule = false;
    const std::string& own = data_->taxonomy.Classify(
        p.object, p.action, m.unit, p.frame, &own_by_rule);
    if (p.set_mention >= 0 &&
        mentions[static_cast<size_t>(p.set_mention)].unit == m.unit) {
      const Metric& set = result.metrics[static_cast<size_t>(p.set_mention)];
      if (p.action.empty() || metric.action == set.action || !own_by_rule) {
        indicator = &set.indicator;
      }
    } else if (!p.set_object.empty() &&
               !(own_by_rule && own == "other" && !p.action.empty() &&
                 p.action != p.set_action)) {
      // (A part a rule puts at no stage, 其中暂不能解决的5件, is other.)
      indicator = &data_->taxonomy.Classify(p.set_object, p.set_action, m.unit);
    }
    // The size first: most ids are longer, and compare at once.
    if (indicator == nullptr ||
        (indicator->size() == 5 && *indicator == "other")) {
      indicator = &own;
    }
    // People counted by what they took part in (委员参加专题培训300人次):
    // where the people and their verb name no kind of count, a training
    // they took part in makes them people trained (GUIDE: 培训…人), the one
    // indicator that counts people by the event they attend (a count of
    // people at a meeting counts no meetings).
    if (*indicator == "other" && !own_by_rule && !p.theme.empty()) {
      const std::string& by_theme =
          data_->taxonomy.Classify(p.theme, p.action, m.unit);
      if (by_theme == TrainingParticipants()) indicator = &by_theme;
    }
    if (ShareIsTheStagesRate(view, mentions, phrases, result.metrics, i)) {
      indicator = &SatisfactionRate();
    } else if (indicator->size() == 5 && *indicator == "other") {
      if (const std::string* deeds = ShareOfTheCountsDeed(
              view, mentions, phrases, data_->taxonomy, i)) {
        indicator = deeds;
      } else if (const std::string* set_up = PlacesWhereThingsWereSetUp(
                     view, mentions, phrases, data_->taxonomy, i)) {
        indicator = set_up;
      }
    }
    metric.indicator = *indicator;
    metric.sentence_begin = static_cast<int64_t>(p.sentence_begin);
    metric.sentence_end = static_cast<int64_t>(p.sentence_end);
  }
  if (cancelled()) return absl::CancelledError("extraction cancelled");

  absl::StatusOr<DocumentScans> scans =
      beside.valid() ? beside.get() : scan_document();
  if (!scans.ok()) return scans.status();
  result.reports = std::move(scans->reports);
  result.dates = std::move(scans->dates);
  result.people = std::move(scans->people);
  for (Metric& metric : result.metrics) {
    metric.report = ReportIndexAt(result.reports, metric.begin);
  }
  if (auto over =
          OverFactLimit(result.metrics.size() + result.dates.size() +
                            result.people.size() + result.reports.size(),
                        options)) {
    return *over;
  }
  doc->MapBack(&result);
  return result;
}

std::vector<Extractor::IndicatorInfo> Extractor::Indicators() const {
  std::vector<IndicatorInfo> out;
  for (const Indicator& i : data_->taxonomy.indicators()) {
    out.push_back({i.id, i.description});
  }
  return out;
}

}  // namespace reportfacts
