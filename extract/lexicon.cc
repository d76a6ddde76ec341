#include "extract/lexicon.h"

#include <algorithm>

namespace parley::internal {
namespace {

struct ClassWords {
  uint32_t classes;
  std::string_view words;  // space-separated
};

// The closed classes of English, as the clause layer uses them. Multi-token items are not
// here: "as well as", "together with" and the like are recognised by the clause layer itself.
constexpr ClassWords kClosedClasses[] = {
    {kClassDeterminer,
     "the a an this these those any all both each every some no another other such several "
     "many few most more less either neither"},
    {kClassDeterminer | kClassPossessive, "his her its their our my your"},
    {kClassPreposition,
     "of in on at with for from by about against over under between among amid amidst into "
     "onto through throughout during after before since until till without within across "
     "toward towards around near per via despite including regarding concerning upon beyond "
     "behind along alongside following inside outside beside besides except plus versus vs "
     "atop off out up down like unlike as"},
    {kClassTo, "to"},
    {kClassConjunction, "and or but nor"},
    {kClassSubordinator,
     "while whilst because although though whereas if unless when whenever where wherever "
     "as once whether so"},
    {kClassRelative, "who whom whose which"},
    {kClassThat, "that"},
    {kClassPronoun, "he she it they we i you him them us me itself themselves himself herself"},
    {kClassBe, "be is are was were been being am"},
    {kClassHave, "have has had having"},
    {kClassDo, "do does did"},
    {kClassModal, "will would shall should can could may might must cannot"},
    {kClassNegation, "not never"},
    {kClassAdverb,
     "also again still yet already further furthermore now then today tonight yesterday "
     "tomorrow soon later earlier once too even just thus therefore however meanwhile nonetheless "
     "nevertheless moreover ever subsequently previously recently jointly formally "
     "officially publicly reportedly repeatedly quickly firmly strongly fully clearly "
     "immediately finally eventually ultimately instead rather almost nearly only first "
     "together separately unanimously personally directly briefly swiftly successfully "
     "unsuccessfully reluctantly initially originally duly warmly last"},
    {kClassNumber, "one two three four five six seven eight nine ten dozen hundred thousand"},
    {kClassModifier, "former new then late current acting outgoing incoming interim deputy"},
    {kClassStop, "there here"},
    {kClassTime,
     "monday tuesday wednesday thursday friday saturday sunday week weekend month year morning "
     "afternoon evening night"},
    {kClassCalendar, "next last this coming past"},
};

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A one-syllable word ending in a single vowel and a consonant other than w, x, y: "stop".
bool DoublesFinal(std::string_view w) {
  if (w.size() < 3) return false;
  const char last = w.back();
  if (IsVowel(last) || last == 'w' || last == 'x' || last == 'y') return false;
  if (!IsVowel(w[w.size() - 2]) || IsVowel(w[w.size() - 3])) return false;
  int groups = 0;
  bool in_vowel = false;
  for (char c : w) {
    const bool v = IsVowel(c) || c == 'y';
    if (v && !in_vowel) ++groups;
    in_vowel = v;
  }
  return groups == 1;
}

}  // namespace

bool PluralEnding(std::string_view lower) {
  return lower.size() > 3 && lower.back() == 's' && !EndsWith(lower, "ss") &&
         !EndsWith(lower, "us") && !EndsWith(lower, "is");
}

RegularVerbForms RegularForms(std::string_view lemma) {
  const std::string w(lemma);
  RegularVerbForms f;
  const bool consonant_y = w.size() >= 2 && w.back() == 'y' && !IsVowel(w[w.size() - 2]);
  if (EndsWith(w, "s") || EndsWith(w, "x") || EndsWith(w, "z") || EndsWith(w, "ch") ||
      EndsWith(w, "sh") || EndsWith(w, "o")) {
    f.third = w + "es";
  } else if (consonant_y) {
    f.third = w.substr(0, w.size() - 1) + "ies";
  } else {
    f.third = w + "s";
  }
  if (EndsWith(w, "ie")) {
    f.ing = w.substr(0, w.size() - 2) + "ying";
  } else if (EndsWith(w, "e") && !EndsWith(w, "ee") && !EndsWith(w, "ye") && !EndsWith(w, "oe")) {
    f.ing = w.substr(0, w.size() - 1) + "ing";
  } else if (DoublesFinal(w)) {
    f.ing = w + w.back() + "ing";
  } else {
    f.ing = w + "ing";
  }
  if (EndsWith(w, "e")) {
    f.ed = w + "d";
  } else if (consonant_y) {
    f.ed = w.substr(0, w.size() - 1) + "ied";
  } else if (DoublesFinal(w)) {
    f.ed = w + w.back() + "ed";
  } else {
    f.ed = w + "ed";
  }
  return f;
}

Lexicon::Lexicon() {
  for (const ClassWords& c : kClosedClasses) {
    std::string_view rest = c.words;
    while (!rest.empty()) {
      const size_t space = rest.find(' ');
      const std::string_view word = rest.substr(0, space);
      if (!word.empty()) Entry(word)->classes |= c.classes;
      if (space == std::string_view::npos) break;
      rest.remove_prefix(space + 1);
    }
  }
  for (std::string_view w : {"committed", "dedicated", "devoted", "determined", "engaged",
                             "involved", "opposed", "resolved"}) {
    Entry(w)->stative = true;
  }
  // Not "encouraged": "encouraged by Japan to sign" has an agent.
  for (std::string_view w : {"concerned", "alarmed", "troubled", "worried", "disturbed", "dismayed",
                             "appalled", "saddened", "disappointed"}) {
    Entry(w)->experiencer = true;
  }
  for (std::string_view w : {"remain", "remains", "remained"}) Entry(w)->remain = true;
  for (std::string_view w :
       {"remain", "remains", "stay",  "stays",  "seem",  "seems", "appear", "appears",
        "become", "becomes", "stand", "stands", "look",  "looks", "feel",   "feels",
        "get",    "gets",    "grow",  "grows",  "prove", "proves"}) {
    Entry(w)->linking = true;
  }
  for (std::string_view w :
       {"hope", "hopes", "fear", "fears", "concern", "concerns", "belief", "assurance",
        "assurances", "confidence", "expectation", "expectations", "conviction", "optimism"}) {
    Entry(w)->content_noun = true;
  }
}

void Lexicon::IndexVocabulary(TokenTable* vocabulary) {
  std::vector<uint32_t> ids(words_.size() + 1, TokenTable::kAbsent);
  for (uint32_t id = 1; id <= words_.size(); ++id) ids[id] = vocabulary->Intern(words_.Text(id));
  by_vocabulary_.assign(vocabulary->size() + 1, TokenTable::kAbsent);
  for (uint32_t id = 1; id <= words_.size(); ++id) by_vocabulary_[ids[id]] = id;
}

LexEntry* Lexicon::Entry(std::string_view word) {
  const uint32_t id = words_.Intern(word);
  if (entries_.size() < id) entries_.resize(id);
  return &entries_[id - 1];
}

void Lexicon::AddForm(uint32_t verb, std::string_view form, uint8_t bits) {
  if (form.empty()) return;
  LexEntry* e = Entry(form);
  auto it = std::find_if(e->senses.begin(), e->senses.end(),
                         [&](const VerbSense& s) { return s.verb == verb; });
  if (it == e->senses.end()) {
    e->senses.push_back({verb, bits});
  } else {
    it->forms |= bits;
  }
  std::vector<std::string>& forms = forms_[verb];
  if (std::find(forms.begin(), forms.end(), form) == forms.end()) forms.emplace_back(form);
}

std::optional<uint32_t> Lexicon::FindVerb(std::string_view lemma) const {
  const LexEntry* e = Find(lemma);
  if (e == nullptr) return std::nullopt;
  for (const VerbSense& s : e->senses) {
    if ((s.forms & kFormBase) != 0 && lemmas_[s.verb] == lemma) return s.verb;
  }
  return std::nullopt;
}

uint32_t Lexicon::AddVerb(std::string_view lemma, const std::vector<std::string>& third,
                          const std::vector<std::string>& ing, const std::vector<std::string>& ed) {
  uint32_t verb;
  if (std::optional<uint32_t> known = FindVerb(lemma)) {
    verb = *known;
  } else {
    verb = static_cast<uint32_t>(lemmas_.size());
    lemmas_.emplace_back(lemma);
    forms_.emplace_back();
    catenative_.push_back(-1);
    raising_.push_back(-1);
    clause_.push_back(-1);
    clause_bare_.push_back(0);
    infinitive_.push_back(0);
    AddForm(verb, lemma, kFormBase);
  }
  for (const std::string& f : third) AddForm(verb, f, kFormThird);
  for (const std::string& f : ing) AddForm(verb, f, kFormIng);
  for (const std::string& f : ed) AddForm(verb, f, kFormEd);
  return verb;
}

uint32_t Lexicon::Verb(std::string_view lemma) {
  if (std::optional<uint32_t> known = FindVerb(lemma)) return *known;
  const RegularVerbForms f = RegularForms(lemma);
  return AddVerb(lemma, {f.third}, {f.ing}, {f.ed});
}

void Lexicon::AddCompound(const std::vector<std::string>& before, uint32_t verb) {
  for (const CompoundVerb& c : compounds_) {
    if (c.verb == verb && c.before == before) return;
  }
  Entry(before[0])->compounds.push_back(static_cast<uint32_t>(compounds_.size()));
  compounds_.push_back({before, verb});
}

void Lexicon::SetCatenative(uint32_t verb, Modality modality) {
  catenative_[verb] = static_cast<int8_t>(modality);
}

void Lexicon::SetRaising(uint32_t verb, Modality modality) {
  raising_[verb] = static_cast<int8_t>(modality);
}

std::optional<Modality> Lexicon::Raising(uint32_t verb) const {
  if (raising_[verb] < 0) return std::nullopt;
  return static_cast<Modality>(raising_[verb]);
}

void Lexicon::SetCatenativeAdjective(std::string_view word, Modality modality) {
  Entry(word)->adjective_modality = static_cast<int8_t>(modality);
}

std::optional<Modality> Lexicon::Catenative(uint32_t verb) const {
  if (catenative_[verb] < 0) return std::nullopt;
  return static_cast<Modality>(catenative_[verb]);
}

void Lexicon::SetComplementClause(uint32_t verb, Modality modality, bool bare) {
  if (!bare && clause_bare_[verb] != 0) return;  // a clause line wins over a frame
  clause_[verb] = static_cast<int8_t>(modality);
  if (bare) clause_bare_[verb] = 1;
}

void Lexicon::SetInfinitiveComplement(uint32_t verb) { infinitive_[verb] = 1; }

std::optional<Modality> Lexicon::ComplementClause(uint32_t verb) const {
  if (clause_[verb] < 0) return std::nullopt;
  return static_cast<Modality>(clause_[verb]);
}

}  // namespace parley::internal
