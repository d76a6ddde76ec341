#include "extract/petrarch_import_corrections.h"

#include <algorithm>
#include <utility>

#include "base/text.h"

namespace parley::petrarch {
namespace {

// Whether `code` is a code a pattern may be given: letters and digits, or "---" (no event).
bool CorrectionCode(const std::string& code, bool reverse) {
  if (code == "---") return !reverse;
  if (code.empty()) return reverse;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  });
}

std::string Bracketed(const std::string& code, const std::string& reverse) {
  return "[" + code + (reverse.empty() ? "" : ":" + reverse) + "]";
}

bool SameVerb(const Verb& a, const Verb& b) {
  return a.before == b.before && a.verb == b.verb && a.after == b.after;
}

bool SamePattern(const VerbPattern& a, const VerbPattern& b) {
  return a.before == b.before && a.after == b.after && a.phrases == b.phrases && a.code == b.code &&
         a.reverse == b.reverse;
}

}  // namespace

Result<std::vector<PatternCorrection>> ReadCorrections(const ImportInput& input) {
  std::vector<PatternCorrection> out;
  const std::string_view text = input.text;
  int number = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = TrimSpace(text.substr(pos, end - pos));
    pos = end + 1;
    ++number;
    if (line.empty() || line.starts_with("#")) continue;
    const std::string where = input.path + ":" + std::to_string(number) + ": ";
    auto bad = [&](const std::string& why) {
      return InvalidArgumentError(where + why + " (want: VERB - PATTERN [CODE] -> [CODE] | drop " +
                                  "# REASON; tools/data/cameo-corrections.txt)");
    };
    PatternCorrection c;
    c.path = input.path;
    c.line = number;
    const size_t hash = line.find('#');
    if (hash == std::string_view::npos || TrimSpace(line.substr(hash + 1)).empty()) {
      return bad("a correction without a reason");
    }
    c.reason = std::string(TrimSpace(line.substr(hash + 1)));
    const std::string_view body = TrimSpace(line.substr(0, hash));
    const size_t arrow = body.find("->");
    if (arrow == std::string_view::npos) return bad("no '->'");
    const std::string_view left = TrimSpace(body.substr(0, arrow));
    const std::string_view action = TrimSpace(body.substr(arrow + 2));
    const size_t space = left.find_first_of(" \t");
    if (space == std::string_view::npos) return bad("no pattern after the verb");
    const std::string verb(left.substr(0, space));
    c.text = std::string(TrimSpace(left.substr(space)));
    if (!c.text.starts_with("-")) return bad("the pattern does not start with '-'");
    // The verb and the pattern read as the dictionary's lines, by the dictionary's reader.
    std::vector<Problem> problems;
    const VerbFile parsed = ReadVerbs(
        input.path, "--- CORRECTION [---] ---\n" + verb + "\n" + c.text + "\n", &problems);
    if (!problems.empty()) return bad(problems[0].message);
    if (parsed.blocks.size() != 1 || parsed.blocks[0].verbs.size() != 1 ||
        parsed.blocks[0].patterns.size() != 1) {
      return bad("not one verb and one pattern");
    }
    c.verb = parsed.blocks[0].verbs[0];
    c.pattern = parsed.blocks[0].patterns[0];
    if (action == "drop") {
      c.drop = true;
    } else if (action.size() > 2 && action.front() == '[' && action.back() == ']') {
      std::string codes(action.substr(1, action.size() - 2));
      std::erase_if(codes, [](char ch) { return ch == ' ' || ch == '\t'; });
      for (char& ch : codes) {
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
      }
      const size_t colon = codes.find(':');
      c.code = codes.substr(0, colon);
      c.reverse = colon == std::string::npos ? "" : codes.substr(colon + 1);
      if (!CorrectionCode(c.code, false) || !CorrectionCode(c.reverse, true)) {
        return bad("'" + std::string(action) + "' is no code");
      }
      if (c.code == c.pattern.code && c.reverse == c.pattern.reverse) {
        return bad("the new code is the pattern's own");
      }
    } else {
      return bad("the action is neither 'drop' nor a code in brackets");
    }
    out.push_back(std::move(c));
  }
  return out;
}

void ApplyCorrections(const std::string& path, VerbFile* file,
                      std::vector<PatternCorrection>* corrections, ProblemLog* log) {
  for (VerbBlock& block : file->blocks) {
    for (PatternCorrection& c : *corrections) {
      if (std::none_of(block.verbs.begin(), block.verbs.end(),
                       [&](const Verb& v) { return SameVerb(v, c.verb); })) {
        continue;
      }
      const std::string by = " by " + c.path + ":" + std::to_string(c.line) + ": " + c.reason;
      std::erase_if(block.patterns, [&](VerbPattern& p) {
        if (!SamePattern(p, c.pattern)) return false;
        ++c.applied;
        if (c.drop) {
          log->Add(path, p.line, "pattern '" + c.text + "' of '" + c.verb.verb + "' dropped" + by);
          return true;
        }
        log->Add(path, p.line,
                 "pattern '" + c.text + "' of '" + c.verb.verb + "' recoded " +
                     Bracketed(p.code, p.reverse) + " -> " + Bracketed(c.code, c.reverse) + by);
        p.code = c.code;
        p.reverse = c.reverse;
        return false;
      });
    }
  }
}

Status CheckCorrectionsApplied(const std::vector<PatternCorrection>& corrections) {
  for (const PatternCorrection& c : corrections) {
    if (c.applied > 0) continue;
    return InvalidArgumentError(c.path + ":" + std::to_string(c.line) + ": correction '" +
                                c.verb.verb + " " + c.text +
                                "' matches no pattern of the verb dictionaries imported (the "
                                "verb's block, the pattern's words and code as written there)");
  }
  return Status::Ok();
}

}  // namespace parley::petrarch
