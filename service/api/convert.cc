#include "service/api/convert.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "service/api/code_points.h"

namespace reportfacts {
int32_t PageOf(const std::vector<int64_t>& page_starts, int64_t offset) {
  if (page_starts.empty()) return 0;
  const auto it =
      std::upper_bound(page_starts.begin(), page_starts.end(), offset);
  return std::max<int32_t>(1, static_cast<int32_t>(it - page_starts.begin()));
}

std::vector<int64_t> PageEnds(std::string_view text,
                              const std::vector<int64_t>& page_starts) {
  std::vector<int64_t> ends;
  if (page_starts.empty()) return ends;
  int64_t size = 0;
  for (size_t byte = 0; byte < text.size(); ++size) {
    byte += Utf8SequenceLength(static_cast<unsigned char>(text[byte]));
  }
  ends.reserve(page_starts.size());
  for (size_t k = 0; k < page_starts.size(); ++k) {
    ends.push_back(k + 1 < page_starts.size() ? page_starts[k + 1] : size);
  }
  return ends;
}

v1::Metric::Qualifier QualifierToProto(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::kExact:
      return v1::Metric::EXACT;
    case Qualifier::kMoreThan:
      return v1::Metric::MORE_THAN;
    case Qualifier::kNearly:
      return v1::Metric::NEARLY;
    case Qualifier::kAbout:
      return v1::Metric::ABOUT;
    case Qualifier::kLessThan:
      return v1::Metric::LESS_THAN;
  }
  return v1::Metric::QUALIFIER_UNSPECIFIED;
}

Qualifier QualifierFromProto(v1::Metric::Qualifier qualifier) {
  switch (qualifier) {
    case v1::Metric::MORE_THAN:
      return Qualifier::kMoreThan;
    case v1::Metric::NEARLY:
      return Qualifier::kNearly;
    case v1::Metric::ABOUT:
      return Qualifier::kAbout;
    case v1::Metric::LESS_THAN:
      return Qualifier::kLessThan;
    default:
      return Qualifier::kExact;
  }
}

void ExtractionToProto(const Extraction& facts, std::string_view text,
                       v1::ExtractResponse* out, const AnswerOptions& answer,
                       const std::vector<int64_t>& page_starts) {
  const bool paged = !page_starts.empty();
  const std::vector<int64_t> page_ends = PageEnds(text, page_starts);
  for (size_t k = 0; k < page_starts.size(); ++k) {
    v1::Page* page = out->add_pages();
    page->set_number(static_cast<int32_t>(k + 1));
    page->mutable_span()->set_begin(std::min(page_starts[k], page_ends[k]));
    page->mutable_span()->set_end(page_ends[k]);
  }
  for (const Report& report : facts.reports) {
    v1::Report* r = out->add_reports();
    r->set_begin(report.begin);
    r->set_end(report.end);
    r->set_title(report.title);
    r->set_subtitle(report.subtitle);
    r->set_organization(report.organization);
    r->set_city(report.city);
    r->set_province(report.province);
    if (report.year.has_value()) r->set_year(*report.year);
    for (const Author& author : report.authors) {
      v1::Author* a = r->add_authors();
      a->set_name(author.name);
      a->set_role(author.role);
    }
    if (paged) r->set_page(PageOf(page_starts, report.begin));
  }

  SentenceCutter sentences(text);
  out->mutable_metrics()->Reserve(static_cast<int>(facts.metrics.size()));
  for (const Metric& metric : facts.metrics) {
    v1::Metric* m = out->add_metrics();
    m->set_begin(metric.begin);
    m->set_end(metric.end);
    m->set_text(metric.text);
    m->set_unit_text(metric.unit_text);
    m->set_value(metric.value);
    m->set_unit(metric.unit);
    m->set_qualifier(QualifierToProto(metric.qualifier));
    m->set_object(metric.object);
    m->set_action(metric.action);
    m->set_indicator(metric.indicator);
    if (answer.sentence_text) {
      const std::string_view sentence =
          sentences.Cut(metric.sentence_begin, metric.sentence_end);
      if (!sentence.empty()) m->set_sentence(sentence.data(), sentence.size());
    }
    m->mutable_sentence_span()->set_begin(metric.sentence_begin);
    m->mutable_sentence_span()->set_end(metric.sentence_end);
    m->set_report(metric.report);
    if (paged) m->set_page(PageOf(page_starts, metric.begin));
  }

  for (const DateMention& date : facts.dates) {
    v1::DateMention* d = out->add_dates();
    d->set_begin(date.begin);
    d->set_end(date.end);
    d->set_text(date.text);
    d->set_start(date.start);
    d->set_finish(date.finish);
    d->set_report(date.report);
    if (paged) d->set_page(PageOf(page_starts, date.begin));
  }

  for (const Person& person : facts.people) {
    v1::Person* p = out->add_people();
    p->set_name(person.name);
    p->set_role(person.role);
    p->set_organization(person.organization);
    p->set_begin(person.begin);
    p->set_end(person.end);
    p->set_report(person.report);
    if (paged) p->set_page(PageOf(page_starts, person.begin));
  }
}

void FillSentences(std::string_view text, v1::ExtractResponse* response) {
  SentenceCutter sentences(text);
  for (v1::Metric& metric : *response->mutable_metrics()) {
    if (!metric.sentence().empty()) continue;
    const std::string_view sentence = sentences.Cut(
        metric.sentence_span().begin(), metric.sentence_span().end());
    if (!sentence.empty())
      metric.set_sentence(sentence.data(), sentence.size());
  }
}

Extraction ExtractionFromProto(const v1::ExtractResponse& response) {
  Extraction facts;
  facts.reports.reserve(static_cast<size_t>(response.reports_size()));
  for (const v1::Report& r : response.reports()) {
    Report report;
    report.begin = r.begin();
    report.end = r.end();
    report.title = r.title();
    report.subtitle = r.subtitle();
    report.organization = r.organization();
    report.city = r.city();
    report.province = r.province();
    if (r.has_year()) report.year = r.year();
    for (const v1::Author& a : r.authors()) {
      report.authors.push_back({a.name(), a.role()});
    }
    facts.reports.push_back(std::move(report));
  }

  facts.metrics.reserve(static_cast<size_t>(response.metrics_size()));
  for (const v1::Metric& m : response.metrics()) {
    Metric metric;
    metric.begin = m.begin();
    metric.end = m.end();
    metric.text = m.text();
    metric.unit_text = m.unit_text();
    metric.value = m.value();
    metric.unit = m.unit();
    metric.qualifier = QualifierFromProto(m.qualifier());
    metric.object = m.object();
    metric.action = m.action();
    metric.indicator = m.indicator();
    metric.sentence_begin = m.sentence_span().begin();
    metric.sentence_end = m.sentence_span().end();
    metric.report = m.report();
    facts.metrics.push_back(std::move(metric));
  }

  facts.dates.reserve(static_cast<size_t>(response.dates_size()));
  for (const v1::DateMention& d : response.dates()) {
    DateMention date;
    date.begin = d.begin();
    date.end = d.end();
    date.text = d.text();
    date.start = d.start();
    date.finish = d.finish();
    date.report = d.report();
    facts.dates.push_back(std::move(date));
  }

  facts.people.reserve(static_cast<size_t>(response.people_size()));
  for (const v1::Person& p : response.people()) {
    Person person;
    person.name = p.name();
    person.role = p.role();
    person.organization = p.organization();
    person.begin = p.begin();
    person.end = p.end();
    person.report = p.report();
    facts.people.push_back(std::move(person));
  }
  return facts;
}

}  // namespace reportfacts
