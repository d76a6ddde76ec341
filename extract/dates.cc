#include "extract/dates.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "base/date.h"

namespace parley {
namespace {

constexpr int kMinYear = 1000;
constexpr int kMaxYear = 2100;
// A month/day without a year is put in the previous year when it would otherwise lie more than
// this many days after the reference (news looks back; "December 28" in a January article).
constexpr int64_t kPastBiasDays = 183;

TimeValue DaysTime(int64_t days) { return PartialDate::FromDays(days).ToTime(); }
TimeValue YearTime(int y) { return PartialDate::Year(y).ToTime(); }
TimeValue MonthTime(int y, int m) { return PartialDate::Month(y, m).ToTime(); }
TimeValue DayTime(int y, int m, int d) { return PartialDate::Day(y, m, d).ToTime(); }

TimeValue IsoWeekTime(int64_t days) {
  const int64_t monday = days - (IsoWeekday(days) - 1);
  const int thursday_year = PartialDate::FromDays(monday + 3).year();
  const int64_t week = (monday + 3 - DaysFromCivil(thursday_year, 1, 1)) / 7 + 1;
  return RangeTime(fmt::format("{:04d}-W{:02d}", thursday_year, week), monday, monday + 6);
}

// ---- The reference date. ----

struct Reference {
  int y = 0;  // 0: none
  int m = 0;  // 0: year precision
  int d = 0;  // 0: month precision
  int64_t days() const { return DaysFromCivil(y, m, d); }
};

int ParseDigits(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return s.empty() ? -1 : v;
}

std::optional<Reference> ParseReference(std::string_view iso) {
  // Without ParseTimestamp's error: most references (the day, the story) are empty.
  const std::optional<PartialDate> date = PartialDate::TryParseTimestamp(iso);
  if (!date || date->year() < 1) return std::nullopt;
  return Reference{date->year(), date->month(), date->day()};
}

// ---- Tokens. ----

enum class TokenKind { kWord, kNumber, kPunct };

struct Token {
  uint32_t b = 0;
  uint32_t e = 0;
  TokenKind kind = TokenKind::kPunct;
};

constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Byte classes: 0 neither, 1 ASCII letter, 2 digit.
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[c] = IsDigit(static_cast<char>(c)) ? 2 : IsAlpha(static_cast<char>(c)) ? 1 : 0;
  return table;
}();

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4 + 4);
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  const uint32_t n = static_cast<uint32_t>(text.size());
  uint32_t i = 0;
  while (i < n) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    if (kByteClass[p[i]] != 0) {
      uint32_t j = i;
      uint8_t classes = 0;  // the letters and digits seen (1 | 2)
      for (uint8_t k; j < n && (k = kByteClass[p[j]]) != 0; ++j) classes |= k;
      const bool digits = classes == 2;
      tokens.push_back({i, j, digits ? TokenKind::kNumber : TokenKind::kWord});
      i = j;
      continue;
    }
    uint32_t j = i + 1;
    if (static_cast<unsigned char>(c) >= 0xC0) {
      while (j < n && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
    }
    tokens.push_back({i, j, TokenKind::kPunct});
    i = j;
  }
  return tokens;
}

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 7> kWeekdays = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

// Nouns that make a four-digit number a count, not a year ("1500 troops").
constexpr std::array<std::string_view, 30> kCountNouns = {
    "acres",    "cases",      "children",  "civilians", "deaths",   "delegates",
    "dollars",  "doses",      "employees", "families",  "feet",     "hours",
    "jobs",     "kilometers", "km",        "meters",    "miles",    "members",
    "men",      "migrants",   "people",    "persons",   "refugees", "soldiers",
    "students", "tonnes",     "tons",      "troops",    "votes",    "women"};

// Words that may follow a date in the clause it dates ("In 1994 the crisis began"); sorted.
constexpr std::array<std::string_view, 111> kFunctionWords = {
    "a",        "about",  "after",  "against", "ago",     "all",   "along",  "already",   "also",
    "although", "amid",   "among",  "an",      "and",     "are",   "as",     "at",        "be",
    "because",  "been",   "before", "both",    "but",     "by",    "can",    "could",     "despite",
    "did",      "during", "each",   "for",     "from",    "had",   "has",    "have",      "he",
    "her",      "his",    "how",    "however", "i",       "if",    "in",     "including", "into",
    "is",       "it",     "its",    "many",    "may",     "might", "more",   "most",      "must",
    "near",     "nor",    "not",    "of",      "on",      "once",  "only",   "or",        "our",
    "over",     "shall",  "she",    "should",  "since",   "so",    "some",   "than",      "that",
    "the",      "their",  "them",   "then",    "there",   "these", "they",   "this",      "those",
    "through",  "till",   "to",     "toward",  "towards", "under", "unlike", "until",     "upon",
    "via",      "was",    "we",     "were",    "what",    "when",  "where",  "whether",   "which",
    "while",    "who",    "whom",   "whose",   "why",     "will",  "with",   "within",    "without",
    "would",    "yet",    "you"};

// Words before a date that make it say when ("in 1994 talks began"), whatever follows; sorted.
constexpr std::array<std::string_view, 15> kAdverbialLeads = {
    "after", "around", "at",   "before", "by", "circa", "during", "early",
    "from",  "in",     "late", "mid",    "on", "since", "until"};

template <size_t N>
bool InSorted(const std::array<std::string_view, N>& table, std::string_view word) {
  return std::binary_search(table.begin(), table.end(), word);
}

// Words before "of YEAR" that make it a time ("the summer of 1977"), not a name ("the
// Declaration of 1950").
constexpr std::array<std::string_view, 17> kPeriodWords = {
    "autumn", "beginning", "close",   "course", "end",   "fall",   "half",   "middle", "month",
    "months", "part",      "quarter", "spring", "start", "summer", "winter", "year"};

// Seasons of the northern year, three months each from `first_month` (meteorological: spring
// March-May, summer June-August, autumn or fall September-November), read before "of YEAR"
// (Finder::SeasonOf). Winter runs from December into the next year and is not read.
struct Season {
  std::string_view word;
  int first_month;
};
constexpr std::array<Season, 4> kSeasons = {
    {{"spring", 3}, {"summer", 6}, {"autumn", 9}, {"fall", 9}}};

// A season's name, winter's too (lower-case).
bool IsSeasonWord(std::string_view w) {
  return w == "winter" || std::any_of(kSeasons.begin(), kSeasons.end(),
                                      [&](const Season& s) { return s.word == w; });
}

bool IsPeriodWord(std::string_view w) {
  return std::find(kPeriodWords.begin(), kPeriodWords.end(), w) != kPeriodWords.end();
}

// Words after which a bare month name ("in June") is a date.
constexpr std::array<std::string_view, 12> kMonthLeads = {"in",     "since", "until",   "by",
                                                          "during", "early", "late",    "mid",
                                                          "before", "after", "through", "from"};

bool EqualsFolded(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

template <size_t N>
bool InFolded(const std::array<std::string_view, N>& table, std::string_view word) {
  for (std::string_view t : table) {
    if (EqualsFolded(word, t)) return true;
  }
  return false;
}

// Words every relative date expression starts with (compared case-insensitively).
constexpr std::array<std::string_view, 12> kRelativeWords = {
    "today", "tonight", "yesterday", "tomorrow", "this",  "last",
    "next",  "earlier", "later",     "year",     "years", "ago"};

// kDateWordLengths: the capitals of the months, their abbreviations and the weekdays, and the
// relative-date words (compared case-insensitively) under both initials, with their lengths.
constexpr std::array<uint16_t, 256> DateWordLengths() {
  std::array<uint16_t, 256> table{};
  auto upper = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; };
  auto add = [&table](char initial, size_t length) {
    table[static_cast<unsigned char>(initial)] |= static_cast<uint16_t>(1u << length);
  };
  for (std::string_view month : kMonths) {
    add(month[0], month.size());
    add(month[0], 3);
  }
  add('S', 4);  // "Sept"
  for (std::string_view day : kWeekdays) add(day[0], day.size());
  for (std::string_view word : kRelativeWords) {
    add(word[0], word.size());
    add(upper(word[0]), word.size());
  }
  return table;
}

// Words before "of" and a bare month name that make it a date ("at the end of October").
constexpr std::array<std::string_view, 4> kMonthParts = {"end", "beginning", "middle", "start"};

// Counts before "years later" ("two years later"), by value - 1.
constexpr std::array<std::string_view, 10> kCountWords = {"one", "two",   "three", "four", "five",
                                                          "six", "seven", "eight", "nine", "ten"};

// True when a letters-only word may start a date: a month name or abbreviation, a weekday
// (both capitalised, compared exactly as MonthAt and WeekdayAt do) or a relative-date word.
// Every date starts with such a word or with a digit, so other words need no closer look.
bool IsDateWord(std::string_view w) {
  if (!MayBeDateWord(w)) return false;
  const char c = w[0];
  if (c >= 'A' && c <= 'Z') {
    for (std::string_view month : kMonths) {
      if (w == month || w == month.substr(0, 3)) return true;
    }
    if (w == "Sept") return true;
    for (std::string_view day : kWeekdays) {
      if (w == day) return true;
    }
  }
  // The lower-case initials are the relative-date words' only (kDateWordLengths).
  const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  if (((kDateWordLengths[static_cast<unsigned char>(lower)] >> w.size()) & 1) == 0) return false;
  return InFolded(kRelativeWords, w);
}

// False when `text` cannot hold a date: it has no digit and no IsDateWord word. Scans the
// letter-and-digit runs the way Tokenize does, without building tokens.
bool MayHoldDate(std::string_view text) {
  const auto& kClass = kByteClass;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const uint8_t c = kClass[p[i]];
    if (c == 2) return true;
    if (c == 0) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < n && kClass[p[j]] == 1) ++j;
    if (j < n && kClass[p[j]] == 2) return true;  // a digit inside the word
    if (IsDateWord(text.substr(i, j - i))) return true;
    i = j;
  }
  return false;
}

struct Match {
  size_t first = 0;  // token indices, inclusive
  size_t last = 0;
  TimeValue time;
  bool relative = false;
  bool ahead = false;  // DateMention::ahead
};

class Finder {
 public:
  Finder(std::string_view text, std::vector<Token> tokens, std::optional<Reference> ref,
         bool narrative, bool carried, std::optional<Reference> day, std::optional<Reference> story)
      : text_(text),
        tokens_(std::move(tokens)),
        ref_(ref),
        narrative_(narrative),
        carried_(narrative && carried && ref && ref->m != 0) {
    if (narrative_ && ref_) ref_->d = 0;
    // A carried reference of a year only resolves nothing (DateReference::carried).
    if (narrative_ && carried && !carried_) ref_.reset();
    if (narrative_ && day && day->d != 0) day_ = day;
    if (!narrative_) SetStory(story);
  }

  std::vector<DateMention> Run() {
    std::vector<DateMention> out;
    range_start_ = 0;
    size_t i = 0;
    while (i < tokens_.size()) {
      std::optional<Match> m = At(i);
      if (carry_blocked_) EndCarry();
      // "ago" looks back at its count: never into the date before it.
      if (m && !out.empty() && tokens_[m->first].b < out.back().end) m.reset();
      if (!m) {
        ++i;
        continue;
      }
      const DateRole role = RoleOf(m->first, m->last);
      // A carried story holds only up to the text's first date: an explicit one of its own
      // that moves no narrative ends it too ("the July 1945 Potsdam Conference").
      if (carried_ && !m->relative && !(role == DateRole::kPoint && IsNarrativeTime(m->time))) {
        EndCarry();
      }
      if (role == DateRole::kPoint && narrative_) {
        // The story's day moves with it: a date of one day is the new one, a longer one ends it.
        if (m->time.start == m->time.end && m->time.value == m->time.start) {
          day_ = ParseReference(m->time.value);
        } else if (!NarrativeReference(m->time).empty()) {
          day_.reset();
        }
      }
      if (role == DateRole::kPoint && (narrative_ || !m->relative)) {
        if (const std::string next = NarrativeReference(m->time); !next.empty()) {
          (narrative_ ? ref_ : story_) = ParseReference(next);
          if (!narrative_) SetStory(story_);
          carried_ = false;
        }
      }
      const size_t first = m->first, last = m->last;
      out.push_back({tokens_[first].b, tokens_[last].e, std::move(m->time), m->relative, role,
                     m->ahead && !narrative_});
      JoinDayRange(&out, range_start_);
      range_start_ = first;
      i = last + 1;
    }
    return out;
  }

 private:
  // "between June 5 and June 10", "from July 17 to August 2, 1945": when the last two dates of
  // `out` are single days that such a phrase joins, later than the first by at most a year,
  // they become one date, the range of days, with the first one's role (the second's "to" or
  // "through" would make it a target). `first_token` is the first token of the date before
  // the last. The story has moved through both days already.
  void JoinDayRange(std::vector<DateMention>* out, size_t first_token) const {
    if (out->size() < 2 || first_token == 0) return;
    DateMention& a = (*out)[out->size() - 2];
    const DateMention& b = out->back();
    const auto single_day = [](const TimeValue& t) {
      return t.value.size() == 10 && t.start == t.value && t.end == t.value;
    };
    if (!single_day(a.time) || !single_day(b.time)) return;
    // The link is the one word between the two dates.
    size_t link = first_token;
    while (link < tokens_.size() && tokens_[link].e <= a.end) ++link;
    if (link + 1 >= tokens_.size() || tokens_[link + 1].b != b.begin || !IsDayLink(link)) return;
    const std::string_view lead = LowerWord(first_token - 1);
    const bool between = lead == "between" && LowerWord(link) == "and";
    // "moved the meeting from May 3 to May 5": a change of date, not a range (the verb up to
    // four words before "from").
    bool change = false;
    for (size_t k = first_token - 1; k > 0 && k + 5 > first_token; --k) {
      const std::string_view verb = LowerWord(k - 1);
      change = change || verb == "moved" || verb == "postponed" || verb == "rescheduled" ||
               verb == "delayed" || verb == "changed" || verb == "shifted" || verb == "advanced" ||
               verb == "pushed";
    }
    const bool from = lead == "from" && LowerWord(link) != "and" && !change;
    if (!between && !from) return;
    const std::optional<int64_t> first = FirstDayCount(a.time.start);
    const std::optional<int64_t> second = FirstDayCount(b.time.start);
    if (!first || !second || *second <= *first || *second - *first > 366) return;
    a.time = RangeTime(a.time.start + "/" + b.time.start, *first, *second);
    a.end = b.end;
    a.relative = a.relative || b.relative;
    a.ahead = a.ahead || b.ahead;
    out->pop_back();
  }

  // The lower-cased word token i, or "" when token i is no word: the text's own bytes when the
  // word has no capital (most), else a view into lower_, a copy of the text where the words
  // asked for are lower-cased.
  std::string_view LowerWord(size_t i) const {
    if (!IsWord(i)) return {};
    const std::string_view w = Str(i);
    if (std::none_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return w;
    if (lower_.size() != text_.size()) lower_.assign(text_);  // the text holds a word: not empty
    char* const lower = lower_.data() + tokens_[i].b;
    for (size_t k = 0; k < w.size(); ++k) {
      const char c = w[k];
      lower[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return std::string_view(lower, w.size());
  }

  // The role of the date in tokens [first, last] (DateRole): from the words around it.
  DateRole RoleOf(size_t first, size_t last) const {
    const std::string_view next = LowerWord(last + 1), before = LowerWord(first - 1);
    if (next == "level" || next == "levels" || next == "baseline" || next == "baselines") {
      return DateRole::kBaseline;
    }
    if (next == "target" || next == "targets" || next == "goal" || next == "goals" ||
        next == "deadline") {
      return DateRole::kTarget;
    }
    // A date that names a line ("withdraw to the June 4, 1967 line") or that a noun "date"
    // states ("projecting an accession date in 1999") is no time of the clause.
    if (next == "line" || next == "lines" || next == "border" || next == "borders" ||
        next == "boundary" || next == "boundaries" || next == "frontier" || next == "frontiers") {
      return DateRole::kAttribute;
    }
    if ((before == "in" || before == "of") && first >= 2) {
      const std::string_view noun = LowerWord(first - 2);
      if (noun == "date" || noun == "dates") return DateRole::kAttribute;
    }
    // "withdraw to the line of June 4, 1967", the line of "June 4, 1967", "the borders of 1967":
    // the line, as above.
    if (const size_t q = first >= 1 && IsPunct(first - 1, '"') ? first - 1 : first;
        q >= 2 && LowerWord(q - 1) == "of") {
      const std::string_view noun = LowerWord(q - 2);
      if (noun == "line" || noun == "lines" || noun == "border" || noun == "borders" ||
          noun == "boundary" || noun == "boundaries" || noun == "frontier" || noun == "frontiers") {
        return DateRole::kAttribute;
      }
    }
    // A date that describes a thing: a bare year in "the 1967 ceasefire lines", "Reagan's 1987
    // speech", "the Tripartite Declaration of 1950" (not "the summer of 1977"), any date right
    // before a common noun ("to June 4, 1967 borders"); a month or day in a name is the time of
    // that event ("the June 1967 Arab-Israeli War").
    const bool bare_year = first == last && IsNum(first, 4);
    const bool determiner = before == "the" || before == "a" || before == "an" ||
                            (before == "s" && first >= 2 && IsPunct(first - 2, '\''));
    const bool period_of = before == "of" && IsPeriodWord(LowerWord(first - 2));
    if (determiner && IsWord(last + 1)) {
      // In a narrative, the date of an event named in the phrase that opens the sentence tells
      // where the story stands: "In Israel's May 1999 elections, Barak defeated Netanyahu."
      if (narrative_ && OpensSentence(first)) return DateRole::kPoint;
      return bare_year ? DateRole::kAttribute : DateRole::kNamed;
    }
    if (bare_year && before == "of" && !period_of) return DateRole::kAttribute;
    // (A word in -ly or -ed after the date is an adverb or a verb, no noun: "met yesterday
    // formally", "on Monday announced".)
    if (IsWord(last + 1) && text_[tokens_[last + 1].b] >= 'a' &&
        text_[tokens_[last + 1].b] <= 'z' && !InSorted(kFunctionWords, next) &&
        !next.ends_with("ly") && !next.ends_with("ed") && !InSorted(kAdverbialLeads, before) &&
        !period_of) {
      return DateRole::kAttribute;
    }
    if (before == "since") return DateRole::kSince;
    // Back over what may stand between the cue and the date: "by the end of 2030", "by
    // mid-2025", "by early 2026", "than in 2010", "by the fall of 2022".
    size_t k = first;
    for (int steps = 0; k > 0 && steps < 5; ++steps) {
      const std::string_view w = LowerWord(k - 1);
      const bool filler = w == "the" || w == "end" || w == "middle" || w == "start" ||
                          w == "beginning" || w == "of" || w == "early" || w == "late" ||
                          w == "mid" || w == "in" || (IsSeasonWord(w) && LowerWord(k) == "of") ||
                          IsPunct(k - 1, '-');
      if (!filler) break;
      --k;
    }
    const std::string_view cue = LowerWord(k - 1);
    if (k == 0 || cue.empty()) return DateRole::kPoint;
    // In a narrative, a sentence that opens "By January 1978," tells where the story stands,
    // and "did not recognize it until 1783" when something happened.
    // So does "by December" opening a later clause: "achieved nothing, and by December the
    // Palestinians suspended talks".
    if (cue == "by" && narrative_ &&
        (k == 1 || IsPunct(k - 2, ',') || LowerWord(k - 2) == "and" || LowerWord(k - 2) == "but")) {
      return DateRole::kPoint;
    }
    if ((cue == "until" || cue == "till") && narrative_) return DateRole::kPoint;
    if (cue == "by" || cue == "until" || cue == "till" || cue == "through" || cue == "thru") {
      return DateRole::kTarget;
    }
    // "Prior to 1979, ... had never established relations": a bound, not the time.
    if (cue == "before" || (cue == "to" && LowerWord(k - 2) == "prior")) {
      return DateRole::kBaseline;
    }
    if (cue == "than") return LowerWord(k - 2) == "later" ? DateRole::kTarget : DateRole::kBaseline;
    // "As in 1927, Japan insisted ...": the comparison, not the time.
    if (cue == "as" && LowerWord(k) == "in") return DateRole::kBaseline;
    if (cue == "to" || cue == "with") {
      const std::string_view lead = LowerWord(k - 2);
      if (lead == "compared" || lead == "relative" || lead == "comparison") {
        return DateRole::kBaseline;
      }
    }
    return DateRole::kPoint;
  }

  // Whether token `first` lies in a phrase opening the sentence with "In" or "During": no
  // comma before it, at most 6 tokens in.
  bool OpensSentence(size_t first) const {
    const std::string_view lead = LowerWord(0);
    if ((lead != "in" && lead != "during") || first > 6) return false;
    for (size_t i = 1; i < first; ++i) {
      if (IsPunct(i, ',')) return false;
    }
    return true;
  }

  std::string_view Str(size_t i) const {
    return text_.substr(tokens_[i].b, tokens_[i].e - tokens_[i].b);
  }
  bool Has(size_t i) const { return i < tokens_.size(); }
  bool IsNum(size_t i, size_t digits = 0) const {
    return Has(i) && tokens_[i].kind == TokenKind::kNumber &&
           (digits == 0 || tokens_[i].e - tokens_[i].b == digits);
  }
  bool IsWord(size_t i) const { return Has(i) && tokens_[i].kind == TokenKind::kWord; }
  bool IsPunct(size_t i, char c) const {
    return Has(i) && tokens_[i].kind == TokenKind::kPunct && text_[tokens_[i].b] == c;
  }
  // Token i directly follows token i-1 (no space between).
  bool Adjacent(size_t i) const { return i > 0 && Has(i) && tokens_[i - 1].e == tokens_[i].b; }
  int Value(size_t i) const { return ParseDigits(Str(i)); }

  bool IsYearToken(size_t i) const {
    if (!IsNum(i, 4)) return false;
    const int y = Value(i);
    return y >= kMinYear && y <= kMaxYear;
  }

  // A plausible day of month at token i: "18" or "18th".
  int DayAt(size_t i) const {
    if (!Has(i)) return 0;
    std::string_view s = Str(i);
    if (tokens_[i].kind == TokenKind::kWord) {
      if (s.size() < 3 || s.size() > 4) return 0;
      const std::string_view suffix = s.substr(s.size() - 2);
      if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return 0;
      s.remove_suffix(2);
    } else if (tokens_[i].kind != TokenKind::kNumber) {
      return 0;
    }
    if (s.size() > 2) return 0;
    const int d = ParseDigits(s);
    return d >= 1 && d <= 31 ? d : 0;
  }

  // Month name (1..12) at token i, and the index of its last token (an abbreviation's '.').
  // `strong` is false for abbreviations and "May", which need a number next to them.
  int MonthAt(size_t i, size_t* last, bool* strong) const {
    if (!IsWord(i)) return 0;
    const std::string_view w = Str(i);
    if (w.size() < 3 || w[0] < 'A' || w[0] > 'Z') return 0;
    for (size_t m = 0; m < kMonths.size(); ++m) {
      if (w == kMonths[m]) {
        *last = i;
        *strong = m != 4;
        return static_cast<int>(m) + 1;
      }
    }
    for (size_t m = 0; m < kMonths.size(); ++m) {
      if (w == kMonths[m].substr(0, 3) || (m == 8 && w == "Sept")) {
        *last = IsPunct(i + 1, '.') && Adjacent(i + 1) ? i + 1 : i;
        *strong = false;
        return static_cast<int>(m) + 1;
      }
    }
    return 0;
  }

  int WeekdayAt(size_t i) const {
    if (!IsWord(i)) return 0;
    for (size_t k = 0; k < kWeekdays.size(); ++k) {
      if (Str(i) == kWeekdays[k]) return static_cast<int>(k) + 1;
    }
    return 0;
  }

  bool HasDay() const { return ref_ && ref_->d != 0; }
  bool HasMonth() const { return ref_ && ref_->m != 0; }
  bool HasYear() const { return ref_.has_value(); }

  std::optional<Match> At(size_t i) const {
    if (day_ && IsWord(i)) {
      if (std::optional<Match> m = DayPhrase(i)) return m;
    }
    // Most tokens are ordinary words: every date starts with a digit or an IsDateWord.
    if (IsWord(i)) {
      if (!IsDigit(text_[tokens_[i].b]) && !(MayBeDateWord(Str(i)) && IsDateWord(Str(i)))) {
        return std::nullopt;
      }
    } else if (!IsNum(i)) {
      return std::nullopt;
    }
    if (IsNum(i, 4)) return Numeric(i);
    if (IsWord(i) && tokens_[i].e - tokens_[i].b == 5 && text_[tokens_[i].e - 1] == 's') {
      const int y = ParseDigits(Str(i).substr(0, 4));
      if (y >= kMinYear && y <= kMaxYear && y % 10 == 0) return Match{i, i, DecadeTime(y), false};
    }
    if (std::optional<Match> m = MonthFirst(i)) return m;
    if (std::optional<Match> m = DayFirst(i)) return m;
    if (IsWord(i)) {
      if (std::optional<Match> m = YearsApart(i)) return m;
      return RelativeWord(i);
    }
    return std::nullopt;
  }

  // Dates that start with a four-digit number: ISO dates, year ranges, decades, years.
  std::optional<Match> Numeric(size_t i) const {
    const int y = Value(i);
    // ISO date.
    if (IsPunct(i + 1, '-') && Adjacent(i + 1) && IsNum(i + 2, 2) && Adjacent(i + 2) &&
        IsPunct(i + 3, '-') && Adjacent(i + 3) && IsNum(i + 4, 2) && Adjacent(i + 4)) {
      const int m = Value(i + 2);
      const int d = Value(i + 4);
      if (y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m) &&
          !(Has(i + 5) && Adjacent(i + 5) && !IsPunct(i + 5, '.') && !IsPunct(i + 5, ','))) {
        return Match{i, i + 4, DayTime(y, m, d), false};
      }
      return std::nullopt;
    }
    if (y < kMinYear || y > kMaxYear) return std::nullopt;
    // Money, numbering, digit groups, decimals: "$2019", "No. 2019", "1,2019", "1.2019".
    if (i > 0 && Adjacent(i)) {
      const char p = text_[tokens_[i - 1].b];
      if (p == '$' || p == '#' || p == ',' || p == '.' ||
          tokens_[i - 1].kind != TokenKind::kPunct || static_cast<unsigned char>(p) >= 0x80) {
        return std::nullopt;
      }
    }
    if (i >= 2 && IsPunct(i - 1, '.') && Str(i - 2) == "No") return std::nullopt;
    // Ranges "1904-05", "1904-1905", "1904/05".
    if ((IsPunct(i + 1, '-') || IsPunct(i + 1, '/')) && Adjacent(i + 1) && Adjacent(i + 2) &&
        (IsNum(i + 2, 2) || IsNum(i + 2, 4)) &&
        !(Has(i + 3) && Adjacent(i + 3) && (IsPunct(i + 3, '-') || IsPunct(i + 3, '/')))) {
      int y2 = Value(i + 2);
      if (tokens_[i + 2].e - tokens_[i + 2].b == 2) {
        y2 += y - y % 100;
        if (y2 <= y) y2 += 100;
      }
      if (y2 > y && y2 <= kMaxYear && y2 - y <= 100) {
        return Match{i, i + 2,
                     RangeTime(fmt::format("{}/{}", y, y2), DaysFromCivil(y, 1, 1),
                               DaysFromCivil(y2, 12, 31)),
                     false};
      }
      return std::nullopt;
    }
    // "1990's".
    if (y % 10 == 0 && IsPunct(i + 1, '\'') && Adjacent(i + 1) && IsWord(i + 2) &&
        Adjacent(i + 2) && Str(i + 2) == "s") {
      return Match{i, i + 2, DecadeTime(y), false};
    }
    if (Has(i + 1) && Adjacent(i + 1)) {
      const char c = text_[tokens_[i + 1].b];
      if (c == '%') return std::nullopt;
      if ((c == ',' || c == '.') && IsNum(i + 2) && Adjacent(i + 2)) return std::nullopt;
      if (tokens_[i + 1].kind != TokenKind::kPunct) return std::nullopt;
    }
    if (IsWord(i + 1) && InFolded(kCountNouns, Str(i + 1))) return std::nullopt;
    if (std::optional<TimeValue> season = SeasonOf(i, y)) return Match{i, i, *season, false};
    return Match{i, i, YearTime(y), false};
  }

  // The months of a season named before "of" and the year at token `year_at` ("the summer of
  // 1977" is 1977-06/1977-08, "the early summer of 1978" 1978-06/1978-07, "the spring and early
  // summer of 1978" 1978-03/1978-07; kSeasons), or nullopt. The season word is lower-case: "the
  // Prague Spring of 1968" names an event. Winter, which straddles two years, is not read.
  std::optional<TimeValue> SeasonOf(size_t year_at, int y) const {
    if (year_at < 2 || LowerWord(year_at - 1) != "of") return std::nullopt;
    size_t begin = 0;
    std::optional<std::pair<int, int>> months = SeasonEndingAt(year_at - 2, &begin);
    if (!months) return std::nullopt;
    // "the spring and early summer of": from the first season.
    if (begin >= 2 && LowerWord(begin - 1) == "and") {
      size_t unused = 0;
      if (std::optional<std::pair<int, int>> earlier = SeasonEndingAt(begin - 2, &unused);
          earlier && earlier->first < months->first) {
        months->first = earlier->first;
      }
    }
    const auto [m1, m2] = *months;
    return RangeTime(fmt::format("{:04d}-{:02d}/{:04d}-{:02d}", y, m1, y, m2),
                     DaysFromCivil(y, m1, 1), DaysFromCivil(y, m2, DaysInMonth(y, m2)));
  }

  // The first and last month of a season word at token `at`, narrowed by "early" or "late"
  // before it (its first or last two months); `*begin` is the phrase's first token.
  std::optional<std::pair<int, int>> SeasonEndingAt(size_t at, size_t* begin) const {
    if (!IsWord(at) || text_[tokens_[at].b] < 'a' || text_[tokens_[at].b] > 'z') {
      return std::nullopt;
    }
    const std::string_view word = Str(at);
    const auto season = std::find_if(kSeasons.begin(), kSeasons.end(),
                                     [&](const Season& s) { return s.word == word; });
    if (season == kSeasons.end()) return std::nullopt;
    std::pair<int, int> months{season->first_month, season->first_month + 2};
    *begin = at;
    if (at >= 1) {
      const std::string_view modifier = LowerWord(at - 1);
      if (modifier == "early") {
        months.second = months.first + 1;
        *begin = at - 1;
      } else if (modifier == "late") {
        months.first = months.second - 1;
        *begin = at - 1;
      }
    }
    return months;
  }

  static TimeValue DecadeTime(int y) {
    return RangeTime(fmt::format("{}s", y), DaysFromCivil(y, 1, 1), DaysFromCivil(y + 9, 12, 31));
  }

  // The year of month `m` in a story that moves forward: a month before the story's month is
  // the next year's ("In October 1978 ... in March" is 1979-03).
  static int ForwardYear(const Reference& story, int m) {
    return story.m != 0 && m < story.m ? story.y + 1 : story.y;
  }
  int ForwardYear(int m) const { return ForwardYear(*ref_, m); }

  // A dated text's story (DateReference::story): kept only when it is of an earlier year than
  // the text's date, which resolves months of its own year as well.
  void SetStory(std::optional<Reference> story) {
    story_ = story && ref_ && story->y < ref_->y ? story : std::nullopt;
    if (story_) story_->d = 0;
  }

  // The year of a month without one in a narrative or a dated text's story: forward from where
  // the story stands. REQUIRES: narrative_ with ref_, or story_.
  int MonthYear(int m) const { return ForwardYear(narrative_ ? *ref_ : *story_, m); }

  // A month before a carried reference's: unresolved, and it ends the carrying (Run).
  bool CarryBlocks(int m) const {
    if (!carried_ || m >= ref_->m) return false;
    carry_blocked_ = true;
    return true;
  }

  // A day and month without a year, resolved against the reference; `next` is the token after
  // the expression.
  std::optional<TimeValue> ResolveMonthDay(int m, int d, size_t next) const {
    if (!HasYear()) return LaterYearMonthDay(m, d, next);
    if (CarryBlocks(m)) return std::nullopt;
    int y = ref_->y;
    if (d > DaysInMonth(y, m) && !(m == 2 && d == 29)) return std::nullopt;
    if (narrative_) {
      y = MonthYear(m);
    } else if (HasDay()) {
      const int64_t ref_days = ref_->days();
      if (d <= DaysInMonth(y, m) && DaysFromCivil(y, m, d) - ref_days > kPastBiasDays) --y;
    } else if (HasMonth() && m > ref_->m + 6) {
      --y;
    }
    if (StoryTakes(y, m, d)) y = MonthYear(m);
    if (d > DaysInMonth(y, m)) return std::nullopt;  // February 29 outside a leap year
    return DayTime(y, m, d);
  }

  // In a narrative whose story has no year yet, a day and month without one take the year of
  // the sentence's next explicit date that names a month ("Churchill (replaced on July 26 by
  // Attlee) ... met in Potsdam from July 17 to August 2, 1945" is 1945-07-26), when they fall
  // on or before it in that year: the sentence tells one story, and an explicit date later in
  // it is where that story stands. A later date of a year alone, or one the day would follow
  // ("on July 26 ... in March 1946"), resolves nothing. Tokens from `j` on are searched.
  std::optional<TimeValue> LaterYearMonthDay(int m, int d, size_t j) const {
    if (!narrative_) return std::nullopt;
    for (; j < tokens_.size(); ++j) {
      size_t last = 0;
      bool strong = false;
      const int m2 = MonthAt(j, &last, &strong);
      if (m2 == 0) continue;
      size_t k = last + 1;
      const int d2 = DayAt(k);
      if (d2 != 0) ++k;
      if (IsPunct(k, ',')) ++k;
      if (!IsYearToken(k)) continue;
      const int y = Value(k);
      if (d > DaysInMonth(y, m) || (d2 != 0 && d2 > DaysInMonth(y, m2))) return std::nullopt;
      const int64_t bound = DaysFromCivil(y, m2, d2 != 0 ? d2 : DaysInMonth(y, m2));
      if (DaysFromCivil(y, m, d) > bound) return std::nullopt;
      return DayTime(y, m, d);
    }
    return std::nullopt;
  }

  // In dated text with a story of an earlier year (DateReference::story), whether a month `m`
  // (day `d`, 0 for none) that the document's date puts in year `y` is the story's instead: only
  // when that would be after the document's date, and the sentence speaks of no future ("will
  // host ... on June 8" is the document's June). "In 1994 ... In May North Korea withdrew", in
  // a text of March 2024, is 1994-05; "In February, he appointed" stays the document's February.
  bool StoryTakes(int y, int m, int d) const {
    if (narrative_ || !story_ || Future()) return false;
    if (HasDay() && d != 0 && d <= DaysInMonth(y, m)) return DaysFromCivil(y, m, d) > ref_->days();
    return y > ref_->y || (y == ref_->y && HasMonth() && m > ref_->m);
  }

  std::optional<Match> MonthFirst(size_t i) const {
    size_t last = 0;
    bool strong = false;
    const int m = MonthAt(i, &last, &strong);
    if (m == 0) return std::nullopt;
    size_t k = last + 1;
    // "January 14-24, 1943": a range of days in one month.
    if (const int d1 = DayAt(k);
        d1 != 0 && IsPunct(k + 1, '-') && Adjacent(k + 1) && Adjacent(k + 2) && DayAt(k + 2) > d1) {
      const int d2 = DayAt(k + 2);
      size_t y_at = k + 3;
      if (IsPunct(y_at, ',')) ++y_at;
      if (IsYearToken(y_at) && d2 <= DaysInMonth(Value(y_at), m)) {
        const int y = Value(y_at);
        const int64_t first = DaysFromCivil(y, m, d1);
        const int64_t second = DaysFromCivil(y, m, d2);
        return Match{i, y_at, RangeTime(FormatDay(first) + "/" + FormatDay(second), first, second),
                     false};
      }
    }
    if (const int d = DayAt(k); d != 0 && !(Has(k + 1) && Adjacent(k + 1) && !IsPunct(k + 1, ',') &&
                                            !IsPunct(k + 1, '.'))) {
      size_t y_at = k + 1;
      if (IsPunct(y_at, ',')) ++y_at;
      if (IsYearToken(y_at) &&
          !(Has(y_at + 1) && Adjacent(y_at + 1) && tokens_[y_at + 1].kind != TokenKind::kPunct)) {
        const int y = Value(y_at);
        if (d > DaysInMonth(y, m)) return std::nullopt;
        return Match{i, y_at, DayTime(y, m, d), false};
      }
      // "from July 17 to August 2, 1945", "between November 28 and December 1, 1943": the
      // year of the range's end.
      if (const int y = RangeEndYear(k + 1, m); y != 0 && d <= DaysInMonth(y, m)) {
        // "August 9 and 10, 1941", "between December 16 and 26, 1945": both days of one month
        // are the date, a range.
        if (const int d2 = DayAt(k + 2); d2 > d && d2 <= DaysInMonth(y, m) && IsDayLink(k + 1)) {
          size_t y_at = k + 3;
          if (IsPunct(y_at, ',')) ++y_at;
          if (IsYearToken(y_at) && Value(y_at) == y) {
            const int64_t first = DaysFromCivil(y, m, d), second = DaysFromCivil(y, m, d2);
            return Match{i, y_at,
                         RangeTime(FormatDay(first) + "/" + FormatDay(second), first, second),
                         false};
          }
        }
        return Match{i, k, DayTime(y, m, d), false};
      }
      if (std::optional<TimeValue> t = ResolveMonthDay(m, d, k + 1)) return Match{i, k, *t, true};
      return std::nullopt;
    }
    size_t y_at = k;
    if (IsPunct(y_at, ',') && strong) ++y_at;
    // "January of 1861".
    if (IsWord(y_at) && Str(y_at) == "of" && IsYearToken(y_at + 1)) ++y_at;
    if (IsYearToken(y_at)) return Match{i, y_at, MonthTime(Value(y_at), m), false};
    const bool lead =
        (i > 0 && IsWord(i - 1) && InFolded(kMonthLeads, Str(i - 1))) ||
        // "by mid-December": the hyphenated "mid", itself after a lead ("between now and
        // mid-January" is no point of the story).
        (i > 2 && IsPunct(i - 1, '-') && Adjacent(i - 1) && Adjacent(i) &&
         LowerWord(i - 2) == "mid" && IsWord(i - 3) && InFolded(kMonthLeads, Str(i - 3))) ||
        (i > 1 && LowerWord(i - 1) == "of" && InFolded(kMonthParts, LowerWord(i - 2))) ||
        ThatMonthOpensClause(i);
    if (lead && HasYear() && (strong || m == 5) && !CarryBlocks(m)) {
      return Match{i, last,
                   MonthTime(narrative_ || StoryTakes(ref_->y, m, 0) ? MonthYear(m) : ref_->y, m),
                   true};
    }
    return std::nullopt;
  }

  // In a narrative, "that" before the month at token i opening a clause: "That July, Rabin
  // indicated", "and that December the talks resumed" (not "said that June was hot").
  bool ThatMonthOpensClause(size_t i) const {
    if (!narrative_ || i == 0 || LowerWord(i - 1) != "that") return false;
    return i == 1 || IsPunct(i - 2, ',') || LowerWord(i - 2) == "and" || LowerWord(i - 2) == "but";
  }

  // Whether token j joins the two ends of a range of days: "and", "to", "through", "until",
  // "till" or a hyphen ("June 5-10" is read before, as one token run).
  bool IsDayLink(size_t j) const {
    const std::string_view w = LowerWord(j);
    return w == "and" || w == "to" || w == "through" || w == "until" || w == "till" ||
           IsPunct(j, '-');
  }

  // The year of a "Month Day, Year" that ends a range starting before token j ("to August 2,
  // 1945" after "July 17"), one year earlier when the range's first month `m` comes later in
  // the year ("December 28 to January 3, 1944"); 0 when there is none.
  int RangeEndYear(size_t j, int m) const {
    const std::string_view link = LowerWord(j);
    if (!(link == "to" || link == "and" || link == "through" || link == "until" ||
          (IsPunct(j, '-') && Adjacent(j)))) {
      return 0;
    }
    size_t last = 0;
    bool strong = false;
    const int m2 = MonthAt(j + 1, &last, &strong);
    // "August 9 and 10, 1941", "between December 16 and 26, 1945": days of one month.
    if (m2 == 0 && DayAt(j + 1) != 0 && !(Has(j + 2) && Adjacent(j + 2) && !IsPunct(j + 2, ','))) {
      size_t y_at = j + 2;
      if (IsPunct(y_at, ',')) ++y_at;
      return IsYearToken(y_at) ? Value(y_at) : 0;
    }
    if (m2 == 0 || DayAt(last + 1) == 0) return 0;
    size_t y_at = last + 2;
    if (IsPunct(y_at, ',')) ++y_at;
    if (!IsYearToken(y_at)) return 0;
    const int y = Value(y_at);
    return m > m2 ? y - 1 : y;
  }

  // "18 March 2019", "18 March".
  std::optional<Match> DayFirst(size_t i) const {
    const int d = DayAt(i);
    if (d == 0) return std::nullopt;
    size_t last = 0;
    bool strong = false;
    const int m = MonthAt(i + 1, &last, &strong);
    if (m == 0) return std::nullopt;
    if (IsYearToken(last + 1)) {
      const int y = Value(last + 1);
      if (d > DaysInMonth(y, m)) return std::nullopt;
      return Match{i, last + 1, DayTime(y, m, d), false};
    }
    if (std::optional<TimeValue> t = ResolveMonthDay(m, d, last + 1)) {
      return Match{i, last, *t, true};
    }
    return std::nullopt;
  }

  // A weekday relative to the reference day: direction -1 latest on or before, -2 strictly
  // before, +2 strictly after, +1 on or after.
  TimeValue Weekday(int weekday, int direction) const {
    const int64_t ref = ref_->days();
    const int today = IsoWeekday(ref);
    int64_t delta = 0;
    if (direction < 0) {
      delta = -((today - weekday + 7) % 7);
      if (direction == -2 && delta == 0) delta = -7;
    } else {
      delta = (weekday - today + 7) % 7;
      if (direction == 2 && delta == 0) delta = 7;
    }
    return DaysTime(ref + delta);
  }

  TimeValue ShiftedMonth(int shift) const {
    int y = ref_->y;
    int m = ref_->m + shift;
    if (m < 1) {
      m += 12;
      --y;
    } else if (m > 12) {
      m -= 12;
      ++y;
    }
    return MonthTime(y, m);
  }

  // "this/last/next <unit>"; shift is 0, -1 or +1.
  std::optional<TimeValue> Period(std::string_view unit, int shift) const {
    if (EqualsFolded(unit, "year") && HasYear()) return YearTime(ref_->y + shift);
    if (EqualsFolded(unit, "month") && HasMonth()) return ShiftedMonth(shift);
    if (EqualsFolded(unit, "week") && HasDay()) return IsoWeekTime(ref_->days() + 7 * shift);
    return std::nullopt;
  }

  // The count a word or number at token j says: "a"/"one" 1, "two" .. "ten", 1 to 99; else 0.
  int CountAt(size_t j) const {
    const std::string_view before = LowerWord(j);
    if (before == "a" || before == "one") return 1;
    for (size_t k = 0; k < kCountWords.size(); ++k) {
      if (before == kCountWords[k]) return static_cast<int>(k) + 1;
    }
    if (IsNum(j) && tokens_[j].e - tokens_[j].b <= 2) return Value(j);
    return 0;
  }

  // In a narrative, a year counted from where the story stands, at token i ("year"/"years"):
  // "two years later", "a year earlier", "the following year", "the previous year".
  std::optional<Match> YearsApart(size_t i) const {
    if (!narrative_ || carried_ || !HasYear() || i == 0) return std::nullopt;
    const std::string_view w = Str(i);
    if (!EqualsFolded(w, "year") && !EqualsFolded(w, "years")) return std::nullopt;
    const std::string_view before = LowerWord(i - 1);
    if (EqualsFolded(w, "year") && i >= 2 && LowerWord(i - 2) == "the") {
      if (before == "following") return Match{i - 2, i, YearTime(ref_->y + 1), true};
      if (before == "previous" || before == "preceding") {
        return Match{i - 2, i, YearTime(ref_->y - 1), true};
      }
    }
    const std::string_view after = LowerWord(i + 1);
    int sign = 0;
    if (after == "later" || after == "after" || after == "afterward" || after == "afterwards") {
      sign = 1;
    } else if (after == "earlier" || after == "before") {
      sign = -1;
    }
    if (sign == 0) return std::nullopt;
    const int count = CountAt(i - 1);
    if (count == 0 || (count == 1) != EqualsFolded(w, "year")) return std::nullopt;
    const int y = ref_->y + sign * count;
    if (y < kMinYear || y > kMaxYear) return std::nullopt;
    return Match{i - 1, i + 1, YearTime(y), true};
  }

  // In a narrative with a day (DateReference::day), a phrase counting days from it at token i:
  // "that (same) day", "the same day", "that morning/evening/night"; "the next/following
  // day/morning"; "the day before", "the previous day".
  std::optional<Match> DayPhrase(size_t i) const {
    const std::string_view first = LowerWord(i);
    if (first != "that" && first != "the") return std::nullopt;
    const auto part_of_day = [](std::string_view w) {
      return w == "day" || w == "morning" || w == "afternoon" || w == "evening" || w == "night";
    };
    const int64_t day = day_->days();
    const std::string_view second = LowerWord(i + 1);
    const std::string_view third = LowerWord(i + 2);
    if (second == "same" && part_of_day(third)) return Match{i, i + 2, DaysTime(day), true};
    if (first == "that" && part_of_day(second)) return Match{i, i + 1, DaysTime(day), true};
    if (first != "the") return std::nullopt;
    if ((second == "next" || second == "following") && (third == "day" || third == "morning")) {
      return Match{i, i + 2, DaysTime(day + 1), true};
    }
    if (second == "previous" && third == "day") return Match{i, i + 2, DaysTime(day - 1), true};
    // "the day before" alone; "the day before his inauguration" counts from the inauguration.
    if (second == "day" && third == "before" && !IsWord(i + 3)) {
      return Match{i, i + 2, DaysTime(day - 1), true};
    }
    return std::nullopt;
  }

  // In dated text, "four months ago", "two weeks ago", "3 days ago", "a year ago" at token i
  // ("ago"), counted back from the document's date; a narrative has no now to count from.
  std::optional<Match> Ago(size_t i) const {
    if (narrative_ || !HasYear() || i < 2 || !EqualsFolded(Str(i), "ago")) return std::nullopt;
    const std::string_view unit = LowerWord(i - 1);
    const int count = CountAt(i - 2);
    // "Twenty-three years ago": the count is not the last word.
    if (count <= 0 || (i >= 3 && IsPunct(i - 3, '-'))) return std::nullopt;
    const bool one = unit == "day" || unit == "week" || unit == "month" || unit == "year";
    const bool many = unit == "days" || unit == "weeks" || unit == "months" || unit == "years";
    if (!(count == 1 ? one : many)) return std::nullopt;
    if (unit[0] == 'y') return Match{i - 2, i, YearTime(ref_->y - count), true};
    if (unit[0] == 'm') {
      if (!HasMonth()) return std::nullopt;
      const int months = ref_->y * 12 + (ref_->m - 1) - count;
      return Match{i - 2, i, MonthTime(months / 12, months % 12 + 1), true};
    }
    if (!HasDay()) return std::nullopt;
    return Match{i - 2, i, DaysTime(ref_->days() - count * (unit[0] == 'w' ? 7 : 1)), true};
  }

  std::optional<Match> RelativeWord(size_t i) const {
    if (std::optional<Match> m = Ago(i)) return m;
    if (!HasYear() || carried_) return std::nullopt;
    const std::string_view w = Str(i);
    if (HasDay()) {
      const int64_t ref = ref_->days();
      if (EqualsFolded(w, "today") || EqualsFolded(w, "tonight")) {
        return Match{i, i, DaysTime(ref), true};
      }
      if (EqualsFolded(w, "yesterday")) return Match{i, i, DaysTime(ref - 1), true};
      if (EqualsFolded(w, "tomorrow")) {
        // After "a", "the" or "of", or "a" and an adjective, it is a noun, the future ("the
        // leaders of tomorrow", "a better tomorrow"): dated as before but no day ahead.
        auto is = [&](size_t k, std::string_view word) {
          return k < i && IsWord(k) && EqualsFolded(Str(k), word);
        };
        const bool noun =
            is(i - 1, "a") || is(i - 1, "the") || is(i - 1, "of") || (i >= 2 && is(i - 2, "a"));
        return Match{i, i, DaysTime(ref + 1), true, !noun};
      }
      if (const int wd = WeekdayAt(i); wd != 0) return Match{i, i, Weekday(wd, -1), true};
    }
    int shift = 2;  // none
    if (EqualsFolded(w, "this")) shift = 0;
    if (EqualsFolded(w, "last")) shift = -1;
    if (EqualsFolded(w, "next")) shift = 1;
    size_t unit = i + 1;
    if ((EqualsFolded(w, "earlier") || EqualsFolded(w, "later")) && IsWord(i + 1) &&
        EqualsFolded(Str(i + 1), "this")) {
      shift = 0;
      unit = i + 2;
    }
    if (shift == 2 || !IsWord(unit)) return std::nullopt;
    const std::string_view u = Str(unit);
    // "next week", "later this year": ahead of the reference by their words.
    const bool ahead = shift == 1 || EqualsFolded(w, "later");
    if (std::optional<TimeValue> t = Period(u, shift)) return Match{i, unit, *t, true, ahead};
    if (unit != i + 1) return std::nullopt;
    if (HasDay()) {
      const int64_t ref = ref_->days();
      if (shift == 0 && (EqualsFolded(u, "morning") || EqualsFolded(u, "afternoon") ||
                         EqualsFolded(u, "evening"))) {
        return Match{i, unit, DaysTime(ref), true};
      }
      if (shift == -1 && EqualsFolded(u, "night")) return Match{i, unit, DaysTime(ref - 1), true};
      if (const int wd = WeekdayAt(unit); wd != 0) {
        return Match{i, unit, Weekday(wd, shift == 0 ? 1 : shift * 2), true, shift == 1};
      }
    }
    size_t last = 0;
    bool strong = false;
    if (const int m = MonthAt(unit, &last, &strong); m != 0 && (strong || m == 5)) {
      int y = ref_->y;
      if (shift != 0 && HasMonth()) {
        if (shift < 0 && m >= ref_->m) --y;
        if (shift > 0 && m <= ref_->m) ++y;
      } else if (shift != 0) {
        y += shift;
      }
      return Match{i, last, MonthTime(y, m), true, shift == 1};
    }
    return std::nullopt;
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  mutable std::string lower_;  // LowerWord's
  size_t range_start_ = 0;     // Run: the first token of the last date found
  std::optional<Reference> ref_;
  bool narrative_ = false;
  bool carried_ = false;                // DateReference::carried, until the text gives a date
  mutable bool carry_blocked_ = false;  // a month before the carried one: the carry ends
  std::optional<Reference> day_;        // DateReference::day, moved by the text's days

  void EndCarry() {
    if (carried_) {
      ref_.reset();
      day_.reset();
    }
    carried_ = false;
    carry_blocked_ = false;
  }
  std::optional<Reference> story_;  // DateReference::story; only in dated text
  // Whether the text says "will" or "shall": read at the first question (only a dated text with
  // a story asks), not for every text.
  bool Future() const {
    if (!future_) {
      future_ = false;
      for (size_t i = 0; i < tokens_.size() && !*future_; ++i) {
        future_ = EqualsFolded(Str(i), "will") || EqualsFolded(Str(i), "shall");
      }
    }
    return *future_;
  }
  mutable std::optional<bool> future_;
};

}  // namespace

const std::array<uint16_t, 256> kDateWordLengths = DateWordLengths();

std::optional<TimeValue> ParseIsoDate(std::string_view iso) {
  Result<PartialDate> date = PartialDate::ParseTimestamp(iso);
  if (!date.ok()) return std::nullopt;
  return date->ToTime();
}

std::vector<std::string> DateWordSpellings() {
  std::vector<std::string> out;
  auto add = [&out](std::string_view word) {
    std::string w(word);
    for (char& c : w) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    out.push_back(std::move(w));
  };
  for (std::string_view month : kMonths) {
    add(month);
    add(month.substr(0, 3));
  }
  add("Sept");
  for (std::string_view day : kWeekdays) add(day);
  for (std::string_view word : kRelativeWords) add(word);
  return out;
}

bool MayStartDate(std::string_view token) {
  // At(): a number starts a date by itself only with four digits (Numeric, a decade); a day
  // (DayFirst) needs the month name after it.
  if (!token.empty() && IsDigit(token[0])) {
    return token.size() >= 4 && IsDigit(token[1]) && IsDigit(token[2]) && IsDigit(token[3]);
  }
  return IsDateWord(token);
}

bool MayStartDate(std::string_view token, std::string_view next, bool narrative) {
  if (!MayStartDate(token)) return false;
  // RelativeWord(): a shift needs its unit (Period, a part of the day) after it.
  if (EqualsFolded(token, "this") || EqualsFolded(token, "last") || EqualsFolded(token, "next")) {
    for (std::string_view unit :
         {"year", "month", "week", "morning", "afternoon", "evening", "night"}) {
      if (EqualsFolded(next, unit)) return true;
    }
    return false;
  }
  if (EqualsFolded(token, "earlier") || EqualsFolded(token, "later")) return false;
  // YearsApart() counts years in a narrative only.
  if (EqualsFolded(token, "year") || EqualsFolded(token, "years")) return narrative;
  return true;
}

bool IsNarrativeTime(const TimeValue& time) {
  Result<DayRange> range = TimeRange(time);
  return range.ok() && time.start.compare(0, 4, time.end, 0, 4) == 0;
}

std::string NarrativeReference(const TimeValue& time) {
  Result<DayRange> range = TimeRange(time);
  if (!range.ok()) return "";
  const PartialDate first = PartialDate::FromDays(range->first);
  const PartialDate last = PartialDate::FromDays(range->last);
  if (first.year() == last.year()) {
    if (first.month() == last.month())
      return PartialDate::Month(first.year(), first.month()).ToString();
    // Whole months within a year, not all of it ("the summer of 1977", 1977-06/1977-08): the
    // first month, so that later months of the year take it ("... in November" is 1977-11).
    const bool whole_months =
        first.day() == 1 && last.day() == DaysInMonth(last.year(), last.month());
    if (whole_months && !(first.month() == 1 && last.month() == 12)) {
      return PartialDate::Month(first.year(), first.month()).ToString();
    }
    return PartialDate::Year(first.year()).ToString();
  }
  // "the winter of 1978-1979": the story goes on in the later year.
  if (last.year() == first.year() + 1) return PartialDate::Year(last.year()).ToString();
  return "";
}

std::string_view DateRoleName(DateRole role) {
  switch (role) {
    case DateRole::kPoint:
      return "point";
    case DateRole::kSince:
      return "since";
    case DateRole::kNamed:
      return "named";
    case DateRole::kAttribute:
      return "attribute";
    case DateRole::kTarget:
      return "target";
    case DateRole::kBaseline:
      return "baseline";
  }
  return "point";
}

std::vector<DateMention> FindDates(std::string_view text, const DateReference& reference) {
  // A narrative's day phrases start with "that" or "the" (DateReference::day).
  if (!(reference.narrative && !reference.day.empty()) && !MayHoldDate(text)) return {};
  return FindDatesUntested(text, reference);
}

std::vector<DateMention> FindDatesUntested(std::string_view text, const DateReference& reference) {
  return Finder(text, Tokenize(text), ParseReference(reference.date), reference.narrative,
                reference.carried, ParseReference(reference.day), ParseReference(reference.story))
      .Run();
}

std::vector<DateMention> FindDatesUntested(std::string_view text, const DateReference& reference,
                                           const std::vector<internal::Token>& tokens) {
  // The rule tokenizer's tokens with this finder's kinds: a token that starts with a letter is a
  // word (it holds one), one that starts with a digit a number if it holds digits only, any
  // other a byte of punctuation.
  std::vector<Token> own;
  own.reserve(tokens.size());
  const char* const p = text.data();
  for (const internal::Token& t : tokens) {
    const uint8_t first = kByteClass[static_cast<unsigned char>(p[t.begin])];
    TokenKind kind = first == 1 ? TokenKind::kWord : TokenKind::kPunct;
    if (first == 2) {
      kind = TokenKind::kNumber;
      for (uint32_t i = t.begin + 1; i < t.end; ++i) {
        if (!IsDigit(p[i])) {
          kind = TokenKind::kWord;
          break;
        }
      }
    }
    own.push_back({t.begin, t.end, kind});
  }
  return Finder(text, std::move(own), ParseReference(reference.date), reference.narrative,
                reference.carried, ParseReference(reference.day), ParseReference(reference.story))
      .Run();
}

std::vector<DateMention> FindDates(std::string_view text, std::string_view reference) {
  return FindDates(text, DateReference{.date = reference});
}

}  // namespace parley
