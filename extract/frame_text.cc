#include "extract/frame_text.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string_view>

#include "extract/rule_compiled.h"

namespace parley::internal {

bool TextExtents::NarrowingAt(uint32_t u) const {
  static constexpr std::string_view kNarrowing[] = {"particularly", "especially", "notably",
                                                    "specifically", "primarily",  "mainly",
                                                    "chiefly",      "largely",    "mostly"};
  static constexpr std::string_view kPrepositions[] = {
      "in",      "on",     "for",    "with",    "at",         "through", "by",
      "from",    "to",     "during", "within",  "regarding",  "among",   "against",
      "between", "across", "toward", "towards", "concerning", "around",  "under"};
  const std::string_view adverb = Lower(u);
  const std::string_view prep = Lower(u + 1);
  return std::find(std::begin(kNarrowing), std::end(kNarrowing), adverb) != std::end(kNarrowing) &&
         std::find(std::begin(kPrepositions), std::end(kPrepositions), prep) !=
             std::end(kPrepositions);
}

std::pair<uint32_t, uint32_t> TextExtents::TextExtent(uint32_t from) const {
  const size_t n = s_.units.size();
  if (from >= n) return {from, from};
  if (ends_.empty()) ends_.assign(n, kUnknown);
  if (ends_[from] == kUnknown) ends_[from] = MeasureEnd(from);
  return {from, ends_[from]};
}

uint32_t TextExtents::MeasureEnd(uint32_t from) const {
  const uint32_t n = static_cast<uint32_t>(s_.units.size());
  uint32_t e = from;
  while (e < n && e - from < kMaxTextUnits) {
    const std::string_view w = Lower(e);  // empty for a mention
    // Only a comma opens an apposition of names or a list inside the phrase.
    if (w == ",") {
      if (const uint32_t close = NamesBetweenCommas(e); close > e) {
        e = close + 1;
        continue;
      }
      if (const uint32_t conjunction = ListInPhraseEnd(from, e); conjunction > e) {
        e = conjunction + 1;
        continue;
      }
    }
    // "the Women, Peace and Security (WPS) Agenda": an acronym in parentheses inside the
    // phrase is part of it.
    if (e > from && w == "(" && e + 2 < n && Lower(e + 2) == ")" && Acronym(e + 1)) {
      e += 3;
      continue;
    }
    if (s_.units[e].mention < 0) {
      // A comma inside a list chunk ("Japan, Korea and Australia") or before examples
      // (", including DPRK, Afghanistan, and Iran") belongs to the text.
      // So does a comma before an adverb that narrows the clause to a prepositional phrase
      // (", particularly in view of Mexico's presidency of the UN Security Council").
      const bool inner_comma =
          w == "," && (InsideChunk(e) || Lower(e + 1) == "including" ||
                       (Lower(e + 1) == "such" && Lower(e + 2) == "as") || NarrowingAt(e + 1));
      if (w.size() == 1 && std::string_view(",;:.!?()").find(w[0]) != std::string_view::npos &&
          !(w[0] == '.' && sentence_.IsNumber(e - 1) &&
            sentence_.IsNumber(e + 1)) &&  // "$1.9 billion"
          !((w[0] == ',' || w[0] == ':') && sentence_.IsNumber(e - 1) &&
            sentence_.IsNumber(e + 1) && sentence_.Tight(e) &&
            sentence_.Tight(e + 1)) &&  // "62,000 visas", "a 5:5:3 ratio"
          !inner_comma) {
        break;
      }
      if ((w == "and" || w == "but") && e + 1 < n && sentence_.group_start[e + 1]) break;
    }
    if (e > from && sentence_.group_start[e] && e > 0 && (Lower(e - 1) == "and")) break;
    ++e;
  }
  // A date, or a place after "at", at the end is the statement's time or place, not its
  // content: "sanctions on Iran in 2016", "a Declaration of Principles at the White House"
  // (but "the situation in the Taiwan Strait" is about the strait).
  while (e > from + 1) {
    const int m = s_.units[e - 1].mention;
    if (m < 0) break;
    const Mention& mention = s_.mentions[m];
    const bool place = mention.entity != nullptr && mention.kind != MentionKind::kDemonym &&
                       mention.entity->entity.type == EntityType::kPlace &&
                       (Lower(e - 2) == "at" || (Lower(e - 2) == "the" && Lower(e - 3) == "at"));
    if (mention.kind != MentionKind::kDate && !place) break;
    // A date after "of" belongs to its noun: "withdraw to the line of June 4, 1967", "the
    // attacks of September 11, 2001".
    if (!place && e >= 2 && Lower(e - 2) == "of") break;
    if (place) {
      e -= Lower(e - 2) == "the" ? 3 : 2;
      continue;
    }
    --e;
    const std::string_view p = Lower(e - 1);
    if (e > from + 1 && (p == "in" || p == "on" || p == "at" || p == "during" || p == "since" ||
                         p == "by" || p == "until" || p == ",")) {
      --e;
    }
  }
  // "with its ruler, Sultan Abdallah, on October 4, 1879": no comma ends the text, nor a
  // conjunction a list left ("the urgent, unhindered, and").
  while (e > from + 1 && s_.units[e - 1].mention < 0 &&
         (Lower(e - 1) == "," || Lower(e - 1) == "and" || Lower(e - 1) == "or")) {
    --e;
  }
  return e;
}

uint32_t TextExtents::NamesBetweenCommas(uint32_t u) const {
  if (u + 1 >= a_.chunk_of.size() || a_.chunk_of[u + 1] < 0 || Lower(u) != ",") return u;
  const Chunk& c = a_.chunks[a_.chunk_of[u + 1]];
  const uint32_t n = static_cast<uint32_t>(s_.units.size());
  // The phrase goes on with a preposition or "to" ("..., in negotiations", "..., to purchase
  // Alaska"), not a relative clause, a list or another clause.
  static constexpr std::string_view kOn[] = {"in", "on",   "for",     "with",    "at",   "to",
                                             "by", "from", "against", "between", "over", "toward"};
  const bool more = c.end + 1 < n && s_.units[c.end + 1].mention < 0 &&
                    std::find(std::begin(kOn), std::end(kOn), Lower(c.end + 1)) != std::end(kOn);
  return c.begin == u + 1 && !c.members.empty() && more && Lower(c.end) == "," ? c.end : u;
}

uint32_t TextExtents::ListInPhraseEnd(uint32_t from, uint32_t u) const {
  const uint32_t n = static_cast<uint32_t>(s_.units.size());
  if (u <= from || u + 1 >= n || Lower(u) != ",") return u;
  constexpr uint32_t kFunction = kClassDeterminer | kClassPreposition | kClassTo |
                                 kClassSubordinator | kClassRelative | kClassThat | kClassPronoun |
                                 kClassBe | kClassHave | kClassDo | kClassModal | kClassNegation |
                                 kClassConjunction;
  const auto classes = [&](uint32_t k) -> uint32_t {
    const LexEntry* w = doc_.rules.lexicon.Find(Lower(k));
    return w == nullptr ? 0 : w->classes;
  };
  const auto word = [&](uint32_t k) {
    const std::string_view w = Lower(k);
    return !w.empty() && (std::isalnum(static_cast<unsigned char>(w[0])) != 0 ||
                          static_cast<unsigned char>(w[0]) >= 0x80);
  };
  // Back to the determiner: one or two words after it, the possessive "'s" counting as one.
  // The verb of a to-infinitive that opens the text stands for it ("to grow educational,
  // professional, and cultural exchanges", "to promote transparent, high-quality investment").
  uint32_t words = 0;
  uint32_t k = u;
  bool determiner = false;
  while (k > from && words <= 2) {
    --k;
    if ((classes(k) & kClassDeterminer) != 0 ||
        (Lower(k) == "s" && k >= 1 && Lower(k - 1) == "'")) {
      determiner = true;
      break;
    }
    if (!word(k) || sentence_.group_start[k]) return u;
    if (k == from && from > 0 && Lower(from - 1) == "to") {
      determiner = true;
      break;
    }
    ++words;
  }
  if (!determiner || words == 0 || words > 2) return u;
  // Forward over the items.
  k = u + 1;
  while (k < n && k < u + 20) {
    uint32_t item = 0;
    while (k < n && item < 4 && word(k) && (classes(k) & kFunction) == 0 &&
           !sentence_.group_start[k]) {
      ++k;
      ++item;
    }
    if (item == 0 || item > 3 || k >= n) return u;
    if (Lower(k) == ",") ++k;
    if (k < n && (Lower(k) == "and" || Lower(k) == "or")) return k;
    if (Lower(k - 1) != ",") return u;
  }
  return u;
}

bool TextExtents::Acronym(uint32_t u) const {
  const std::string_view text = s_.UnitsText(u, u + 1);
  if (text.size() < 2 || text.size() > 8) return false;
  bool capital = false;
  for (const char c : text) {
    if (c >= 'A' && c <= 'Z') {
      capital = true;
    } else if (!(c >= '0' && c <= '9') && c != '-' && c != '&') {
      return false;
    }
  }
  return capital;
}

bool TextExtents::InsideChunk(uint32_t u) const {
  if (u >= a_.chunk_of.size() || a_.chunk_of[u] < 0) return false;
  const Chunk& c = a_.chunks[a_.chunk_of[u]];
  return c.begin < u && u + 1 < c.end;
}

}  // namespace parley::internal
