#include "extract/name_shape.h"

#include <algorithm>
#include <cctype>

#include "base/text.h"
#include "extract/scratch_pool.h"

namespace parley::internal {
namespace {

// Longest name (in words) and organisation run (in tokens) the finder considers.
constexpr int kMaxNameWords = 5;
constexpr size_t kMaxRunTokens = 16;

bool IsUpperAscii(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerAscii(unsigned char c) { return c >= 'a' && c <= 'z'; }

// True for a token that starts with a capital letter: ASCII, or a Latin-1 or Latin
// Extended-A capital (À..Þ except ×; the even code points of U+0100..U+017F).
bool IsCapitalized(std::string_view tok) {
  if (tok.empty()) return false;
  const auto c0 = static_cast<unsigned char>(tok[0]);
  if (IsUpperAscii(c0)) return true;
  if (tok.size() < 2) return false;
  const auto c1 = static_cast<unsigned char>(tok[1]);
  if (c0 == 0xC3) return c1 >= 0x80 && c1 <= 0x9E && c1 != 0x97;
  if (c0 == 0xC4 || c0 == 0xC5) return (c1 & 1) == 0;
  return false;
}

bool IsWord(std::string_view tok) {
  return !tok.empty() && IsWordByte(static_cast<unsigned char>(tok[0]));
}

// Two or more ASCII letters, all capitals ("KISHIDA", "JBIC").
bool IsAllCaps(std::string_view tok) {
  int letters = 0;
  for (char ch : tok) {
    const auto c = static_cast<unsigned char>(ch);
    if (IsLowerAscii(c)) return false;
    if (IsUpperAscii(c)) ++letters;
  }
  return letters >= 2;
}

// "KISHIDA" -> "Kishida".
std::string TitleCase(std::string_view tok) {
  std::string out(tok);
  for (size_t i = 1; i < out.size(); ++i) {
    if (IsUpperAscii(static_cast<unsigned char>(out[i]))) out[i] = static_cast<char>(out[i] + 32);
  }
  return out;
}

// A Reader's per-token memos, kept from sentence to sentence (per thread) so that they reuse
// their allocations.
struct ReaderMemo {
  std::vector<int8_t> not_name;
  std::vector<int16_t> head;
};

// One sentence as the finder reads it.
class Reader {
 public:
  // `ids`: the tokens' ids in v.words(). `memo`'s tables are the Reader's while it lives.
  Reader(const NameVocabulary& v, std::string_view text, std::string_view lower,
         const std::vector<Token>& tokens, const std::vector<uint32_t>& ids,
         const DocumentWords* words, ReaderMemo* memo)
      : v_(v),
        text_(text),
        lower_(lower),
        tokens_(tokens),
        ids_(ids),
        words_(words),
        not_name_(memo->not_name),
        head_(memo->head) {
    not_name_.assign(tokens.size(), -1);
    head_.assign(tokens.size(), -2);
  }

  size_t size() const { return tokens_.size(); }
  // A token's text (its bytes lie in the text: no bounds test, as substr would make).
  std::string_view Tok(size_t i) const {
    const Token& t = tokens_[i];
    return std::string_view(text_.data() + t.begin, t.end - t.begin);
  }
  std::string_view Lower(size_t i) const {
    const Token& t = tokens_[i];
    return std::string_view(lower_.data() + t.begin, t.end - t.begin);
  }
  // The token's id in the vocabulary's words (kAbsent when no list holds it).
  uint32_t Id(size_t i) const { return ids_[i]; }
  const std::vector<uint32_t>& Ids() const { return ids_; }
  bool Space(size_t i) const { return tokens_[i].space_before; }
  std::string_view Range(size_t b, size_t e) const {
    return std::string_view(text_.data() + tokens_[b].begin, tokens_[e - 1].end - tokens_[b].begin);
  }
  bool Is(size_t i, std::string_view s) const { return i < size() && Tok(i) == s; }

  // Memoised per token: the scans look at a token from several starts.
  int HeadType(size_t i, size_t* length) const {
    if (head_[i] == -2) {
      head_[i] = -1;
      for (int h = 0; h < 4 && head_[i] < 0; ++h) {
        if (const size_t n = v_.heads[h].LongestAt(ids_, i)) {
          head_[i] = static_cast<int16_t>(h * 256 + static_cast<int>(std::min<size_t>(n, 255)));
        }
      }
    }
    if (head_[i] < 0) return -1;
    *length = static_cast<size_t>(head_[i] % 256);
    return head_[i] / 256;
  }

  // A capitalised word that is never part of a name: a title, a head noun, a stop word, or a
  // word the document also writes in lower case.
  bool NotAName(size_t i) const {
    if (not_name_[i] < 0) {
      not_name_[i] = v_.never_names.ContainsWord(ids_[i]) ||
                     (words_ != nullptr && words_->Contains(Lower(i), ids_[i], &v_.words()));
    }
    return not_name_[i] == 1;
  }

  // Not a person's name, whatever the words: all in capitals ("ASSISTING GBV"), an acronym
  // after the first word ("Finals MVP", "Reducing PFAS"; a family name in capitals comes
  // first: "KISHIDA Fumio"), or a heading's gerund first ("Supporting Black Entrepreneurs").
  bool NotPersonShaped(size_t b, size_t e) const {
    bool mixed = false, later_caps = false;
    size_t words = 0;
    for (size_t k = b; k < e; ++k) {
      const std::string_view t = Tok(k);
      if (t.size() < 2 || !IsWord(t)) continue;
      if (IsAllCaps(t)) {
        later_caps = later_caps || words > 0;
      } else {
        mixed = true;
      }
      if (words == 0 && t.size() >= 6 && t.substr(t.size() - 3) == "ing" && e - b > 1) {
        return true;
      }
      ++words;
    }
    return !mixed || later_caps;
  }

  // An initial: one capital letter and a full stop ("F." of "F.W.").
  bool Initial(size_t i) const {
    const std::string_view t = Tok(i);
    return t.size() == 1 && IsUpperAscii(static_cast<unsigned char>(t[0])) && Is(i + 1, ".") &&
           !Space(i + 1);
  }

  // Scans a person's name from token j up to `limit` (known mentions end it); returns its end
  // (== j when there is none). Initials and particles never end a name.
  // A one-word regnal title that ends a name after a word of it is the surname: "Yigal Amir",
  // "Rajiv Shah", "Angus King", "Martin Luther King" (a title comes before a name, not after;
  // "King Hussein", "the Amir Sheikh Tamim", "Al Thani Emir Sheikh" are untouched).
  bool RegnalSurname(size_t k, size_t limit) const {
    if (v_.regnal.LongestAt(ids_, k) != 1 || !Space(k) || Tok(k).size() < 3) {
      return false;
    }
    return k + 1 >= limit || !IsCapitalized(Tok(k + 1));
  }

  size_t ScanPersonName(size_t j, size_t limit) const {
    size_t k = j, end = j;
    int words = 0;
    bool initials = false;
    bool hyphened = false;  // after a particle's hyphen ("al-Asad"): the word touches it
    while (k < limit && words < kMaxNameWords) {
      const std::string_view t = Tok(k);
      // Words of a name stand apart; only an initial's full stop touches the next one.
      if (k > j && !Space(k) && !(initials && Tok(k - 1) == ".") && !hyphened) break;
      hyphened = false;
      if (Initial(k)) {
        k += 2;
        initials = true;
        continue;
      }
      if (IsCapitalized(t)) {
        if (words > 0 && RegnalSurname(k, limit)) {
          end = ++k;
          break;
        }
        if (t.size() == 1 || NotAName(k)) break;
        if (words > 0 && IsSuffix(k)) {
          k += Is(k + 1, ".") && !Space(k + 1) ? 2 : 1;
          end = k;
          break;
        }
        ++k;
        ++words;
        // "Bunau-Varilla", "Jong-un", "O'Brien".
        while (k + 1 < limit && !Space(k) && !Space(k + 1) && (Tok(k) == "-" || Tok(k) == "'") &&
               IsWord(Tok(k + 1)) && !(Tok(k) == "'" && Lower(k + 1) == "s")) {
          k += 2;
        }
        end = k;
        initials = false;
        continue;
      }
      if (words > 0 || initials) {
        // "de Klerk", "von der Leyen", "bin Salman", "al-Assad".
        if (const size_t p = v_.particles.LongestAt(ids_, k); p > 0 && Space(k)) {
          size_t after = k + p;
          while (after < limit && Space(after)) {  // "von der"
            const size_t more = v_.particles.LongestAt(ids_, after);
            if (more == 0) break;
            after += more;
          }
          if (after + 1 < limit && Tok(after) == "-" && !Space(after)) {
            ++after;
            hyphened = true;
          }
          if (after < limit && IsCapitalized(Tok(after)) && !NotAName(after)) {
            k = after;
            continue;
          }
          hyphened = false;
        }
      }
      break;
    }
    return words > 0 ? end : j;
  }

  bool IsSuffix(size_t i) const { return IsNameSuffix(Lower(i)); }

  // The person's label for tokens [b, e): an all-capitals family name written as a name and
  // put last when it comes first ("KISHIDA Fumio" -> "Fumio Kishida").
  std::string PersonLabel(size_t b, size_t e) const {
    std::vector<std::string> words;
    std::vector<bool> caps;
    std::string label;
    bool any_caps = false, any_mixed = false;
    for (size_t k = b; k < e; ++k) {
      if (IsWord(Tok(k)) && Tok(k).size() >= 2) {
        (IsAllCaps(Tok(k)) ? any_caps : any_mixed) = true;
      }
    }
    if (!any_caps) return std::string(Range(b, e));
    // Words are the space-separated pieces ("Bunau-Varilla" stays one).
    std::string piece;
    bool piece_caps = false;
    for (size_t k = b; k < e; ++k) {
      if (k > b && Space(k)) {
        words.push_back(piece);
        caps.push_back(piece_caps);
        piece.clear();
        piece_caps = false;
      }
      const std::string_view t = Tok(k);
      if (IsAllCaps(t) && t.size() >= 2) {
        piece += TitleCase(t);
        piece_caps = true;
      } else {
        piece += t;
      }
    }
    words.push_back(piece);
    caps.push_back(piece_caps);
    if (any_mixed && words.size() == 2 && caps[0] && !caps[1]) std::swap(words[0], words[1]);
    for (const std::string& w : words) {
      if (!label.empty()) label += ' ';
      label += w;
    }
    return label;
  }

  const NameVocabulary& v_;
  std::string_view text_, lower_;
  const std::vector<Token>& tokens_;
  const std::vector<uint32_t>& ids_;
  const DocumentWords* words_;
  std::vector<int8_t>& not_name_;  // -1: not looked up yet
  std::vector<int16_t>& head_;     // -2: not looked up; -1: no head; type * 256 + length
};

// The acronym in "(JBIC)" at token i, or "".
std::string_view AcronymAt(const Reader& r, size_t i) {
  if (!r.Is(i, "(") || !r.Is(i + 2, ")")) return {};
  const std::string_view a = r.Tok(i + 1);
  if (a.size() < 2 || a.size() > 10 || !IsAllCaps(a)) return {};
  return a;
}

}  // namespace

void PhraseSet::Add(std::vector<uint32_t> phrase) {
  if (phrase.empty()) return;
  const uint32_t first = phrase[0];
  if (first >= first_.size()) first_.resize(first + 1, 0);
  if (first_[first] == 0) {
    buckets_.emplace_back();
    first_[first] = static_cast<uint32_t>(buckets_.size());
  }
  Bucket& bucket = buckets_[first_[first] - 1];
  if (phrase.size() == 1) {
    bucket.single = true;
  } else if (std::find(bucket.longer.begin(), bucket.longer.end(), phrase) == bucket.longer.end()) {
    bucket.longer.push_back(std::move(phrase));
  }
}

size_t PhraseSet::LongestIn(const Bucket& bucket, const std::vector<uint32_t>& ids, size_t i) {
  size_t best = bucket.single ? 1 : 0;
  for (const std::vector<uint32_t>& phrase : bucket.longer) {
    if (phrase.size() <= best || i + phrase.size() > ids.size()) continue;
    if (std::equal(phrase.begin() + 1, phrase.end(), ids.begin() + static_cast<ptrdiff_t>(i + 1))) {
      best = phrase.size();
    }
  }
  return best;
}

std::vector<uint32_t> NameVocabulary::Ids(std::string_view lower,
                                          const std::vector<Token>& tokens) const {
  std::vector<uint32_t> ids(tokens.size());
  for (size_t t = 0; t < tokens.size(); ++t) {
    ids[t] = Id(lower.substr(tokens[t].begin, tokens[t].end - tokens[t].begin));
  }
  return ids;
}

bool NameVocabulary::AddList(std::string_view name,
                             const std::vector<std::vector<std::string>>& items) {
  PhraseSet* sets[] = {&titles,   &particles,      &stopwords,  &openers,      &heads[0], &heads[1],
                       &heads[2], &event_prefixes, &honorifics, &given,        &regnal,   &female,
                       &male,     &apposition,     &heads[3],   &leader_titles};
  for (size_t i = 0; i < kListNames.size(); ++i) {
    if (kListNames[i] != name) continue;
    TokenTable& table = shared_ != nullptr ? *shared_ : own_;
    for (const auto& item : items) {
      std::vector<uint32_t> phrase;
      for (const std::string& token : item) phrase.push_back(table.Intern(token));
      const bool never = sets[i] != &particles && sets[i] != &openers && sets[i] != &honorifics &&
                         sets[i] != &given && sets[i] != &regnal && sets[i] != &female &&
                         sets[i] != &male && sets[i] != &apposition && sets[i] != &leader_titles;
      if (never && phrase.size() == 1) never_names.Add(phrase);
      sets[i]->Add(std::move(phrase));
    }
    return true;
  }
  return false;
}

bool NameVocabulary::empty() const {
  return titles.empty() && heads[0].empty() && heads[1].empty() && heads[2].empty();
}

namespace {
uint64_t WordHash(std::string_view word) {
  const uint64_t h = TokenTable::Hash(word);
  return h == 0 ? 1 : h;
}
}  // namespace

void DocumentWords::HashSet::Insert(std::string_view word) {
  if (2 * (count_ + 1) > slots_.size()) {
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(std::max<size_t>(64, old.size() * 2), 0);
    count_ = 0;
    for (uint64_t h : old) {
      if (h == 0) continue;
      size_t i = h & (slots_.size() - 1);
      while (slots_[i] != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = h;
      ++count_;
    }
  }
  const uint64_t h = WordHash(word);
  size_t i = h & (slots_.size() - 1);
  while (slots_[i] != 0) {
    if (slots_[i] == h) return;
    i = (i + 1) & (slots_.size() - 1);
  }
  slots_[i] = h;
  ++count_;
}

bool DocumentWords::HashSet::Contains(std::string_view word) const {
  if (slots_.empty()) return false;
  const uint64_t h = WordHash(word);
  for (size_t i = h & (slots_.size() - 1); slots_[i] != 0; i = (i + 1) & (slots_.size() - 1)) {
    if (slots_[i] == h) return true;
  }
  return false;
}

namespace {

// DocumentWords' bits, pooled (a type of its own: a pool per type).
struct KnownBits {
  std::vector<uint64_t> words;  // all zero in the pool
};

}  // namespace

DocumentWords::DocumentWords(const TokenTable* vocabulary)
    : vocabulary_(vocabulary), known_(ScratchPool<KnownBits>::Take().words) {
  const size_t size = vocabulary->size() / 64 + 1;
  if (known_.size() < size) known_.resize(size, 0);
}

DocumentWords::~DocumentWords() {
  if (known_.empty()) return;
  for (uint32_t w : known_used_) known_[w] = 0;
  ScratchPool<KnownBits>::Give(KnownBits{std::move(known_)});
}

void DocumentWords::AddUnit(std::string_view text, const std::vector<Token>& tokens) {
  Add(text, text, tokens, nullptr);
}

void DocumentWords::AddUnit(std::string_view text, std::string_view lower,
                            const std::vector<Token>& tokens, const std::vector<uint32_t>& ids) {
  Add(text, lower, tokens, &ids);
}

void DocumentWords::Add(std::string_view text, std::string_view lower,
                        const std::vector<Token>& tokens, const std::vector<uint32_t>* ids) {
  // The arrays read once: the inserts between the tests would make every iteration load them
  // again.
  const Token* const toks = tokens.data();
  const size_t n = tokens.size();
  const char* const bytes = text.data();
  const uint32_t* const id_of = ids != nullptr ? ids->data() : nullptr;
  uint64_t* const known = known_.data();
  const auto tok = [&](size_t i) {
    return std::string_view(bytes + toks[i].begin, toks[i].end - toks[i].begin);
  };
  for (size_t i = 0; i < n; ++i) {
    const Token& t = toks[i];
    const size_t size = t.end - t.begin;
    if (size < 3) continue;
    const auto c = static_cast<unsigned char>(bytes[t.begin]);
    if (IsLowerAscii(c)) {
      // A word written all in lower case is the vocabulary's word id_of[i], if it knows it.
      const uint32_t id = id_of != nullptr ? id_of[i] : TokenTable::kAbsent;
      if (id != TokenTable::kAbsent &&
          SameTokenBytes(bytes + t.begin, lower.data() + t.begin, size)) {
        uint64_t& bits = known[id / 64];
        if (bits == 0) known_used_.push_back(id / 64);
        bits |= uint64_t{1} << (id % 64);
      } else {
        words_.Insert(tok(i));
      }
    } else if (i > 0 && IsUpperAscii(c) && t.space_before &&
               (IsLowerAscii(static_cast<unsigned char>(bytes[toks[i - 1].begin])) ||
                tok(i - 1) == ",") &&
               (i + 1 == n || !IsCapitalized(tok(i + 1)))) {
      alone_.Insert(tok(i));  // "Truman and Byrnes encouraged", "Moreover, Davies faced"
    }
  }
}

namespace {

// True when what follows a name ending before token `end` says it is a person's: ", who"; an
// apposition "a|an|the ..." holding a person noun (name-apposition), a title or a demonym within
// a few words ("Gavrilo Princip, a Serb who", "Bunau-Varilla, the Panamanian representative");
// a party label or a title in parentheses ("Strom Thurmond (R-SC)", "Henry Morgenthau (then
// head of the Farm Credit Administration)"). `*weak` is set when the word that says so is a
// stop word too, which an organisation or a phrase may be as well ("Google Cloud, a member of",
// "Tech Capacity, a Presidential Innovation Fellow"): the name then needs a given name or
// initials besides.
bool PersonFollows(const Reader& r, const NameVocabulary& v, const std::vector<KnownSpan>& known,
                   const std::vector<int>& known_at, size_t end, bool* weak) {
  const size_t n = known_at.size();
  *weak = false;
  auto says_person = [&](size_t k) {
    if (known_at[k] >= 0) {
      // A demonym as a noun ("Yigal Amir, an Israeli who"; not "Tokai, a Japanese city").
      const KnownSpan& m = known[known_at[k]];
      if (!m.demonym || !IsUpperAscii(static_cast<unsigned char>(r.Tok(m.tok_begin)[0]))) {
        return false;
      }
      const std::string_view after = m.tok_end < n ? r.Lower(m.tok_end) : std::string_view(".");
      return after == "who" || after == "whose" || after == "," || after == "." || after == ";";
    }
    const bool says = v.apposition.ContainsWord(r.Id(k)) ||
                      (v.titles.ContainsWord(r.Id(k)) && !v.honorifics.ContainsWord(r.Id(k)));
    *weak = says && v.stopwords.ContainsWord(r.Id(k));
    return says;
  };
  if (end + 1 >= n) return false;
  if (r.Is(end, ",")) {
    const std::string_view next = r.Lower(end + 1);
    if (next == "who") return true;
    if (next != "a" && next != "an" && next != "the") return false;

    for (size_t k = end + 2; k < n && k < end + 9; ++k) {
      const std::string_view w = r.Lower(k);
      if (w == "," || w == "." || w == ";" || w == "(" || w == ")" || w == "which" || w == "that") {
        return false;
      }
      if (says_person(k)) return true;
    }
    return false;
  }
  if (r.Is(end, "(")) {
    size_t k = end + 1;
    // A party label: "(R-SC)", "(D-New York)".
    if ((r.Is(k, "R") || r.Is(k, "D") || r.Is(k, "I")) && k + 1 < n && r.Is(k + 1, "-")) {
      return true;
    }
    if (r.Lower(k) == "then" || r.Lower(k) == "former" || r.Lower(k) == "now") ++k;
    return k < n && known_at[k] < 0 && says_person(k);
  }
  return false;
}

// True when the name starting at token `at` is set off by a comma after a title's phrase: "Soviet
// Ambassador to the United States, Anatoly Dobrynin", "the head of the delegation, John Smith".
bool TitlePrecedes(const Reader& r, const NameVocabulary& v, const std::vector<int>& known_at,
                   size_t at) {
  if (at < 2 || !r.Is(at - 1, ",")) return false;
  for (size_t k = at - 2, steps = 0; steps < 7; --k, ++steps) {
    if (known_at[k] < 0) {
      const std::string_view w = r.Lower(k);
      if (w == "," || w == "." || w == ";" || w == ":" || w == "(" || w == ")") return false;
      if ((v.titles.ContainsWord(r.Id(k)) && !v.honorifics.ContainsWord(r.Id(k))) ||
          v.apposition.ContainsWord(r.Id(k))) {
        return true;
      }
    }
    if (k == 0) break;
  }
  return false;
}

// People without a title: a given name and a surname that the document also writes alone
// ("Ellsworth Bunker ... Bunker focused on") or that a title's phrase and a comma precede
// (TitlePrecedes), from token *i, or a name that what follows says is a person's
// (PersonFollows). Moves *i past the name and appends it; false when there is none.
// Otherwise the first word must be a known given name, or initials must follow it ("Langston
// W. Bottoms"): title case alone ("Extend Medicare", "African Studies") is no evidence of a
// person.
// True when a comma and a capitalised title or person noun follow the name ending at `end`,
// within its first three words ("Bradley Jackson, President and CEO, Tennessee Chamber of
// Commerce", "Mark McManus, General President, United Association", "Kiran Ahuja, Nominee for
// Director"): the line of a list of participants or nominees.
bool TitleAfterComma(const Reader& r, const NameVocabulary& v, const std::vector<int>& known_at,
                     size_t end) {
  if (!r.Is(end, ",")) return false;
  for (size_t k = end + 1; k < known_at.size() && k < end + 4; ++k) {
    if (!IsCapitalized(r.Tok(k))) return false;
    if ((v.titles.ContainsWord(r.Id(k)) && !v.honorifics.ContainsWord(r.Id(k))) ||
        v.apposition.ContainsWord(r.Id(k))) {
      return true;
    }
    if (known_at[k] >= 0) return false;
  }
  return false;
}

template <typename FreeEnd>
bool PersonWithoutTitle(const Reader& r, const NameVocabulary& v,
                        const std::vector<KnownSpan>& known, const std::vector<int>& known_at,
                        FreeEnd free_end, const DocumentWords* words, size_t* i,
                        std::vector<ShapedName>* out) {
  const size_t at = *i;
  // A title-like unit (a heading, a list's line) gives a name only at its start, before a
  // title after a comma ("Bradley Jackson, President and CEO, ..."; bullets and emphasis
  // before it aside).
  bool line_start = true;
  for (size_t q = 0; q < at && line_start; ++q) {
    line_start = !std::isalnum(static_cast<unsigned char>(r.Tok(q)[0]));
  }
  // A known person's one-word name that is a given name, then a surname no mention covers:
  // another person ("journalist Lincoln Steffens" is not Abraham Lincoln), as after a title.
  const bool given_start = (words != nullptr || line_start) && known_at[at] >= 0 &&
                           known[known_at[at]].person_word && at + 1 < r.size() &&
                           known_at[at + 1] < 0 && r.Space(at + 1) &&
                           v.given.ContainsWord(r.Id(at));
  if ((words == nullptr && !line_start) || (known_at[at] >= 0 && !given_start) ||
      !IsCapitalized(r.Tok(at)) ||
      (at > 0 && IsCapitalized(r.Tok(at - 1)) && known_at[at - 1] < 0)) {
    return false;
  }
  const size_t end =
      given_start ? r.ScanPersonName(at + 1, free_end(at + 1)) : r.ScanPersonName(at, free_end(at));
  if (given_start && end <= at + 1) return false;
  size_t name_words = 0;
  bool initials = false;
  for (size_t q = at; q < end; ++q) {
    name_words += r.Tok(q).size() >= 2 ? 1 : 0;
    initials = initials || (q > at && r.Initial(q));
  }
  if (end <= at || name_words < 2 || name_words > 4 || r.NotPersonShaped(at, end)) return false;
  bool weak = false;
  const bool named = initials || v.given.ContainsWord(r.Id(at));
  if (!named || !TitleAfterComma(r, v, known_at, end)) {
    if (words == nullptr) return false;
    const bool follows = PersonFollows(r, v, known, known_at, end, &weak);
    if (follows ? weak && !named
                : !(words->Alone(r.Tok(end - 1)) || TitlePrecedes(r, v, known_at, at)) || !named) {
      return false;
    }
  }
  ShapedName name;
  name.tok_begin = static_cast<uint32_t>(at);
  name.tok_end = static_cast<uint32_t>(end);
  name.type = EntityType::kPerson;
  name.label = r.PersonLabel(at, end);
  out->push_back(std::move(name));
  *i = end;
  return true;
}

// Where the scan goes on when the words [b, c) of a run, before its first connector c ("of" or
// "for") and with no head noun, are an office, or 0: their last word ends a title or is a person
// noun (name-apposition): "State Secretary of", "Chief Investment Officer of", "Nominee for",
// "White House Director of" (not "Wynne Mayor Jennifer Hobbs of", a name, nor "General
// Security of Military Information Agreements"; a title of the lists is read whole: "Secretary
// of the Treasury Wally Adeyemo" has no office before "of"). The scan goes on from a title
// after b, where a person's name may follow it ("Federal Minister of Defense Annegret
// Kramp-Karrenbauer"), else from the connector.
template <typename TitleAt>
size_t OfficeBeforeConnector(const Reader& r, const NameVocabulary& v,
                             const std::vector<int>& known_at, TitleAt title_at, size_t b,
                             size_t c) {
  constexpr size_t kMaxOfficeTokens = 6;
  if (c <= b || c - b > kMaxOfficeTokens) return 0;
  bool office = false;  // the last word is a title's or a person noun
  size_t first_title = 0;
  for (size_t k = b; k < c;) {
    if (known_at[k] < 0 && IsCapitalized(r.Tok(k))) {
      if (const size_t title = title_at(k); title > 0) {
        if (k + title > c) return 0;
        if (first_title == 0) first_title = k;
        office = true;
        k += title;
        continue;
      }
    }
    office = known_at[k] < 0 && v.apposition.ContainsWord(r.Id(k));
    ++k;
  }
  if (!office) return 0;
  return first_title > b ? first_title : c;
}

// A plural that takes "'s" (regular plurals take "'" alone, "Leaders' Summit"): "women",
// "children", "people", "servicemen". A singular's possessive names its owner ("State's
// Diplomatic Security Service" is the State Department's).
inline bool PluralTakingS(std::string_view lower) {
  return lower == "children" || lower == "people" ||
         (lower.size() >= 3 && lower.substr(lower.size() - 3) == "men");
}

// Whether the owner of the possessive "'s" at token k is a plural no list knows right after the
// connector at token c (or after its "the").
inline bool PossessiveAfterConnector(const Reader& r, const std::vector<int>& known_at, size_t c,
                                     size_t k) {
  const size_t owner = k - 1;
  const bool next = owner == c + 1 || (owner == c + 2 && r.Lower(c + 1) == "the");
  return next && known_at[owner] < 0 && PluralTakingS(r.Lower(owner));
}

// Whether a head noun is among the capitalised words no list knows from token `from` on.
inline bool HeadAhead(const Reader& r, const std::vector<int>& known_at, size_t from) {
  for (size_t k = from; k < r.size() && known_at[k] < 0 && IsCapitalized(r.Tok(k)); ++k) {
    size_t length = 0;
    if (r.HeadType(k, &length) >= 0) return true;
  }
  return false;
}

// Whether the possessive "'s" at token k (k > b) joins the words of a run that starts at b and
// holds no head noun before it: its owner, the word before k, is a plural no list knows after
// nothing but known mentions ("Children's Oncology Group", "Women's Sports Foundation",
// "Department of Labor Women's Bureau"). Not a singular's, which names an owner: "DOE's Office
// of Science", "State's Diplomatic Security Service", "the United Nation's Fourth World
// Conference", "Biden's", and "the President's Council of Economic Advisers", which texts name
// without "the President's" too.
inline bool PossessiveInName(const Reader& r, const std::vector<int>& known_at, size_t b,
                             size_t k) {
  const size_t owner = k - 1;
  if (known_at[owner] >= 0 || !PluralTakingS(r.Lower(owner))) return false;
  for (size_t t = b; t < owner; ++t) {
    if (known_at[t] < 0) return false;
  }
  return true;
}

// Whether the capitalised words from token `from` (right after "and", which a head precedes)
// are another name: they reach a head, the first of them is no title ("Command and General
// Staff College"), not a stop word alone before the head ("Institute and State University",
// "Air Command and Staff College"), and not a head that other words of a name follow ("College
// and University Council"; a head before "of"/"for"/"on" starts a name: "Council and Office of
// Science").
template <typename TitleAt>
bool NamesJoinedAt(const Reader& r, const NameVocabulary& v, const std::vector<int>& known_at,
                   TitleAt title_at, size_t from) {
  if (from >= r.size() || title_at(from) > 0) return false;
  size_t length = 0;
  bool modifier = false;  // a word before the head that is no stop word
  for (size_t k = from; k < r.size() && known_at[k] < 0 && IsCapitalized(r.Tok(k)); ++k) {
    if (r.HeadType(k, &length) >= 0) {
      if (k > from) return modifier;
      const size_t past = k + length;
      if (past >= r.size()) return false;
      const std::string_view w = r.Lower(past);
      return w == "of" || w == "for" || w == "on";
    }
    modifier = modifier || !v.stopwords.ContainsWord(r.Id(k));
  }
  return false;
}

// Whether the known mention `m` starts at token `at` and is one or two capitalised words, none
// a head noun: a place's or a people's name inside a longer name ("Pacific" of "Pacific
// Islanders", "South Caucasus" of "South Caucasus Affairs"), not an organisation's ("Centers
// for Disease Control").
inline bool KnownWords(const Reader& r, const KnownSpan& m, size_t at) {
  if (!m.entity || m.tok_begin != at || m.tok_end > at + 2) return false;
  for (size_t t = at; t < m.tok_end; ++t) {
    size_t length = 0;
    if (!IsCapitalized(r.Tok(t)) || !IsWord(r.Tok(t)) || r.HeadType(t, &length) >= 0) return false;
  }
  return true;
}

// The end of the capitalised words of a name from token `from` to the next word that is not
// one, when none of them is a title, a head noun, an acronym or a known mention, and neither a
// known mention, a join ("-", "'", "."), a connector ("of", "for", "on", "&", "and" before a
// capitalised word) nor a number follows (the name ends there); with `common`, one or two words
// that no word list but the stop words holds and none that opens a sentence ("Workforce",
// "Environment", "Law" of "Center on National Security and the Law"; not "Today"). Else `from`.
template <typename TitleAt>
size_t NameWordsEnd(const Reader& r, const NameVocabulary& v, const std::vector<int>& known_at,
                    TitleAt title_at, size_t from, bool common) {
  size_t k = from;
  while (k < r.size() && IsCapitalized(r.Tok(k))) {
    size_t length = 0;
    const std::string_view t = r.Tok(k);
    if (known_at[k] >= 0 || title_at(k) > 0 || r.HeadType(k, &length) >= 0 || t.size() < 2 ||
        IsAllCaps(t) || (common && v.openers.ContainsWord(r.Id(k)))) {
      return from;
    }
    ++k;
  }
  if (k == from || (common && k > from + 2)) return from;
  if (k < r.size()) {
    const std::string_view next = r.Lower(k);
    // "and" before a lower-case word goes on with the sentence ("and the Law and a Fellow").
    const bool and_name = next == "and" && k + 1 < r.size() && IsCapitalized(r.Tok(k + 1));
    if (known_at[k] >= 0 || next == "-" || next == "'" || next == "." || next == "of" ||
        next == "for" || next == "on" || and_name || next == "&" ||
        (next[0] >= '0' && next[0] <= '9')) {
      return from;
    }
  }
  return k;
}

// FindShapedNames' per-token tables.
struct ShapeScratch {
  std::vector<int> known_at;
  std::vector<int8_t> title_length;
  std::vector<uint32_t> next_known;
  ReaderMemo memo;
};

}  // namespace

std::vector<ShapedName> FindShapedNames(const NameVocabulary& vocabulary, std::string_view text,
                                        std::string_view lower, const std::vector<Token>& tokens,
                                        const std::vector<KnownSpan>& known,
                                        const DocumentWords* words, bool title_like,
                                        const std::vector<uint32_t>* ids) {
  std::vector<ShapedName> out;
  // A heading or title-like line gives no person without a title: its words are capitalised
  // whatever they are.
  const DocumentWords* untitled_words = title_like ? nullptr : words;
  if (vocabulary.empty() || tokens.empty()) return out;
  const size_t n = tokens.size();
  // The per-token tables below keep their allocations from sentence to sentence (per thread).
  thread_local ShapeScratch scratch;
  // Per token: the known mention covering it (index into `known`), or -1.
  std::vector<int>& known_at = scratch.known_at;
  known_at.assign(n, -1);
  for (size_t m = 0; m < known.size(); ++m) {
    for (uint32_t t = known[m].tok_begin; t < known[m].tok_end && t < n; ++t) {
      known_at[t] = static_cast<int>(m);
    }
  }
  // Every name holds a capitalised word that no known mention covers, and a name of one word
  // follows a title: a sentence whose only such word is its first has none.
  bool look = false;
  for (size_t t = 1; t < n && !look; ++t) {
    const auto c = static_cast<unsigned char>(text[tokens[t].begin]);
    look = known_at[t] < 0 && (IsUpperAscii(c) || c >= 0xC3);  // or a non-ASCII capital
  }
  if (!look) return out;
  std::vector<uint32_t> own_ids;
  if (ids == nullptr) {
    own_ids = vocabulary.Ids(lower, tokens);
    ids = &own_ids;
  }
  const Reader r(vocabulary, text, lower, tokens, *ids, words, &scratch.memo);
  // Memoised: the scans look from several starts.
  std::vector<int8_t>& title_length = scratch.title_length;
  title_length.assign(n, -1);
  auto title_at = [&](size_t t) -> size_t {
    if (t >= n) return 0;
    if (title_length[t] < 0) {
      title_length[t] =
          static_cast<int8_t>(std::min<size_t>(vocabulary.titles.LongestAt(*ids, t), 127));
    }
    return static_cast<size_t>(title_length[t]);
  };
  size_t org_scanned_until = 0;
  size_t title_span_end = 0;  // the end of the last title that a connector follows
  // The end of the free tokens from i: the next known mention (n at the end).
  std::vector<uint32_t>& next_known = scratch.next_known;
  next_known.assign(n + 1, static_cast<uint32_t>(n));
  for (size_t t = n; t-- > 0;) {
    next_known[t] = known_at[t] >= 0 ? static_cast<uint32_t>(t) : next_known[t + 1];
  }
  auto free_end = [&](size_t i) -> size_t { return i < n ? next_known[i] : i; };

  size_t i = 0;
  while (i < n) {
    if (known_at[i] >= 0 ? !known[known_at[i]].entity || known[known_at[i]].tok_begin != i
                         : !IsCapitalized(r.Tok(i))) {
      ++i;
      continue;
    }
    // --- People: titles and honorifics, then a name.
    if (known_at[i] < 0 && title_at(i) > 0) {
      size_t j = i;
      std::string_view title;  // the first title, lower-case
      size_t regnal_at = n;    // the last title, when it is a regnal one ("King")
      for (int chain = 0; chain < 3; ++chain) {
        const size_t len = title_at(j);
        if (len == 0 || !IsCapitalized(r.Tok(j)) || free_end(j) < j + len) break;
        if (title.empty()) {
          title = lower.substr(tokens[j].begin, tokens[j + len - 1].end - tokens[j].begin);
        }
        regnal_at = vocabulary.regnal.LongestAt(*ids, j) == len ? j : n;
        j += len;
        if (r.Is(j, ".") && !r.Space(j)) ++j;
      }
      // A title's "for"/"of" tail of capitalised words, then a name that starts with a given
      // name: "Minister for Strategic Affairs Ron Dermer", "Secretary of Homeland Security
      // Alejandro Mayorkas" (the office is the whole phrase).
      if (j > i && j + 2 < n && (r.Lower(j) == "for" || r.Lower(j) == "of") && known_at[j] < 0) {
        const size_t limit = free_end(j + 1);
        size_t p = j + 1;
        while (p < limit && p < j + 6 && IsCapitalized(r.Tok(p)) &&
               !(p > j + 1 && vocabulary.given.ContainsWord(r.Id(p)))) {
          ++p;
        }
        if (p > j + 1 && p + 1 < limit && vocabulary.given.ContainsWord(r.Id(p)) &&
            r.ScanPersonName(p, limit) > p + 1) {
          title = lower.substr(tokens[i].begin, tokens[p - 1].end - tokens[i].begin);
          regnal_at = n;
          j = p;
        }
      }
      if (j > i) {
        // A known person's one-word name that is a given name, then a surname: another person
        // ("President Anwar Sadat").
        const bool given_start = j + 1 < n && known_at[j] >= 0 && known[known_at[j]].person_word &&
                                 known_at[j + 1] < 0 && r.Space(j + 1) &&
                                 vocabulary.given.ContainsWord(r.Id(j));
        const size_t scan_from = given_start ? j + 1 : j;
        const size_t limit = free_end(scan_from);
        const size_t end = r.ScanPersonName(scan_from, limit);
        // A name that runs into a known one is its first part ("Dr. Jill" of "Dr. Jill Biden"
        // where the lists know "Biden").
        const bool cut = end == limit && limit < n && IsCapitalized(r.Tok(limit)) && r.Space(limit);
        if (end > scan_from && !cut && !r.NotPersonShaped(j, end)) {
          ShapedName name;
          name.tok_begin = static_cast<uint32_t>(j);
          name.tok_end = static_cast<uint32_t>(end);
          name.type = EntityType::kPerson;
          name.label = r.PersonLabel(j, end);
          // One given name after a regnal title: the title is part of it ("King Hussein"; not
          // "King Soopers", a shop).
          if (regnal_at < n && name.label.find(' ') == std::string::npos &&
              vocabulary.given.ContainsWord(r.Id(j))) {
            name.tok_begin = static_cast<uint32_t>(regnal_at);
            name.label = std::string(r.Range(regnal_at, j)) + " " + name.label;
          }
          name.office = CollapseSpace(title);
          if (!name.office.empty() && name.office.back() == '.') name.office.pop_back();
          out.push_back(std::move(name));
          i = end;
          continue;
        }
      }
    }
    // --- Organisations, agreements, events: a run of capitalised words, connectors and known
    // entities, with a type head noun. A run that named nothing names nothing from a later
    // start inside it either: its last head stays its last head.
    if (i < org_scanned_until) {
      if (!PersonWithoutTitle(r, vocabulary, known, known_at, free_end, untitled_words, &i, &out))
        ++i;
      continue;
    }
    // No name starts inside a word joined by a hyphen ("Elect" of "President-Elect of the Bar
    // Association") or inside a title that a connector follows, unless a title starts there
    // ("State" of "Secretary of State for Trade Policy"; "Secretary" of "Deputy Secretary of the
    // Treasury" is one).
    if (known_at[i] < 0 &&
        ((i > 1 && !r.Space(i) && r.Is(i - 1, "-") && !r.Space(i - 1) && IsWord(r.Tok(i - 2))) ||
         (i < title_span_end && title_at(i) == 0))) {
      ++i;
      continue;
    }
    size_t b = i;
    while (b < n && known_at[b] < 0 && IsCapitalized(r.Tok(b)) &&
           vocabulary.openers.ContainsWord(r.Id(b))) {
      ++b;
    }
    if (b >= n || (known_at[b] < 0 && !IsCapitalized(r.Tok(b)))) {
      i = std::max(b, i + 1);
      continue;
    }
    // A title is an office, not an organisation, alone ("Secretary of the Navy", a title of
    // the lists) or with an "of"/"for" tail ("Chairman of the Joint Chiefs of Staff"): the scan
    // goes on from the title's next word, where a longer title may start ("Deputy Secretary of
    // the Treasury Wally Adeyemo") and, after the connector, an organisation's own name ("Joint
    // Chiefs of Staff"). A possessive or a hyphen after the title goes on ("Prime Minister's
    // Office").
    if (known_at[b] < 0) {
      const size_t title = title_at(b);
      const size_t after = b + title;
      if (title > 0 && (after >= n || r.Lower(after) == "of" || r.Lower(after) == "for" ||
                        (known_at[after] < 0 && !IsCapitalized(r.Tok(after)) &&
                         r.Tok(after) != "'" && r.Tok(after) != "-"))) {
        title_span_end = std::max(title_span_end, after);
        i = b + 1;
        continue;
      }
    }
    size_t k = b, last_word_end = b;
    size_t last_connector = 0;  // the last connector the run went past
    size_t office_resume = 0;   // where the scan goes on after an office (OfficeBeforeConnector)
    int head_type = -1;
    size_t head_end = 0;
    // The run's first head is an organisation's and "of the"/"for the" follows it: a body of
    // what the rest names, whatever event or place head comes later ("Advisory Board of the U.S.
    // Conference of Mayors", "Census Task Force for the United States Conference of Mayors",
    // "Superior Court of the Virgin Islands"; an agreement's stays one).
    bool body_of = false;
    const size_t prefix_length = vocabulary.event_prefixes.LongestAt(*ids, b);
    const bool prefix_event = prefix_length > 0;
    while (k < n && k - b < kMaxRunTokens) {
      if (known_at[k] >= 0) {
        const KnownSpan& m = known[known_at[k]];
        if (!m.entity || m.tok_begin != k) break;
        k = m.tok_end;
        last_word_end = k;
        continue;
      }
      const std::string_view t = r.Tok(k);
      // A person's name, or a title and a person's name, after a word of a headed name's tail
      // ends the run: "Office of Intergovernmental Affairs Tom Perez", "Illinois Department of
      // Public Health Deputy Director Lauri Sanders" (not "Treaty of San Ildefonso").
      if (head_type >= 0 && k > head_end + 1 && IsCapitalized(r.Tok(k - 1))) {
        size_t person = k + title_at(k);
        if (person > k && r.Is(person, ".") && !r.Space(person)) ++person;  // "Dr. Eric Lander"
        if (person < n && known_at[person] < 0 && vocabulary.given.ContainsWord(r.Id(person)) &&
            (r.ScanPersonName(person, free_end(person)) > person + 1 ||
             vocabulary.particles.LongestAt(*ids, person + 1) > 0)) {
          break;
        }
      }
      if (IsCapitalized(t) || (k > b && IsWord(t) && t[0] >= '0' && t[0] <= '9')) {
        size_t len = 0;
        if (const int h = r.HeadType(k, &len); h >= 0 && IsCapitalized(t)) {
          head_type = h;
          k += len;
          head_end = k;
          last_word_end = k;
          continue;
        }
        ++k;
        last_word_end = k;
        continue;
      }
      // A name particle joined by a hyphen to a capitalised word right before the head:
      // "Sharm al-Shaykh Memorandum", "Sharm el-Sheikh Summit" (not a person's name inside a
      // longer run: "the PLO Hussein al-Sheikh and Prime Minister").
      size_t head_length = 0;
      if (k > b && r.Space(k) && vocabulary.particles.LongestAt(*ids, k) == 1 && k + 3 < n &&
          r.Tok(k + 1) == "-" && !r.Space(k + 1) && !r.Space(k + 2) && known_at[k + 2] < 0 &&
          IsCapitalized(r.Tok(k + 2)) && known_at[k + 3] < 0 && IsCapitalized(r.Tok(k + 3)) &&
          r.HeadType(k + 3, &head_length) >= 0) {
        k += 2;
        continue;
      }
      // Joins inside a run: "NATO-Russia", "COVID-19", "Leaders' Summit", "U.S.-Israel".
      if ((t == "-" && !r.Space(k) && k + 1 < n && !r.Space(k + 1)) ||
          (t == "'" && !r.Space(k) && k + 1 < n && r.Space(k + 1) &&
           r.Lower(k - 1).back() == 's')) {
        ++k;
        continue;
      }
      // A plural's possessive that opens the run, before another capitalised word: "Children's
      // Oncology Group" (PossessiveInName).
      const bool possessive = t == "'" && k > b && !r.Space(k) && k + 2 < n &&
                              r.Lower(k + 1) == "s" && !r.Space(k + 1) && r.Space(k + 2);
      if (possessive && head_type < 0 && known_at[k + 2] < 0 && IsCapitalized(r.Tok(k + 2)) &&
          PossessiveInName(r, known_at, b, k)) {
        k += 2;
        continue;
      }
      // In a head's tail, a plural's possessive right after a connector is the tail's ("Dialogue
      // on Gender Equality and Women's Empowerment", "Office of Women's Health"), unless "of"
      // comes before it and another head noun after it: that is another name, the owner's, and
      // this one ends before "of" ("Board of Trustees" of the Women's Sports Foundation).
      if (possessive && head_type >= 0 && last_connector >= head_end && known_at[k + 2] < 0 &&
          IsCapitalized(r.Tok(k + 2)) && PossessiveAfterConnector(r, known_at, last_connector, k)) {
        if (r.Lower(last_connector) == "of" && HeadAhead(r, known_at, k + 2)) {
          last_word_end = last_connector;
          break;
        }
        k += 2;
        continue;
      }
      // Connectors: "of", "for", "on", "and" (not between two known entities), "of the".
      const std::string_view w = r.Lower(k);
      // So is an office before the run's first "of"/"for" that no list holds whole ("State
      // Secretary of the German Ministry of Finance", "Chief Investment Officer of Coastal
      // Construction Group", "Nominee for the United States Court of Appeals"): the scan goes
      // on from a title in it or from the connector.
      if ((w == "of" || w == "for") && head_type < 0 && last_connector == 0) {
        office_resume = OfficeBeforeConnector(r, vocabulary, known_at, title_at, b, k);
        if (office_resume > 0) break;
      }
      // So is a known person's name right before the run's first "of"/"on"/"for": "Jared
      // Bernstein of the Council of Economic Advisers", "Judge Merrick Garland on the U.S. Court
      // of Appeals", "Lina Khan for Commissioner of the Federal Trade Commission".
      if ((w == "of" || w == "for" || w == "on") && head_type < 0 && last_connector == 0 &&
          known_at[k - 1] >= 0 && known[known_at[k - 1]].person) {
        office_resume = k;
        break;
      }
      if (w == "of" || w == "for" || w == "on" || w == "and" || w == "&") {
        if (last_connector == 0 && head_type == 0 && k == head_end && w != "on" && w != "and" &&
            w != "&" && k + 1 < n && r.Lower(k + 1) == "the") {
          body_of = true;
        }
        size_t after = k + 1;
        if (after < n && r.Lower(after) == "the" && w != "and") ++after;
        if (after >= n) break;
        const bool next_known = known_at[after] >= 0;
        // A title after "and", alone, before "of"/"for" or before a given name, starts an
        // office or a person: "Professor of Physics and Director of the Institute for Quantum
        // Information", "Member and Chair of the Board", "the U.S. Court of Appeals for the Ninth
        // Circuit and Judge Mary Schroeder" (not "Army Command and General Staff College").
        if (w == "and" && !next_known) {
          const size_t title = title_at(after);
          const size_t past = after + title;
          if (title > 0 && (past >= n || r.Lower(past) == "of" || r.Lower(past) == "for" ||
                            (known_at[past] < 0 && (!IsCapitalized(r.Tok(past)) ||
                                                    vocabulary.given.ContainsWord(r.Id(past)))))) {
            break;
          }
        }
        // "and" right after a head of a name of two words or more joins two names
        // (NamesJoinedAt): "the Gender Policy Council and Office of Science and Technology
        // Policy", "Police Department and Fire Department".
        if (w == "and" && head_type >= 0 && k == head_end && k >= b + 2 && !next_known &&
            NamesJoinedAt(r, vocabulary, known_at, title_at, after)) {
          last_word_end = k;
          break;
        }
        if (w == "and" && head_type >= 0 && k > head_end) {
          // In a head's tail, "and the" and one or two common nouns, or "and" and a known
          // mention of one or two words (KnownWords) that words of a name follow, end the name:
          // "Committee on Education and the
          // Workforce", "Bureau of East Asian and Pacific Affairs", "Commission on Asian
          // Americans and Pacific Islanders" (not "Ministry of Foreign Affairs and the Ministry
          // of Defense", "Department of Justice and the FBI", "Sudan and South Sudan").
          const bool the = !next_known && r.Lower(after) == "the";
          const bool known_word = next_known && KnownWords(r, known[known_at[after]], after);
          const size_t words_from = the          ? after + 1
                                    : known_word ? known[known_at[after]].tok_end
                                                 : after;
          const size_t words_end = NameWordsEnd(r, vocabulary, known_at, title_at, words_from, the);
          if ((the || known_word) && words_end > words_from) {
            last_word_end = words_end;
            break;
          }
        }
        if (!next_known && !IsCapitalized(r.Tok(after))) break;
        if (w == "and" && (known_at[k - 1] >= 0 || next_known)) break;
        last_connector = k;
        k = after;
        continue;
      }
      break;
    }
    if (office_resume > 0) {
      i = office_resume;
      continue;
    }
    if (head_type >= 0 || prefix_event) {
      size_t end = last_word_end;
      // The head ends the name, or an "of"/"for"/"on" tail follows it ("Council of Foreign
      // Ministers"); a head that other capitalised words follow is not the head ("War Cabinet
      // Member", "Summit Meeting"), and the run names nothing.
      // A prefix head that is the run's only head heads it: "Operation Mongoose" ("operation"
      // is a head noun too, which other capitalised words may not follow).
      const bool prefix_only = prefix_event && (head_end == 0 || head_end == b + prefix_length);
      bool headed = prefix_event;
      if (head_type >= 0 && !prefix_only) {
        const std::string_view w = head_end < n ? r.Lower(head_end) : std::string_view();
        headed = end == head_end || w == "of" || w == "for" || w == "on";
      }
      if (!headed) {
        org_scanned_until = last_word_end;
        if (!PersonWithoutTitle(r, vocabulary, known, known_at, free_end, untitled_words, &i, &out))
          ++i;
        continue;
      }
      // A run that is one known mention, or a head alone, is nothing new.
      const bool one_known = known_at[b] >= 0 && known[known_at[b]].tok_end >= end;
      size_t name_words = 0;
      for (size_t q = b; q < end; ++q) name_words += IsWord(r.Tok(q)) ? 1 : 0;
      if (!one_known && name_words >= 2 && end > b) {
        ShapedName name;
        name.tok_begin = static_cast<uint32_t>(b);
        name.tok_end = static_cast<uint32_t>(end);
        name.type = head_type >= 0 ? kHeadTypes[head_type] : EntityType::kEvent;
        if (prefix_only) name.type = EntityType::kEvent;
        if (body_of && (name.type == EntityType::kEvent || name.type == EntityType::kPlace)) {
          name.type = EntityType::kOrganization;
        }
        name.label = std::string(r.Range(b, end));
        name.acronym = std::string(AcronymAt(r, end));
        out.push_back(std::move(name));
      }
      i = std::max(end, b + 1);
      continue;
    }
    org_scanned_until = last_word_end;
    if (!PersonWithoutTitle(r, vocabulary, known, known_at, free_end, untitled_words, &i, &out))
      ++i;
  }
  return out;
}

CleanName CleanPersonName(const NameVocabulary& vocabulary, std::string_view label,
                          const DocumentWords* words) {
  const std::string lower = AsciiLower(label);
  const std::vector<Token> tokens = Tokenize(label);
  if (tokens.empty()) return {};
  const std::vector<uint32_t> ids = vocabulary.Ids(lower, tokens);
  ReaderMemo memo;
  const Reader r(vocabulary, label, lower, tokens, ids, words, &memo);
  // Everything up to the last title, stop word or common word goes ("Climate Advisor Ali Zaidi",
  // "The Honorable Meg Whitman", "Economy Tatiana Clouthier").
  size_t start = 0;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const size_t title = vocabulary.titles.LongestAt(ids, k);
    if (title > 0) {
      start = k + title;
      k = start - 1;
    } else if (IsCapitalized(r.Tok(k)) && r.Tok(k).size() > 1 && r.NotAName(k) &&
               !vocabulary.particles.ContainsWord(ids[k])) {
      start = k + 1;
    } else if (r.Tok(k) == "." && start == k) {
      start = k + 1;
    }
  }
  if (start >= tokens.size()) return {};
  const size_t end = r.ScanPersonName(start, tokens.size());
  // The name must be the whole rest of the label: a label cut short ("Sudip S" of "Sudip S.
  // Parikh") or running on ("Bob Smith and") is not a name.
  if (end != tokens.size() || r.NotPersonShaped(start, end)) return {};
  return {r.PersonLabel(start, end), std::string(r.Range(start, end))};
}

bool IsNameSuffix(std::string_view lower) {
  return lower == "jr" || lower == "sr" || lower == "ii" || lower == "iii" || lower == "iv";
}

std::string TransliterationKey(std::string_view name) {
  // The key keeps the slug's letters only, and the slug of ASCII text is its letters and digits
  // lower-cased: most names need no slug.
  std::string slug;
  const bool ascii = std::all_of(name.begin(), name.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) {
    slug = Slugify(name);  // ASCII-folded, lower-case
    name = slug;
  }
  // Written in place (the key is never longer than the name), the last letter kept in `last`.
  std::string key(name.size(), '\0');
  size_t size = 0;
  char last = '\0';
  for (const char written : name) {
    char c = ascii ? AsciiLowerByte(written) : written;
    if (c < 'a' || c > 'z') continue;
    if (c == 'y') c = 'i';
    if (c == 'h' && last == 'k') continue;  // kh -> k
    if (c == last) continue;                // doubled letters
    key[size++] = c;
    last = c;
  }
  key.resize(size);
  return key;
}

}  // namespace parley::internal
