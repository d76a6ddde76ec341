#include "extract/literal_regex.h"

#include <algorithm>
#include <utility>

#include "extract/rule_tokens.h"

namespace parley::internal {
namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A recursive-descent reader of the literal subset (LiteralExpansions): each rule returns the
// strings its part of the expression matches.
class LiteralReader {
 public:
  LiteralReader(std::string_view regex, size_t limit) : re_(regex), limit_(limit) {}

  bool Read(std::vector<std::string>* out) { return Alternation(out) && pos_ == re_.size(); }

 private:
  bool More() const { return pos_ < re_.size(); }
  bool At(char c) const { return More() && re_[pos_] == c; }

  bool Alternation(std::vector<std::string>* out) {
    out->clear();
    std::vector<std::string> branch;
    while (true) {
      if (!Sequence(&branch)) return false;
      out->insert(out->end(), branch.begin(), branch.end());
      if (out->size() > limit_) return false;
      if (!At('|')) return true;
      ++pos_;
    }
  }

  bool Sequence(std::vector<std::string>* out) {
    out->assign(1, "");
    std::vector<std::string> atom, joined;
    while (More() && !At('|') && !At(')')) {
      if (!Atom(&atom)) return false;
      if (At('?')) {
        ++pos_;
        atom.emplace_back();
      }
      if (At('?') || At('*') || At('+') || At('{')) return false;  // lazy, or repeated
      joined.clear();
      for (const std::string& a : *out) {
        for (const std::string& b : atom) {
          if (joined.size() == limit_) return false;
          joined.push_back(a + b);
        }
      }
      out->swap(joined);
    }
    return true;
  }

  // One character as written into `out`: a byte that is no metacharacter, a whole UTF-8
  // sequence, or a backslash and an ASCII punctuation character.
  bool Char(std::string* out) {
    const unsigned char c = static_cast<unsigned char>(re_[pos_]);
    if (c == '\\') {
      if (pos_ + 1 >= re_.size()) return false;
      const unsigned char e = static_cast<unsigned char>(re_[pos_ + 1]);
      if (e < 0x21 || e >= 0x7F || IsAsciiAlnum(e)) return false;  // \d, \b, \x41, \pN, ...
      out->assign(1, static_cast<char>(e));
      pos_ += 2;
      return true;
    }
    if (c < 0x20 || c == 0x7F ||
        std::string_view(".^$*+?{}[]()|").find(static_cast<char>(c)) != std::string_view::npos) {
      return false;
    }
    const size_t n = c < 0x80                ? 1
                     : c >= 0xC2 && c < 0xE0 ? 2
                     : c >= 0xE0 && c < 0xF0 ? 3
                     : c >= 0xF0 && c < 0xF5 ? 4
                                             : 0;
    if (n == 0 || pos_ + n > re_.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(re_[pos_ + k]) & 0xC0) != 0x80) return false;
    }
    out->assign(re_.substr(pos_, n));
    pos_ += n;
    return true;
  }

  bool Atom(std::vector<std::string>* out) {
    out->clear();
    if (At('(')) {
      ++pos_;
      if (re_.substr(pos_, 2) == "?:") {
        pos_ += 2;
      } else if (At('?')) {
        return false;  // flags, named groups
      }
      if (!Alternation(out) || !At(')')) return false;
      ++pos_;
      return true;
    }
    if (At('[')) {  // single characters only: no negation, ranges or named classes
      ++pos_;
      std::string c;
      while (More() && !At(']')) {
        if (At('^') || At('-') || At('[') || !Char(&c)) return false;
        out->push_back(c);
      }
      if (!More() || out->empty()) return false;
      ++pos_;
      return true;
    }
    out->emplace_back();
    return Char(&out->back());
  }

  std::string_view re_;
  size_t limit_;
  size_t pos_ = 0;
};

}  // namespace

std::optional<std::vector<std::string>> LiteralExpansions(std::string_view regex, size_t limit) {
  std::vector<std::string> out;
  LiteralReader reader(regex, limit);
  if (!reader.Read(&out)) return std::nullopt;
  return out;
}

std::vector<std::string> RequiredTokens(std::string_view regex) {
  const std::optional<std::vector<std::string>> strings = LiteralExpansions(regex, 4096);
  if (!strings.has_value() || strings->empty()) return {};
  std::vector<bool> space_before;
  std::vector<std::string> shared = TokenTexts((*strings)[0], &space_before);
  for (size_t i = 1; i < strings->size() && !shared.empty(); ++i) {
    const std::vector<std::string> tokens = TokenTexts((*strings)[i], &space_before);
    std::erase_if(shared, [&](const std::string& t) {
      return std::find(tokens.begin(), tokens.end(), t) == tokens.end();
    });
  }
  std::vector<std::string> out;
  for (std::string& t : shared) {
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(std::move(t));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return out;
}

}  // namespace parley::internal
