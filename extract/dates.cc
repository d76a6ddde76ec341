#include "extract/dates.h"

#include <fmt/format.h>

#include <array>
#include <cstdint>

namespace parley {
namespace {

constexpr int kMinYear = 1000;
constexpr int kMaxYear = 2100;
// A month/day without a year is put in the previous year when it would otherwise lie more than
// this many days after the reference (news looks back; "December 28" in a January article).
constexpr int64_t kPastBiasDays = 183;

// ---- Civil calendar (proleptic Gregorian), after H. Hinnant's days_from_civil. ----

int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  int y = 0;
  int m = 0;
  int d = 0;
};

Civil CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

// 1 = Monday .. 7 = Sunday.
int IsoWeekday(int64_t days) {
  const int64_t w = ((days % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday
  return static_cast<int>(w) + 1;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

std::string Ymd(const Civil& c) { return fmt::format("{:04d}-{:02d}-{:02d}", c.y, c.m, c.d); }

TimeValue DaysTime(int64_t days) {
  const Civil c = CivilFromDays(days);
  return DayTime(c.y, c.m, c.d);
}

TimeValue RangeTime(std::string value, int64_t first, int64_t last) {
  return {std::move(value), Ymd(CivilFromDays(first)), Ymd(CivilFromDays(last))};
}

TimeValue IsoWeekTime(int64_t days) {
  const int64_t monday = days - (IsoWeekday(days) - 1);
  const Civil thursday = CivilFromDays(monday + 3);
  const int64_t week = (monday + 3 - DaysFromCivil(thursday.y, 1, 1)) / 7 + 1;
  return RangeTime(fmt::format("{:04d}-W{:02d}", thursday.y, week), monday, monday + 6);
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
  if (iso.size() > 10 && (iso[10] == 'T' || iso[10] == ' ')) iso = iso.substr(0, 10);
  Reference r;
  if (iso.size() != 4 && iso.size() != 7 && iso.size() != 10) return std::nullopt;
  r.y = ParseDigits(iso.substr(0, 4));
  if (r.y < 1) return std::nullopt;
  if (iso.size() >= 7) {
    if (iso[4] != '-') return std::nullopt;
    r.m = ParseDigits(iso.substr(5, 2));
    if (r.m < 1 || r.m > 12) return std::nullopt;
  }
  if (iso.size() == 10) {
    if (iso[7] != '-') return std::nullopt;
    r.d = ParseDigits(iso.substr(8, 2));
    if (r.d < 1 || r.d > DaysInMonth(r.y, r.m)) return std::nullopt;
  }
  return r;
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

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4 + 4);
  const uint32_t n = static_cast<uint32_t>(text.size());
  uint32_t i = 0;
  while (i < n) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    if (IsDigit(c) || IsAlpha(c)) {
      uint32_t j = i;
      bool digits = true;
      while (j < n && (IsDigit(text[j]) || IsAlpha(text[j]))) {
        digits = digits && IsDigit(text[j]);
        ++j;
      }
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
constexpr std::array<std::string_view, 9> kRelativeWords = {
    "today", "tonight", "yesterday", "tomorrow", "this", "last", "next", "earlier", "later"};

// True when a letters-only word may start a date: a month name or abbreviation, a weekday
// (both capitalised, compared exactly as MonthAt and WeekdayAt do) or a relative-date word.
// Every date starts with such a word or with a digit, so other words need no closer look.
bool IsDateWord(std::string_view w) {
  if (w.size() < 3 || w.size() > 9) return false;
  const char c = w[0];
  // The capitals months, weekdays and relative-date words start with.
  constexpr std::string_view kInitials = "ADEFJLMNOSTWY";
  if (c >= 'A' && c <= 'Z') {
    if (kInitials.find(c) == std::string_view::npos) return false;
    for (std::string_view month : kMonths) {
      if (w == month || w == month.substr(0, 3)) return true;
    }
    if (w == "Sept") return true;
    for (std::string_view day : kWeekdays) {
      if (w == day) return true;
    }
  }
  const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  if (lower != 't' && lower != 'y' && lower != 'l' && lower != 'n' && lower != 'e') return false;
  return InFolded(kRelativeWords, w);
}

// False when `text` cannot hold a date: it has no digit and no IsDateWord word. Scans the
// letter-and-digit runs the way Tokenize does, without building tokens.
bool MayHoldDate(std::string_view text) {
  // Byte classes: 0 neither, 1 ASCII letter, 2 digit.
  static constexpr auto kClass = [] {
    std::array<uint8_t, 256> table{};
    for (int c = 0; c < 256; ++c) table[c] = IsDigit(c) ? 2 : IsAlpha(c) ? 1 : 0;
    return table;
  }();
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
};

class Finder {
 public:
  Finder(std::string_view text, std::optional<Reference> ref)
      : text_(text), tokens_(Tokenize(text)), ref_(ref) {}

  std::vector<DateMention> Run() {
    std::vector<DateMention> out;
    size_t i = 0;
    while (i < tokens_.size()) {
      std::optional<Match> m = At(i);
      if (!m) {
        ++i;
        continue;
      }
      out.push_back({tokens_[m->first].b, tokens_[m->last].e, std::move(m->time), m->relative});
      i = m->last + 1;
    }
    return out;
  }

 private:
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
    // Most tokens are ordinary words: every date starts with a digit or an IsDateWord.
    if (IsWord(i)) {
      if (!IsDigit(text_[tokens_[i].b]) && !IsDateWord(Str(i))) return std::nullopt;
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
    if (IsWord(i)) return RelativeWord(i);
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
    return Match{i, i, YearTime(y), false};
  }

  static TimeValue DecadeTime(int y) {
    return RangeTime(fmt::format("{}s", y), DaysFromCivil(y, 1, 1), DaysFromCivil(y + 9, 12, 31));
  }

  // A day and month without a year, resolved against the reference.
  std::optional<TimeValue> ResolveMonthDay(int m, int d) const {
    if (!HasYear()) return std::nullopt;
    int y = ref_->y;
    if (d > DaysInMonth(y, m) && !(m == 2 && d == 29)) return std::nullopt;
    if (HasDay()) {
      const int64_t ref_days = ref_->days();
      if (d <= DaysInMonth(y, m) && DaysFromCivil(y, m, d) - ref_days > kPastBiasDays) --y;
    } else if (HasMonth() && m > ref_->m + 6) {
      --y;
    }
    if (d > DaysInMonth(y, m)) return std::nullopt;  // February 29 outside a leap year
    return DayTime(y, m, d);
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
        return Match{
            i, y_at,
            RangeTime(Ymd(CivilFromDays(first)) + "/" + Ymd(CivilFromDays(second)), first, second),
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
      if (std::optional<TimeValue> t = ResolveMonthDay(m, d)) return Match{i, k, *t, true};
      return std::nullopt;
    }
    size_t y_at = k;
    if (IsPunct(y_at, ',') && strong) ++y_at;
    if (IsYearToken(y_at)) return Match{i, y_at, MonthTime(Value(y_at), m), false};
    if (i > 0 && IsWord(i - 1) && InFolded(kMonthLeads, Str(i - 1)) && HasYear() &&
        (strong || m == 5)) {
      return Match{i, last, MonthTime(ref_->y, m), true};
    }
    return std::nullopt;
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
    if (std::optional<TimeValue> t = ResolveMonthDay(m, d)) return Match{i, last, *t, true};
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

  std::optional<Match> RelativeWord(size_t i) const {
    if (!HasYear()) return std::nullopt;
    const std::string_view w = Str(i);
    if (HasDay()) {
      const int64_t ref = ref_->days();
      if (EqualsFolded(w, "today") || EqualsFolded(w, "tonight")) {
        return Match{i, i, DaysTime(ref), true};
      }
      if (EqualsFolded(w, "yesterday")) return Match{i, i, DaysTime(ref - 1), true};
      if (EqualsFolded(w, "tomorrow")) return Match{i, i, DaysTime(ref + 1), true};
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
    if (std::optional<TimeValue> t = Period(u, shift)) return Match{i, unit, *t, true};
    if (unit != i + 1) return std::nullopt;
    if (HasDay()) {
      const int64_t ref = ref_->days();
      if (shift == 0 && (EqualsFolded(u, "morning") || EqualsFolded(u, "afternoon") ||
                         EqualsFolded(u, "evening"))) {
        return Match{i, unit, DaysTime(ref), true};
      }
      if (shift == -1 && EqualsFolded(u, "night")) return Match{i, unit, DaysTime(ref - 1), true};
      if (const int wd = WeekdayAt(unit); wd != 0) {
        return Match{i, unit, Weekday(wd, shift == 0 ? 1 : shift * 2), true};
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
      return Match{i, last, MonthTime(y, m), true};
    }
    return std::nullopt;
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  std::optional<Reference> ref_;
};

}  // namespace

TimeValue YearTime(int year) {
  return {fmt::format("{:04d}", year), fmt::format("{:04d}-01-01", year),
          fmt::format("{:04d}-12-31", year)};
}

TimeValue MonthTime(int year, int month) {
  return {fmt::format("{:04d}-{:02d}", year, month), fmt::format("{:04d}-{:02d}-01", year, month),
          fmt::format("{:04d}-{:02d}-{:02d}", year, month, DaysInMonth(year, month))};
}

TimeValue DayTime(int year, int month, int day) {
  std::string ymd = fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
  return {ymd, ymd, ymd};
}

std::optional<TimeValue> ParseIsoDate(std::string_view iso) {
  const std::optional<Reference> r = ParseReference(iso);
  if (!r) return std::nullopt;
  if (r->m == 0) return YearTime(r->y);
  if (r->d == 0) return MonthTime(r->y, r->m);
  return DayTime(r->y, r->m, r->d);
}

bool MayStartDate(std::string_view token) {
  return !token.empty() && (IsDigit(token[0]) || IsDateWord(token));
}

std::vector<DateMention> FindDates(std::string_view text, std::string_view reference) {
  if (!MayHoldDate(text)) return {};
  return Finder(text, ParseReference(reference)).Run();
}

}  // namespace parley
