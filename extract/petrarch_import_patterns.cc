// VerbImporter (petrarch_import_verbs.h): the reading of a verb file's patterns and synonym
// sets.
#include <algorithm>

#include "extract/lexicon.h"
#include "extract/petrarch_import_verbs.h"
#include "extract/rule_tokens.h"

namespace parley::petrarch {

using internal::TokenTexts;

std::vector<std::string> VerbImporter::JoinContractions(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const std::string& w : words) {
    const std::string l = Lower(w);
    const bool clitic =
        l == "n't" || l == "'s" || l == "'ll" || l == "'re" || l == "'ve" || l == "'d" || l == "'m";
    // "DID_N'T": the join of the pattern is the contraction's own.
    if (clitic && out.size() >= 2 && out.back() == "_") out.pop_back();
    if (clitic && !out.empty() && out.back()[0] != '&' && out.back()[0] != '$' &&
        out.back()[0] != '+' && out.back()[0] != '%' && out.back()[0] != '^' && out.back() != "_") {
      out.back() += w;
    } else {
      out.push_back(w);
    }
  }
  return out;
}

bool VerbImporter::NegationWord(std::string_view word) {
  const std::string l = Lower(word);
  return l == "not" || l == "never" || l == "no" || l == "nor" || l == "neither" || l == "cannot" ||
         l.ends_with("n't");
}

bool VerbImporter::SpellsNegation(const std::vector<std::string>& items) const {
  for (const std::string& item : JoinContractions(items)) {
    std::string name = item;
    while (!name.empty() && name.back() == '_') name.pop_back();
    if (NegationWord(item) || negative_lists_.count(name) > 0) return true;
  }
  return false;
}

std::string VerbImporter::ListName(const std::string& stem, std::string synset) {
  while (!synset.empty() && (synset.back() == '_' || synset.back() == ' ')) synset.pop_back();
  return stem + "-" + MakeEntityId(EntityType::kEvent, Lower(synset.substr(1))).substr(6);
}

bool VerbImporter::Flatten(const VerbFile& file, const std::string& synset,
                           std::vector<std::string>* items, int depth) const {
  std::string name = synset;
  while (!name.empty() && name.back() == '_') name.pop_back();
  auto it = file.synsets.find(name);
  if (it == file.synsets.end() || depth > 4) return false;
  for (const std::vector<std::string>& phrase : it->second) {
    if (phrase.size() == 1 && phrase[0][0] == '&') {
      if (!Flatten(file, phrase[0], items, depth + 1)) return false;
      continue;
    }
    std::vector<std::string> tokens;
    for (const std::string& w : JoinContractions(phrase)) {
      if (w[0] == '&') return false;  // a set inside a phrase: not a word list
      for (const std::string& t : TokenTexts(Lower(w), nullptr)) tokens.push_back(t);
    }
    if (tokens.empty()) continue;
    std::string item;
    for (size_t i = 0; i < tokens.size(); ++i) item += (i > 0 ? " " : "") + tokens[i];
    const std::string& last = tokens.back();
    if (last.size() >= 4 &&
        std::all_of(last.begin(), last.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      item += "*";
    }
    if (std::find(items->begin(), items->end(), item) == items->end()) items->push_back(item);
  }
  return true;
}

std::string VerbImporter::WordLists(const ImportInput& input, const VerbFile& file,
                                    std::set<std::string>* lists) {
  std::string text;
  for (const auto& [synset, phrases] : file.synsets) {
    std::vector<std::string> items;
    if (!Flatten(file, synset, &items) || items.empty()) {
      log_->Add(input.path, 0,
                "synonym set " + synset +
                    " refers to an unknown set or holds one inside a phrase: patterns naming "
                    "it are not translated");
      continue;
    }
    const std::string name = ListName(FileStem(input.path), synset);
    lists->insert(synset);
    if (std::all_of(phrases.begin(), phrases.end(), [](const std::vector<std::string>& words) {
          return std::any_of(words.begin(), words.end(), NegationWord);
        })) {
      negative_lists_.insert(synset);
    }
    text += "\nwords " + name + "   # " + synset + "\n";
    std::string line;
    for (const std::string& item : items) {
      if (item.find(',') != std::string::npos) continue;
      if (!line.empty() && line.size() + item.size() > 88) {
        text += "  " + line + "\n";
        line.clear();
      }
      line += (line.empty() ? "" : ", ") + item;
    }
    if (!line.empty()) text += "  " + line + "\n";
  }
  return text;
}

bool VerbImporter::Words(const ImportInput& input, const std::vector<std::string>& items,
                         std::vector<std::string>* out) const {
  out->clear();
  bool join = false;  // the next word follows the last one directly
  auto add = [&](const std::string& word) {
    if (join && !out->empty()) {
      out->back() += "_" + word;
    } else {
      out->push_back(join ? "_" + word : word);
    }
    join = false;
  };
  for (const std::string& item : JoinContractions(items)) {
    if (item == "_") {
      join = true;
      continue;
    }
    if (item == "$" || item == "+" || item == "%" || item == "^") {
      join = false;
      continue;
    }
    if (item[0] == '&') {
      std::string name = item;
      while (!name.empty() && name.back() == '_') name.pop_back();
      if (lists_.count(name) == 0) return false;
      add("@" + ListName(FileStem(input.path), name));
      continue;
    }
    const bool exact = item.ends_with("_");
    const std::vector<std::string> tokens =
        TokenTexts(Lower(exact ? item.substr(0, item.size() - 1) : item), nullptr);
    for (size_t i = 0; i < tokens.size(); ++i) {
      const std::string& t = tokens[i];
      const bool stem = !exact && t.size() >= 4 && std::all_of(t.begin(), t.end(), [](char c) {
        return c >= 'a' && c <= 'z';
      });
      if (i > 0) join = true;
      add(stem ? t + "*" : t);
    }
  }
  if (join && !out->empty()) out->back() += "_";
  return true;
}

std::string VerbImporter::RefineWords(const std::vector<std::string>& before,
                                      const std::vector<std::string>& after, size_t* length) {
  std::string words;
  *length = 0;
  for (const std::string& w : before) {
    words += w + (&w == &before.back() && w.ends_with("_") ? "" : " ");
  }
  words += "*";
  for (const std::string& w : after)
    words += (w.starts_with("_") && &w == &after.front() ? "" : " ") + w;
  for (const std::vector<std::string>* list : {&before, &after}) {
    for (const std::string& w : *list) {
      *length += 1 + std::count(w.begin(), w.end(), '_') - w.starts_with("_") - w.ends_with("_");
    }
  }
  return words;
}

std::string VerbImporter::FrameKey(const Line& l) {
  const std::string root = CameoRoot(l.cameo.empty() ? l.reverse : l.cameo);
  if (l.object.empty() && !l.asserted && !l.compound) return root;
  return root + "|" + l.object + "|" + (l.asserted ? "asserted" : "") +
         (l.compound ? "compound" : "");
}

std::string VerbImporter::ObjectAt(const std::vector<std::string>& after,
                                   const std::string& marker) const {
  auto at = std::find(after.begin(), after.end(), marker);
  if (at == after.end()) return "";
  if (at != after.begin() && *(at - 1) == "_") --at;  // joined to the word before: "WITH_+"
  if (at == after.begin()) return "actor";
  // After skipped phrases (`^`) that follow a preposition ("* AT ^ +", "* IFTAR AT ^ ^ +"):
  // the first actor in a phrase after that preposition's.
  bool skipped = false;
  while (at != after.begin() && *(at - 1) == "^") {
    --at;
    skipped = true;
  }
  if (at == after.begin()) return "";
  std::string prep = Lower(*(at - 1));
  if (prep.ends_with("_")) prep.pop_back();
  if (against_.lexicon == nullptr || !IsLowerWord(prep)) return "";
  const internal::LexEntry* e = against_.lexicon->Find(prep);
  if (e == nullptr || (e->classes & (internal::kClassPreposition | internal::kClassTo)) == 0) {
    return "";
  }
  return skipped ? "any actor after " + prep : prep + " actor";
}

bool VerbImporter::GerundPhrase(const VerbPattern& p) const {
  if (p.after.size() != 2 || against_.lexicon == nullptr ||
      std::find(p.phrases.begin(), p.phrases.end(), std::pair<size_t, size_t>{0, 2}) ==
          p.phrases.end()) {
    return false;
  }
  const std::string word = Lower(p.after[1]);
  return Lower(p.after[0]) == "in" && IsLowerWord(word) && word.size() > 4 && word.ends_with("ing");
}

VerbImporter::Roles VerbImporter::PatternRoles(const VerbPattern& p) const {
  auto has = [](const std::vector<std::string>& items, const char* marker) {
    return std::find(items.begin(), items.end(), marker) != items.end();
  };
  Roles roles;
  std::vector<std::string> missing;
  const bool target_before = has(p.before, "+"), target_after = has(p.after, "+");
  const bool source_after = has(p.after, "$");
  const bool compound_before = has(p.before, "%"), compound_after = has(p.after, "%");
  if (compound_before || compound_after) {
    if (target_before || target_after || source_after || (compound_before && compound_after)) {
      missing.push_back("'%' (a compound actor) with other role markers");
    } else if (compound_before) {
      roles.compound = true;
    } else {
      roles.object = ObjectAt(p.after, "%");
      if (roles.object.empty()) {
        missing.push_back("'%' after a word that is no preposition");
      }
    }
  } else if (target_after && source_after) {
    missing.push_back("'$' and '+' both after the verb");
  } else if (target_after) {
    roles.object = ObjectAt(p.after, "+");
    if (roles.object.empty()) {
      missing.push_back("'+' after a word that is no preposition");
    }
    if (target_before) missing.push_back("'+' before the verb as well");
  } else if (source_after && target_before) {
    roles.swapped = true;
    roles.object = ObjectAt(p.after, "$");
    if (roles.object.empty()) {
      missing.push_back(
          "'$' after a word that is no preposition (the source is the first actor after the "
          "verb)");
    }
  } else if (source_after) {
    missing.push_back("'$' after the verb without '+' before it");
  } else if (target_before) {
    missing.push_back("'+' before the verb without '$' after it");
  } else if (GerundPhrase(p)) {
    // "JOIN * (IN CONDEMNING)": an in-phrase of an -ing form is the act the subject does with
    // the verb's direct object or with-phrase, a partner ("joined Gondor in condemning
    // Mordor"). Of a cooperation (CAMEO 05x, 06x) that partner is the target; the act's own
    // object is none ("joined more than 40 nations in condemning Houthi threats" names none).
    // Of any other act (an appeal, a denial, a criticism) the partner acts too and the
    // target is whom the act is aimed at, in the in-phrase or none ("joined Indonesia in
    // calling for all to respect UN premises" appeals to no one).
    const bool cooperation = p.code.starts_with("05") || p.code.starts_with("06");
    roles.object = cooperation ? "actor, with actor" : "in actor";
  } else if (!p.after.empty()) {
    // A pattern that ends with a preposition ("DEPART * FOR") names the phrase of its target
    // first: "departed Accra for Dar es Salaam" is a visit to Tanzania, not to Ghana. Without
    // an actor there, the first actor after the verb, as PETRARCH takes it ("called for a
    // boycott against Osgiliath"). A preposition written as a phrase of its own ("COME *
    // (TO)") is the verb's prepositional phrase, whose actor is the target or there is none:
    // "came to the United States", not "came to power in the Soviet Union".
    std::vector<std::string> marked = p.after;
    marked.push_back("+");
    if (std::string at = ObjectAt(marked, "+"); at.ends_with(" actor") && !at.starts_with("any")) {
      const size_t n = p.after.size();
      const bool phrase = std::find(p.phrases.begin(), p.phrases.end(),
                                    std::pair<size_t, size_t>{n - 1, n}) != p.phrases.end();
      roles.object = phrase ? at : at + ", " + std::string(kDefaultObject);
    }
  }
  for (const std::string& m : missing) {
    roles.untranslated += (roles.untranslated.empty() ? "" : ", ") + m;
  }
  return roles;
}

}  // namespace parley::petrarch
