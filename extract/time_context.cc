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

void TimeContext::StartUnit(uint32_t paragraph) {
  if (narrative_ && !unit_dates_.empty()) before_unit_ = std::move(unit_dates_.back().time);
  unit_dates_.clear();
  if (paragraph_ != paragraph) {
    paragraph_ = paragraph;
    before_unit_.reset();
  }
  reference_ = before_unit_ ? before_unit_->start.substr(0, 4) : std::string();
}

DateReference TimeContext::reference() const {
  if (!narrative_) return DateReference{.date = document_date_};
  return DateReference{.date = reference_, .narrative = true};
}

void TimeContext::AddDates(const std::vector<DateMention>& dates) {
  if (!narrative_) return;
  for (const DateMention& m : dates) {
    if (m.role != DateRole::kPoint || !IsNarrativeTime(m.time)) continue;
    Dated d{m.begin, m.time};
    d.time.source = TimeSource::kParagraph;
    unit_dates_.push_back(std::move(d));
  }
}

std::optional<TimeValue> TimeContext::Fallback(size_t clause_begin) const {
  if (!narrative_) return document_time_;
  for (auto it = unit_dates_.rbegin(); it != unit_dates_.rend(); ++it) {
    if (it->begin < clause_begin) return it->time;
  }
  return before_unit_;
}

}  // namespace parley
