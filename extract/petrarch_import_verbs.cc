#include "extract/petrarch_import_verbs.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "extract/lexicon.h"
#include "extract/rule_tokens.h"

namespace parley::petrarch {
namespace {

using internal::TokenTexts;

// The CAMEO event roots (the CAMEO codebook, chapter 2) with parley's predicate for them, and
// the PLOVER type each maps to (the PLOVER codebook's CAMEO equivalents; "" for public
// statements, which PLOVER does not count as events).
struct Root {
  std::string_view root, predicate, plover;
};
constexpr Root kRoots[] = {
    {"01", "made_statement", ""},
    {"02", "appealed", "REQUEST"},
    {"03", "expressed_intent_to_cooperate", "AGREE"},
    {"04", "consulted", "CONSULT"},
    {"05", "cooperated_diplomatically", "SUPPORT"},
    {"06", "cooperated_materially", "COOPERATE"},
    {"07", "provided_aid", "AID"},
    {"08", "yielded", "CONCEDE"},
    {"09", "investigated", "ACCUSE"},
    {"10", "demanded", "REQUEST"},
    {"11", "disapproved", "ACCUSE"},
    {"12", "rejected", "REJECT"},
    {"13", "threatened", "THREATEN"},
    {"14", "protested", "PROTEST"},
    {"15", "exhibited_force", "MOBILIZE"},
    {"16", "reduced_relations", "SANCTION"},
    {"17", "coerced", "COERCE"},
    {"18", "assaulted", "ASSAULT"},
    {"19", "fought", "ASSAULT"},
    {"20", "used_mass_violence", "ASSAULT"},
};
// Codes whose PLOVER type is not their root's.
constexpr std::pair<std::string_view, std::string_view> kPloverByCode[] = {
    {"031", "COOPERATE"}, {"032", "SUPPORT"}, {"033", "AID"},   {"034", "CONCEDE"},
    {"035", "CONCEDE"},   {"036", "CONSULT"}, {"057", "AGREE"}, {"087", "RETREAT"},
};

const Root* FindRoot(const std::string& code) {
  const std::string root = CameoRoot(code);
  for (const Root& r : kRoots) {
    if (r.root == root) return &r;
  }
  return nullptr;
}

}  // namespace

std::string CameoRoot(const std::string& code) {
  if (code.size() < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') {
    return "";
  }
  return code.substr(0, 2);
}

std::string CameoPredicate(const std::string& code) {
  const Root* r = FindRoot(code);
  return r == nullptr ? "" : std::string(r->predicate);
}

std::string CameoPlover(const std::string& code) {
  for (const auto& [prefix, plover] : kPloverByCode) {
    if (code.starts_with(prefix)) return std::string(plover);
  }
  const Root* r = FindRoot(code);
  return r == nullptr ? "" : std::string(r->plover);
}

void VerbImporter::Verbs(const ImportInput& input, const VerbFile& file, std::string* text,
                         std::string* summary) {
  const std::string path = FileName(input.path);
  size_t frames = 0, patterns = 0, refines = 0;
  // The words of the file's patterns and synonym sets, lower case: UnknownHead().
  pattern_words_.clear();
  for (const VerbBlock& block : file.blocks) {
    for (const VerbPattern& p : block.patterns) {
      for (const auto* side : {&p.before, &p.after}) {
        for (const std::string& w : *side) pattern_words_.insert(Lower(w));
      }
    }
  }
  for (const auto& [name, phrases] : file.synsets) {
    for (const std::vector<std::string>& phrase : phrases) {
      for (const std::string& w : phrase) pattern_words_.insert(Lower(w));
    }
  }
  // Irregular forms.
  std::string forms_block;
  std::set<std::string> seen_lemmas;
  for (const VerbBlock& block : file.blocks) {
    for (const Verb& v : block.verbs) {
      if (v.forms.empty()) continue;
      const std::string lemma = Lower(v.verb);
      if (UnknownHead(v, lemma)) {
        log_->Add(input.path, v.line, UnknownHeadMessage(v, lemma));
        continue;
      }
      if (!seen_lemmas.insert(lemma).second) continue;
      std::vector<std::string> third, ing, ed;
      for (const std::string& f : v.forms) {
        const std::string form = Lower(SplitSpaces(f).empty() ? f : SplitSpaces(f)[0]);
        if (form.ends_with("ing")) {
          ing.push_back(form);
        } else if (form == lemma + "s" || form == lemma + "es" ||
                   (lemma.ends_with("y") && form == lemma.substr(0, lemma.size() - 1) + "ies")) {
          third.push_back(form);
        } else {
          ed.push_back(form);
        }
      }
      const internal::RegularVerbForms regular = internal::RegularForms(lemma);
      auto slot = [](std::vector<std::string>& forms, const std::string& fallback) {
        if (forms.empty()) forms.push_back(fallback);
        std::string out;
        for (const std::string& f : forms) out += (out.empty() ? "" : "|") + f;
        return out;
      };
      bool ok = IsLowerWord(lemma);
      for (const auto* list : {&third, &ing, &ed}) {
        for (const std::string& f : *list) ok = ok && IsLowerWord(f);
      }
      if (!ok) {
        log_->Add(input.path, v.line, "irregular forms of '" + v.verb + "' are no words");
        continue;
      }
      forms_block += "  " + lemma + " " + slot(third, regular.third) + " " +
                     slot(ing, regular.ing) + " " + slot(ed, regular.ed) + "\n";
    }
  }
  if (!forms_block.empty()) {
    *text += "\n# The irregular forms " + path + " lists.\nverbs " + FileStem(input.path) + "\n" +
             forms_block;
  }
  lists_.clear();
  negative_lists_.clear();
  *text += WordLists(input, file, &lists_);
  // The forms that have blocks of their own beside their lemma's ("LEFT" beside "LEAVE"; not
  // "SAW" in the block of "SEE"), as single words.
  form_blocks_.clear();
  std::map<std::string, std::set<size_t>> lemma_blocks;             // lemma -> its blocks
  std::vector<std::tuple<std::string, std::string, size_t>> forms;  // (lemma, form, block)
  for (size_t i = 0; i < file.blocks.size(); ++i) {
    for (const Verb& v : file.blocks[i].verbs) {
      if (!v.before.empty() || !v.after.empty()) continue;  // "+KIDNAPPED_AND_KILLED"
      const std::string word = Lower(v.verb);
      const std::string lemma = LemmaOf(word);
      if (word == lemma) {
        lemma_blocks[lemma].insert(i);
      } else {
        forms.emplace_back(lemma, word, i);
      }
    }
  }
  for (const auto& [lemma, form, block] : forms) {
    const auto it = lemma_blocks.find(lemma);
    if (it != lemma_blocks.end() && (it->second.size() > 1 || !it->second.contains(block))) {
      form_blocks_[lemma].insert(form);
    }
  }
  std::set<std::string> frame_ids;
  for (const VerbBlock& block : file.blocks) {
    patterns += block.patterns.size();
    // Verbs of one block that share their own code and the words before them make one frame
    // family.
    std::map<std::pair<std::string, std::vector<std::string>>, std::vector<const Verb*>> groups;
    for (const Verb& v : block.verbs) {
      groups[{v.code.empty() ? block.code : v.code, v.before}].push_back(&v);
    }
    // CAMEO.2.0 names in a pattern's comment the verbs it was written for ("- * (TO) [042:043]
    // # HEAD": "head to", not "lead to" or "direct X to"); such a pattern is read with those
    // verbs only, one without such a comment with every verb of the block.
    std::vector<std::set<size_t>> named(block.patterns.size());
    for (size_t i = 0; i < block.patterns.size(); ++i) {
      named[i] = NamedVerbs(block, block.patterns[i]);
    }
    for (const auto& [key, verbs] : groups) {
      const auto& [code, before] = key;
      const bool synonyms = SynonymSet(verbs);
      // Verbs read with the same patterns make one frame family; the one of the patterns no
      // comment names keeps the block's id, each other is told by its first verb.
      std::map<std::vector<size_t>, std::vector<const Verb*>> by_patterns;
      std::vector<std::vector<size_t>> order;
      for (const Verb* v : verbs) {
        const size_t index = static_cast<size_t>(v - block.verbs.data());
        std::vector<size_t> mine;
        for (size_t i = 0; i < block.patterns.size(); ++i) {
          if (named[i].empty() || named[i].contains(index)) mine.push_back(i);
        }
        auto [it, added] = by_patterns.try_emplace(mine);
        if (added) order.push_back(mine);
        it->second.push_back(v);
      }
      for (const std::vector<size_t>& mine : order) {
        const std::vector<const Verb*>& family = by_patterns[mine];
        const bool generic =
            std::all_of(mine.begin(), mine.end(), [&](size_t i) { return named[i].empty(); });
        std::vector<const VerbPattern*> patterns;
        for (size_t i : mine) patterns.push_back(&block.patterns[i]);
        frames += WriteFrames(input, block, code, before, family, patterns, synonyms,
                              generic ? "" : VerbName(*family[0]), &frame_ids, text, &refines);
      }
    }
  }
  *summary += path + ": " + std::to_string(file.blocks.size()) + " verb blocks, " +
              std::to_string(patterns) + " patterns -> " + std::to_string(frames) + " frames, " +
              std::to_string(refines) + " refine lines";
}

bool VerbImporter::SynonymSet(const std::vector<const Verb*>& verbs) const {
  std::set<std::string> lemmas;
  for (const Verb* v : verbs) {
    if (v->before.empty() && v->after.empty()) lemmas.insert(LemmaOf(Lower(v->verb)));
  }
  return lemmas.size() > 1;
}

bool VerbImporter::KnownVerb(const std::string& lemma) const {
  if (against_.lexicon == nullptr) return true;
  const internal::LexEntry* e = against_.lexicon->Find(lemma);
  return e != nullptr && !e->senses.empty();
}

bool VerbImporter::UnknownHead(const Verb& v, const std::string& lemma) const {
  if ((v.before.empty() && v.after.empty()) || KnownVerb(lemma)) return false;
  const internal::RegularVerbForms regular = internal::RegularForms(lemma);
  std::vector<std::string> forms = {lemma, regular.third, regular.ing, regular.ed};
  for (const std::string& f : v.forms) {
    const std::vector<std::string> words = SplitSpaces(Lower(f));
    if (!words.empty()) forms.push_back(words[0]);
  }
  for (std::string& f : forms) {
    if (const size_t join = f.find('_'); join != std::string::npos) f.resize(join);
    if (f.starts_with("+")) f.erase(0, 1);
    if (pattern_words_.contains(f)) return true;
  }
  return false;
}

std::string VerbImporter::UnknownHeadMessage(const Verb& v, const std::string& lemma) {
  return "verb '" + VerbName(v) + "' not translated: '" + lemma +
         "' is no verb of the lexicon, and its patterns use a form of it as a word";
}

std::string VerbImporter::LemmaOf(const std::string& word) const {
  if (against_.lexicon != nullptr) {
    if (const internal::LexEntry* e = against_.lexicon->Find(word)) {
      if (!e->senses.empty() && against_.lexicon->FindVerb(word) == std::nullopt) {
        return std::string(against_.lexicon->Lemma(e->senses[0].verb));
      }
    }
  }
  return word;
}

std::string VerbImporter::Joined(const std::set<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

std::string VerbImporter::VerbName(const Verb& v) {
  std::string out;
  for (const std::string& w : v.before) out += Lower(w) + "_";
  out += Lower(v.verb);
  for (const std::string& w : v.after) out += "_" + Lower(w);
  return out;
}

std::set<size_t> VerbImporter::NamedVerbs(const VerbBlock& block, const VerbPattern& p) const {
  std::set<size_t> out;
  std::string token;
  bool all = true;
  auto name = [&](const std::string& t) {
    if (t.empty()) return;
    std::vector<std::string> parts;  // "+TIE_IN" -> {"TIE", "IN"}
    for (std::string_view piece : SplitNonEmpty(t, '_')) {
      std::string part(piece);
      std::erase(part, '+');
      if (!part.empty()) parts.push_back(std::move(part));
    }
    bool found = false;
    for (size_t i = 0; i < block.verbs.size(); ++i) {
      const Verb& v = block.verbs[i];
      if (parts.size() != v.before.size() + 1 + v.after.size()) continue;
      bool same = true;
      for (size_t k = 0; k < parts.size() && same; ++k) {
        const std::string word = Lower(parts[k]);
        if (k < v.before.size()) {
          same = word == Lower(v.before[k]);
        } else if (k == v.before.size()) {
          same = word == Lower(v.verb) || LemmaOf(word) == LemmaOf(Lower(v.verb));
        } else {
          same = word == Lower(v.after[k - v.before.size() - 1]);
        }
      }
      if (same) {
        out.insert(i);
        found = true;
      }
    }
    all = all && found;
  };
  for (char c : p.comment + " ") {
    if (c == ' ' || c == '\t' || c == ',' || c == ';') {
      name(token);
      token.clear();
    } else {
      token.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
  }
  if (!all) out.clear();
  return out;
}

size_t VerbImporter::WriteFrames(const ImportInput& input, const VerbBlock& block,
                                 const std::string& code,
                                 const std::vector<std::string>& before_words,
                                 const std::vector<const Verb*>& verbs,
                                 const std::vector<const VerbPattern*>& patterns, bool synonyms,
                                 const std::string& tag, std::set<std::string>* ids,
                                 std::string* text, size_t* refines) {
  // The frame's verbs: lemmas (a form the lexicon knows becomes its lemma: "CALLED" is
  // "call") with their particles.
  std::vector<std::string> verb_items;
  // PETRARCH reads a block by its own forms: a verb written as a form that has a block of its
  // own ("--- LEFT ---" beside "--- LEAVE ---") is read in that form only, and the block of
  // its lemma never in it.
  std::set<std::string> only_forms, except_forms;
  bool all_own_forms = true;
  for (const Verb* v : verbs) {
    const std::string word = Lower(v->verb);
    const std::string lemma = LemmaOf(word);
    const auto own = form_blocks_.find(lemma);
    if (own != form_blocks_.end() && own->second.contains(word)) {
      only_forms.insert(word);
    } else {
      all_own_forms = false;
      if (own != form_blocks_.end()) except_forms.insert(own->second.begin(), own->second.end());
    }
  }
  for (const Verb& v : block.verbs) except_forms.erase(Lower(v.verb));  // this block's own
  for (const Verb* v : verbs) {
    const std::string lemma = LemmaOf(Lower(v->verb));
    if (!IsLowerWord(lemma)) {
      log_->Add(input.path, v->line, "verb '" + v->verb + "' is no word");
      continue;
    }
    if (UnknownHead(*v, lemma)) {
      log_->Add(input.path, v->line, UnknownHeadMessage(*v, lemma));
      continue;
    }
    std::string item = lemma;
    bool ok = true;
    for (const std::string& p : v->after) {
      const std::string particle = Lower(p);
      ok = ok && IsLowerWord(particle);
      item += " " + particle;
    }
    if (!ok) {
      log_->Add(input.path, v->line, "verb '" + v->verb + "' has words that are no words");
      continue;
    }
    if (std::find(verb_items.begin(), verb_items.end(), item) == verb_items.end()) {
      verb_items.push_back(item);
    }
  }
  if (verb_items.empty()) return 0;
  // Words before the verb ("WIRE_+TAP") make a compound verb: `verb wire_tap`.
  std::string pre;
  for (const std::string& w : before_words) {
    for (const std::string& t : TokenTexts(Lower(w), nullptr)) pre += t + "_";
  }
  if (!pre.empty()) {
    for (std::string& item : verb_items) item = pre + item;
  }
  // The patterns as lines, by CAMEO root.
  std::map<std::string, std::vector<Line>> by_root;
  std::vector<Line> blockers;  // "[---]" patterns
  // The code of each pattern's words (and roles), as first written.
  std::map<std::string, std::string> first_codes;
  for (const VerbPattern* pattern : patterns) {
    const VerbPattern& p = *pattern;
    std::vector<std::vector<std::string>> before(1), after(1);
    if (!Words(input, p.before, &before[0]) || !Words(input, p.after, &after[0])) {
      log_->Add(input.path, p.line, "pattern names a synonym set that is no word list");
      continue;
    }
    const bool blocks = p.code == "---";
    if (!blocks && !IsCameoCode(p.code) && !p.code.empty()) {
      log_->Add(input.path, p.line, "pattern code '" + p.code + "' is no CAMEO event code");
      continue;
    }
    if (!IsCameoCode(p.reverse)) {
      log_->Add(input.path, p.line, "pattern code ':" + p.reverse + "' is no CAMEO event code");
      continue;
    }
    const Roles roles = PatternRoles(p);
    if (!roles.untranslated.empty() && !blocks) {
      log_->Add(input.path, p.line,
                "role markers not translated: " + roles.untranslated +
                    (roles.swapped ? "" : "; the frame's default roles apply"));
    }
    for (const auto& b : before) {
      for (const auto& a : after) {
        if (b.empty() && a.empty() && !roles.compound) {
          log_->Add(input.path, p.line,
                    "pattern without words (only role markers) is not translated: the block's "
                    "code applies");
          continue;
        }
        Line line;
        line.words = RefineWords(b, a, &line.length);
        line.cameo = blocks ? "" : p.code;
        line.reverse = p.reverse;
        line.source = p.line;
        line.named = block.verbs.size() == 1 || !NamedVerbs(block, p).empty();
        // The same words written again with another code ("FORGE * TIES [050]", then "[060]")
        // are one pattern: TABARI's first match wins, so the first code does, and the verb
        // codes one event there, not two.
        const std::string same =
            line.words + "|" + roles.object + (roles.swapped ? "|swapped" : "") +
            (roles.compound ? "|compound" : "") +
            (SpellsNegation(p.before) || SpellsNegation(p.after) ? "|negation" : "");
        const std::string codes = line.cameo + (line.reverse.empty() ? "" : ":" + line.reverse);
        if (!blocks) {
          const auto [first, added] = first_codes.emplace(same, codes);
          if (!added && first->second != codes) {
            log_->Add(
                input.path, p.line,
                "pattern written before with code '" + first->second + "': the first code applies");
            continue;
          }
        }
        if (blocks) {
          blockers.push_back(line);
        } else {
          // Lines with a marked role or a negation make a frame of their own: by root, object
          // line and modality.
          line.object = roles.object;
          if (roles.swapped) std::swap(line.cameo, line.reverse);
          line.asserted = SpellsNegation(p.before) || SpellsNegation(p.after);
          line.compound = roles.compound;
          // Each member is coded against the others: "[030:030]" needs no reverse statement.
          if (line.compound && line.reverse == line.cameo) line.reverse.clear();
          by_root[FrameKey(line)].push_back(line);
        }
      }
    }
  }
  const bool has_default = code != "---" && IsCameoCode(code) && !code.empty();
  if (!has_default && code != "---") {
    log_->Add(input.path, block.line, "block code '" + code + "' is no CAMEO event code");
  }
  const std::string default_root = has_default ? CameoRoot(code) : "";
  if (has_default) by_root[default_root];  // the default frame, even without patterns
  const bool read_by_rules = std::any_of(verbs.begin(), verbs.end(), [&](const Verb* v) {
    return v->before.empty() && v->after.empty() &&
           against_.read_verbs.contains(LemmaOf(Lower(v->verb)));
  });
  // A verb of intention or attempt ("EXPECT [030]", "HOPE", "CONSIDER [040]") intends or
  // attempts what it governs: with a clause that is the modality of the verb it governs
  // (frames.cc), with a noun no event of its own ("expected a response from Lincoln"), unless a
  // pattern names one ("expect a visit" 036).
  const bool intent = std::any_of(verbs.begin(), verbs.end(), [&](const Verb* v) {
    return v->before.empty() && v->after.empty() &&
           against_.intent_verbs.contains(LemmaOf(Lower(v->verb)));
  });
  const bool complement_coded =
      has_default && !intent && read_by_rules && ComplementCoded(by_root, default_root);
  // A verb with no pattern at all codes what comes after it, not what a clause it governs
  // says: "worried that the Brazilians would be able to produce", "determined that Venezuela
  // has fallen short" name no target. Patterns written for a verb reach into its clauses
  // ("allowed that Mordor isn't a real pleasant place").
  const bool no_patterns = by_root.size() == 1 && blockers.empty();
  size_t written = 0;
  for (auto& [key, lines] : by_root) {
    const std::string root = key.substr(0, key.find('|'));
    // A skipped root's frame is not written; the block's other frames still give way where
    // its patterns occur (their `unless` lines below).
    if (skip_roots_.count(root) > 0) {
      log_->Add(
          input.path, lines.empty() ? verbs.front()->line : lines.front().source,
          "code of skipped root " + root + " (of '" + VerbName(*verbs.front()) + "'): no frame");
      continue;
    }
    const std::string object = lines.empty() ? "" : lines[0].object;
    const bool asserted = !lines.empty() && lines[0].asserted;
    const bool compound = !lines.empty() && lines[0].compound;
    // A code of no CAMEO root (the test dictionaries use WEIS and made-up codes) gives a
    // plain "coded_event" without a PLOVER type.
    static constexpr Root kOther = {"", "coded_event", ""};
    const Root* r = FindRoot(root + "0");
    if (r == nullptr) {
      r = &kOther;
      for (const Line& l : lines) {
        if (reported_codes_.insert(l.cameo + ":" + l.reverse).second) {
          log_->Add(input.path, l.source,
                    "code '" + l.cameo + (l.reverse.empty() ? "" : ":" + l.reverse) +
                        "' has no CAMEO root: predicate coded_event, no PLOVER type");
        }
      }
    }
    // Longer patterns first: the first refine line that matches wins.
    std::stable_sort(lines.begin(), lines.end(),
                     [](const Line& a, const Line& b) { return a.length > b.length; });
    std::string id = FileStem(input.path) + "-" +
                     MakeEntityId(EntityType::kEvent, DisplayName(block.name)).substr(6);
    if (!tag.empty()) {
      std::string words = tag;
      std::replace(words.begin(), words.end(), '_', ' ');
      id += "-" + MakeEntityId(EntityType::kEvent, words).substr(6);
    }
    if (!pre.empty()) {
      std::string words = pre;
      std::replace(words.begin(), words.end(), '_', ' ');
      id += "-" + MakeEntityId(EntityType::kEvent, words).substr(6);
    }
    if (code != block.code && has_default) id += "-" + Lower(code);
    id += "-" + (root.empty() ? std::string("other") : root);
    // The object line's first role ("for actor" of "for actor, actor, any actor, that").
    if (!object.empty()) {
      id += "-" + MakeEntityId(EntityType::kEvent, object.substr(0, object.find(','))).substr(6);
    }
    if (asserted) id += "-negation";
    if (compound) id += "-compound";
    for (const std::string base = id; ids->count(id) > 0;) {
      id = base + "-" + std::to_string(ids->size());
    }
    ids->insert(id);
    const bool is_default = has_default && key == default_root;
    // A compound pattern without words ("% * [030:030]") is the frame's own code.
    const auto bare =
        std::find_if(lines.begin(), lines.end(), [](const Line& l) { return l.words == "*"; });
    const std::string frame_code =
        is_default ? code : (bare != lines.end() ? bare->cameo : lines[0].cameo);
    // The code of a block of several verbs is a synonym set's, no verb's own (CAMEO 2.0's
    // blocks are WordNet's synonym sets: "--- OVERSEE_MANAGE [060] ---" holds CONDUCT, DIRECT,
    // HEAD, LEAD, ...; TABARI gave vague verbs such as TAKE, JOIN or CONSIDER no code of their
    // own and coded them by their patterns): its verbs code it with one of its patterns only.
    // A verb written with its own code ("ORDER [100]") or alone in its block keeps it.
    const bool set_code = is_default && code == block.code && synonyms;
    // A verb the rules read their own way (a verb of a hand-written frame, or a catenative of
    // the modality rules) whose patterns mostly code events of other roots than its own code
    // names its event by its complement ("EXPRESS [110]": "express support" 051, "express
    // hope" 013, "express anger" 111; "SEEK [030]": "seek talks" 036, "seek aid" 023): its own
    // code is TABARI's guess where no pattern occurs ("expressed his congratulations", "sought
    // the approval of"), where the rules' frames found nothing to read, so it codes it only
    // where one of its patterns of that root occurs.
    const bool pattern_only =
        is_default && (set_code || complement_coded || intent) && bare == lines.end();
    if (pattern_only && set_code && reported_sets_.insert(block.line).second) {
      log_->Add(input.path, block.line,
                "block code '" + block.code +
                    "' is a synonym set's: its verbs code it only where one of its patterns "
                    "occurs");
    } else if (pattern_only && !set_code) {
      log_->Add(input.path, verbs.front()->line,
                "code '" + code + "' of '" + VerbName(*verbs.front()) + "' is named by its " +
                    (intent ? std::string("complement: a verb of intention or attempt")
                            : std::string("complement: most of its patterns code other roots")) +
                    ", so it codes it only where one of its patterns of root " + root + " occurs");
    }
    if (pattern_only && lines.empty()) continue;
    std::string out = "\n# " + FileName(input.path) + ":" + std::to_string(block.line) + "  --- " +
                      block.name + " [" + block.code + "] ---\n";
    out += "frame " + id + "\n";
    std::string verb_line;
    for (const std::string& v : verb_items) verb_line += (verb_line.empty() ? "" : ", ") + v;
    out += "  verb       " + verb_line + "\n";
    if (all_own_forms && !only_forms.empty()) out += "  form       " + Joined(only_forms) + "\n";
    if (!except_forms.empty()) out += "  form       not " + Joined(except_forms) + "\n";
    out += "  predicate  " + std::string(r->predicate) + "\n";
    const std::string plover = CameoPlover(frame_code.empty() ? root + "0" : frame_code);
    if (!plover.empty()) out += "  plover     " + plover + "\n";
    if (!frame_code.empty()) out += "  cameo      " + frame_code + "\n";
    if (is_default && !block.reverse.empty() && code == block.code) {
      out += "  reverse    " + block.reverse + "\n";
    } else if (bare != lines.end() && !bare->reverse.empty()) {
      out += "  reverse    " + bare->reverse + "\n";
    }
    // A pattern that spells a negation ("DID N'T * OVER EFFORTS [904]") codes the event the
    // negation makes: its statement is that event, not a negated one.
    if (asserted) out += "  modality   asserted\n";
    out += "  object     " +
           (!object.empty() ? object : std::string(no_patterns ? kPlainObject : kDefaultObject)) +
           "\n";
    // ... and the owner of the phrase, as PETRARCH's noun phrase holds its modifiers:
    // "rejected Moscow's proposal" is Russia's, "came to the Japanese capital" Japan's.
    out += "  object-owner actor\n";
    if (compound) out += "  reciprocal object only\n";
    if ((!is_default || pattern_only) && bare == lines.end()) {
      for (const Line& l : lines) out += "  when       " + l.words + "\n";
    }
    // The default frame stays silent where another root's pattern or a "[---]" pattern
    // occurs, every frame where a pattern with a marked role or a negation (a frame of its
    // own) does.
    for (const auto& [other, other_lines] : by_root) {
      // A compound pattern applies only to a compound subject: nothing else gives way to it.
      if (other == key || other_lines.empty() || other_lines[0].compound) continue;
      const bool marked = !other_lines[0].object.empty() || other_lines[0].asserted;
      if (!is_default && !(object.empty() && marked)) continue;
      for (const Line& l : other_lines) out += "  unless     " + l.words + "\n";
    }
    for (const Line& l : blockers) out += "  unless     " + l.words + "\n";
    for (const Line& l : lines) {
      if (l.words == "*") continue;
      std::string target = l.cameo;
      if (!l.reverse.empty()) target += ":" + l.reverse;
      const std::string line_plover = CameoPlover(l.cameo.empty() ? l.reverse : l.cameo);
      out += "  refine     " + l.words + " -> " + target +
             (line_plover.empty() || line_plover == plover ? "" : " " + line_plover) + "\n";
      ++*refines;
    }
    *text += out;
    ++written;
  }
  return written;
}

bool VerbImporter::ComplementCoded(const std::map<std::string, std::vector<Line>>& by_root,
                                   const std::string& root) {
  size_t same = 0, other = 0;
  for (const auto& [key, lines] : by_root) {
    for (const Line& l : lines) {
      if (l.named) ++(key.substr(0, key.find('|')) == root ? same : other);
    }
  }
  return other >= kComplementCodedMin && other > kComplementCodedRatio * same;
}

bool VerbImporter::IsCameoCode(const std::string& code) {
  for (char c : code) {
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
      return false;
    }
  }
  return true;
}

}  // namespace parley::petrarch
