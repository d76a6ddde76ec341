#include "extract/time_context.h"

#include <utility>

#include "base/date.h"

namespace parley {

TimeContext::TimeContext(std::string_view document_date) {
  Result<PartialDate> date = PartialDate::ParseTimestamp(document_date);
  if (!date.ok()) return;
  narrative_ = false;
  document_date_ = date->ToString();
  document_time_ = date->ToTime();
  document_time_->source = TimeSource::kDocument;
}

void TimeContext::StartUnit(uint32_t paragraph, bool heading) {
  // The story moves on without saying so: a sentence's date holds for the next sentence only.
  before_unit_.reset();
  for (auto it = unit_dates_.rbegin(); it != unit_dates_.rend(); ++it) {
    if (!it->narrative) continue;
    before_unit_ = std::move(it->time);
    before_unit_->source = TimeSource::kParagraph;
    break;
  }
  unit_dates_.clear();
  if (paragraph_ != paragraph) {
    paragraph_ = paragraph;
    before_unit_.reset();
    // A story told month by month, whose latest date was its last, goes on in the next
    // paragraph until that paragraph's first date, forward only (DateReference::carried); a
    // story at year precision, or one whose paragraph went on to other dates, does not.
    carried_ = clean_ && one_year_ && reference_.size() == 7;  // "YYYY-MM"
    if (!carried_) {
      reference_.clear();
      day_.clear();
    }
    story_.clear();
    one_year_ = true;
    paragraph_year_.clear();
  }
  if (heading) {
    carried_ = false;
    reference_.clear();
    day_.clear();
  }
}

DateReference TimeContext::reference() const {
  if (!narrative_) return DateReference{.date = document_date_, .story = story_};
  return DateReference{.date = reference_, .narrative = true, .carried = carried_, .day = day_};
}

void TimeContext::AddDates(const std::vector<DateMention>& dates) {
  if (!narrative_) {
    // A dated text's story: its latest explicit point date, when of an earlier year (FindDates
    // keeps only those).
    for (const DateMention& m : dates) {
      if (m.role != DateRole::kPoint || m.relative) continue;
      if (std::string next = NarrativeReference(m.time); !next.empty()) story_ = std::move(next);
    }
    return;
  }
  for (const DateMention& m : dates) {
    const bool point = m.role == DateRole::kPoint;
    std::string next = point ? NarrativeReference(m.time) : std::string();
    if (!next.empty()) {
      reference_ = std::move(next);
      carried_ = false;
      clean_ = true;
      // The story's day: this date's when it names one day (DateReference::day).
      if (m.time.start == m.time.end && m.time.value == m.time.start) {
        day_ = m.time.value;
      } else {
        day_.clear();
      }
      // A paragraph that ends years after it began ("... ended on February 28, 1991") has
      // summed up the story rather than told it: the next one may start back in time.
      const std::string year = reference_.substr(0, 4);
      if (paragraph_year_.empty()) paragraph_year_ = year;
      one_year_ = one_year_ && paragraph_year_ == year;
    } else if (m.role != DateRole::kAttribute) {
      // Any other date ends a carried story, and keeps this one from being carried; a date
      // that describes a thing ("withdrawal to June 4, 1967 borders") says nothing of when the
      // story stands.
      clean_ = false;
      if (carried_) {
        reference_.clear();
        day_.clear();
      }
      carried_ = false;
    }
    if (!IsClaimTime(m.role)) continue;
    unit_dates_.push_back(Dated{m.begin, m.time, point && IsNarrativeTime(m.time)});
  }
}

std::optional<TimeValue> TimeContext::Fallback(
    size_t clause_begin, const std::vector<std::pair<size_t, size_t>>& skip) const {
  if (!narrative_) return document_time_;
  auto skipped = [&](const Dated& d) {
    for (const auto& [b, e] : skip) {
      if (d.begin >= b && d.begin < e) return true;
    }
    return false;
  };
  const Dated* first = nullptr;
  const Dated* before = nullptr;
  for (const Dated& d : unit_dates_) {
    if (skipped(d)) continue;
    if (first == nullptr) first = &d;
    if (d.begin < clause_begin) before = &d;
  }
  if (before != nullptr) return before->time;
  if (first != nullptr) return first->time;
  return before_unit_;
}

std::optional<TimeValue> TimeContext::UnitTime() const {
  if (!narrative_) return document_time_;
  for (const Dated& d : unit_dates_) {
    if (d.narrative) return d.time;
  }
  return before_unit_;
}

}  // namespace parley
