#include "extract/sectors.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "extract/actor_codes.h"
#include "extract/dates.h"
#include "extract/rule_entities.h"

namespace parley::internal {
namespace {

// Prepositions that tie a sector noun to its country: "soldiers from Gondor", "lawmakers in
// Fornost" (at the start of a sentence only), "the government of Gondor".
bool IsCountryPreposition(std::string_view w) { return w == "of" || w == "from" || w == "in"; }

bool IsDeterminer(std::string_view w) { return w == "the" || w == "a" || w == "an"; }

// The mentions the sector pass keeps, in the order it reads them: the sentence's own by their
// index, copied only when the pass changes the sentence (most sentences it leaves alone), and
// the ones it makes.
class MentionList {
 public:
  void Keep(size_t i) { order_.push_back(static_cast<int>(i)); }
  void push_back(Mention&& m) {
    order_.push_back(-1 - static_cast<int>(made_.size()));
    made_.push_back(std::move(m));
  }
  // The list, the kept mentions copied from `mentions`; leaves the made ones moved from.
  std::vector<Mention> Take(const std::vector<Mention>& mentions) {
    std::vector<Mention> out;
    out.reserve(order_.size());
    for (const int k : order_) {
      if (k >= 0) {
        out.push_back(mentions[static_cast<size_t>(k)]);
      } else {
        out.push_back(std::move(made_[static_cast<size_t>(-1 - k)]));
      }
    }
    return out;
  }

 private:
  std::vector<int> order_;  // >= 0: a kept mention's index; < 0: -1 - the made mention's
  std::vector<Mention> made_;
};

// The sectors of a run of sector nouns (SectorPass::Nouns).
struct NounRun {
  std::vector<uint32_t> sectors;
  std::vector<bool> before;
};

// The id of state `state`'s national group of kind `kind`: "group:united-states-officials".
std::string NationalGroupId(const EntityDef& state, std::string_view kind) {
  const std::string& id = state.entity.id;
  return "group:" + id.substr(id.find(':') + 1) + "-" + std::string(kind);
}

class SectorPass {
 public:
  SectorPass(const DocState& doc, Tagged* s) : doc_(doc), rules_(doc.rules), s_(*s) {}

  bool Run() {
    if (rules_.sector_nouns.empty() && !HasDemonym()) return false;
    // A sentence without an owner, a person or a group mention (most) keeps its mentions: every
    // rewrite below starts at one.
    if (std::none_of(s_.mentions.begin(), s_.mentions.end(), [this](const Mention& m) {
          return Owner(m) != nullptr || (m.kind == MentionKind::kEntity && m.entity != nullptr &&
                                         (m.entity->entity.type == EntityType::kPerson ||
                                          m.entity->entity.type == EntityType::kGroup));
        })) {
      return false;
    }
    const uint32_t n = static_cast<uint32_t>(s_.tokens.size());
    mention_at_.assign(n, -1);
    for (size_t i = 0; i < s_.mentions.size(); ++i) {
      const Mention& m = s_.mentions[i];
      if (m.kind == MentionKind::kQuote) continue;
      for (uint32_t t = m.tok_begin; t < m.tok_end; ++t) mention_at_[t] = static_cast<int>(i);
    }
    const std::vector<bool> released = ReleaseGenericGroups();
    MentionList out;
    bool changed = false;
    // The mention each rewrite below makes, one for the pass: a rewrite that succeeds assigns
    // all of it (a failed one may have set its tokens), so none needs a fresh Mention.
    Mention c;
    for (size_t i = 0; i < s_.mentions.size(); ++i) {
      const Mention& m = s_.mentions[i];
      if (released[i] && m.tok_end <= last_end_) continue;  // an owner's nouns now
      const EntityDef* owner = Owner(m);
      // (Tested first: most mentions are no person's, and need no Mention built for it.)
      if (owner == nullptr && m.kind == MentionKind::kEntity && m.entity != nullptr &&
          m.entity->entity.type == EntityType::kPerson) {
        if (PersonsGovernment(m, &c)) {
          last_end_ = c.tok_end;
          out.push_back(std::move(c));
          changed = true;
          continue;
        }
      }
      if (owner == nullptr) {
        out.Keep(i);
        last_end_ = m.tok_end;
        // "Danish media and government": more nouns for a national group's country.
        if (const EntityDef* country = GroupCountry(m)) {
          if (More(country, m.tok_end, &out)) changed = true;
        }
        continue;
      }
      // "MSF Arnor", "an MSF Arnor diplomat": nouns whose code comes first right before it.
      if (FirstCodeBefore(m, owner, &c)) {
        const uint32_t t = c.tok_end;
        out.push_back(std::move(c));
        changed = true;
        last_end_ = t;
        continue;
      }
      // "NOUNS of|from|in [the] OWNER", and the countries coordinated after it; each noun run
      // of "NOUNS and NOUNS of|from|in ..." goes with each country ("Lawmakers and officials in
      // Fornost and Gondor": four actors).
      if (Before(m, owner, &c)) {
        const std::vector<uint32_t> sectors = sectors_;
        const std::vector<bool> before = before_;
        const std::vector<NounRun> more_runs = more_runs_;
        out.push_back(std::move(c));
        changed = true;
        size_t j = i + 1;
        uint32_t t = m.tok_end;
        while (j < s_.mentions.size()) {
          const Mention& next = s_.mentions[j];
          uint32_t u = t;
          if (u < next.tok_begin && (Word(u) == "," || Word(u) == "and" || Word(u) == "or")) ++u;
          if (u < next.tok_begin && Word(u) == "and") ++u;
          if (u < next.tok_begin && Word(u) == "the") ++u;
          const EntityDef* other = u == next.tok_begin && u > t ? Owner(next) : nullptr;
          if (other == nullptr || other->entity.type != EntityType::kState) break;
          Mention member = next;
          if (!Compose(other, sectors, &member, before)) break;
          AddRuns(other, more_runs, &member);
          out.push_back(std::move(member));
          t = next.tok_end;
          ++j;
        }
        i = j - 1;
        last_end_ = t;
        continue;
      }
      // "the Spanish, French, and British governments": each demonym before the last of the
      // list takes the nouns after it (the last one takes them below).
      if (ListMember(m, owner, &c)) {
        out.push_back(std::move(c));
        changed = true;
        last_end_ = m.tok_end;
        continue;
      }
      // "OWNER['s] [modifiers] NOUNS", then "and NOUNS" for the same owner.
      if (After(m, owner, &c)) {
        const uint32_t t = c.tok_end;
        out.push_back(std::move(c));
        changed = true;
        last_end_ = t;
        More(owner, t, &out);
        continue;
      }
      // "French government", "Government of Japan": a state alias holding a sector noun.
      if (Inner(m, owner, &c)) {
        out.push_back(std::move(c));
        changed = true;
        last_end_ = m.tok_end;
        continue;
      }
      if (BareDemonym(m, &c)) {
        out.push_back(std::move(c));
        changed = true;
      } else if (PluralDemonym(m)) {
        // "Americans to come together": a plural demonym names its state only as "the
        // Syrians"; elsewhere it stays a word, as before the plural was known.
        changed = true;
        continue;
      } else {
        out.Keep(i);
      }
      last_end_ = m.tok_end;
    }
    if (!changed) return false;
    std::vector<Mention> mentions = out.Take(s_.mentions);
    // Compounds starting before their owner took over words only; keep the order by token.
    std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
      if (a.tok_begin != b.tok_begin) return a.tok_begin < b.tok_begin;
      return a.tok_end > b.tok_end;
    });
    s_.mentions = std::move(mentions);
    return true;
  }

 private:
  std::string_view Word(uint32_t t) const {
    return t < s_.tokens.size() ? s_.LowerToken(t) : std::string_view();
  }

  // The sector nouns that start with token t's word (longest first), or null for none. Most
  // tokens are turned away by their vocabulary id (CompiledRules::sector_noun_ids), without
  // hashing their text. REQUIRES: t < s_.tokens.size().
  const std::vector<SectorNoun>* NounsStartingAt(uint32_t t) const {
    if (s_.words.size() == s_.tokens.size()) {
      const uint32_t id = s_.words[t];
      if (id != TokenTable::kAbsent && id < rules_.sector_noun_ids.size() &&
          rules_.sector_noun_ids[id] == 0) {
        return nullptr;
      }
    }
    auto it = rules_.sector_nouns.find(Word(t));
    return it == rules_.sector_nouns.end() ? nullptr : &it->second;
  }

  bool HasDemonym() const {
    for (const Mention& m : s_.mentions) {
      if (m.kind == MentionKind::kDemonym) return true;
    }
    return false;
  }

  // The country or organization a mention can give a sector to, or null.
  // A generic group of no country ("officials", "government officials": groups.rules) right
  // after an owner, its words all sector nouns, is that owner's nouns ("Mexican government
  // officials", "senior Government of Mexico officials", "U.S. officials"): its tokens are
  // freed for the owner's composition. Returns, per mention, whether it was freed.
  std::vector<bool> ReleaseGenericGroups() {
    std::vector<bool> released(s_.mentions.size(), false);
    for (size_t i = 1; i < s_.mentions.size(); ++i) {
      const Mention& m = s_.mentions[i];
      const Mention& prev = s_.mentions[i - 1];
      if (m.kind != MentionKind::kEntity || m.entity == nullptr || prev.tok_end != m.tok_begin ||
          Owner(prev) == nullptr) {
        continue;
      }
      // So is a body of another country named by a sector noun alone: "The Chilean Congress"
      // is Chile's legislature, not the U.S. Congress that "Congress" alone names.
      const auto country = m.entity->entity.attributes.find("country");
      const bool generic = m.entity->entity.type == EntityType::kGroup &&
                           country == m.entity->entity.attributes.end();
      const bool foreign = m.entity->entity.type == EntityType::kOrganization &&
                           prev.kind == MentionKind::kDemonym &&
                           country != m.entity->entity.attributes.end() &&
                           country->second != Owner(prev)->entity.id;
      if (!generic && !foreign) continue;
      for (uint32_t t = m.tok_begin; t < m.tok_end; ++t) mention_at_[t] = -1;
      if (Nouns(m.tok_begin) == m.tok_end) {
        released[i] = true;
        continue;
      }
      for (uint32_t t = m.tok_begin; t < m.tok_end; ++t) mention_at_[t] = static_cast<int>(i);
    }
    sectors_.clear();
    return released;
  }

  const EntityDef* Owner(const Mention& m) const {
    if (m.entity == nullptr || m.entity->view_of != nullptr) return nullptr;
    if (m.kind != MentionKind::kEntity && m.kind != MentionKind::kDemonym) return nullptr;
    const EntityType type = m.entity->entity.type;
    if (type == EntityType::kState || type == EntityType::kOrganization) return m.entity;
    if (m.acts_as != nullptr && m.acts_as->entity.type == EntityType::kState) return m.acts_as;
    return nullptr;
  }

  // The country of a national group mention ("Danish media": Denmark), or null.
  const EntityDef* GroupCountry(const Mention& m) const {
    return m.kind == MentionKind::kEntity ? doc_.StateOfGroup(m.entity) : nullptr;
  }

  // "... and NOUNS" after an actor of `owner` ending at token `t`: each a mention of `owner`
  // with those sectors, appended to `out`. Returns whether it added any.
  bool More(const EntityDef* owner, uint32_t t, MentionList* out) {
    bool added = false;
    while (t + 1 < s_.tokens.size() && (Word(t) == "and" || Word(t) == ",") &&
           mention_at_[t + 1] < 0) {
      const uint32_t end = Nouns(t + 1);
      if (end == t + 1 || NameFollows(end)) break;
      // "Danish media and government officials of ..." is no list of this owner's sectors.
      if (end < s_.tokens.size() && IsCountryPreposition(Word(end))) break;
      Mention more;
      more.tok_begin = t + 1;
      more.tok_end = end;
      if (!Compose(owner, sectors_, &more, before_)) break;
      out->push_back(std::move(more));
      added = true;
      t = end;
      last_end_ = t;
    }
    return added;
  }

  // The end of the longest run of sector nouns from token `t` (t itself when none), with their
  // sectors in sectors_.
  uint32_t Nouns(uint32_t t) {
    sectors_.clear();
    before_.clear();
    while (t < s_.tokens.size() && mention_at_[t] < 0) {
      const std::vector<SectorNoun>* nouns = NounsStartingAt(t);
      if (nouns == nullptr) break;
      uint32_t matched = 0;
      for (const SectorNoun& noun : *nouns) {
        const uint32_t len = static_cast<uint32_t>(noun.tokens.size());
        if (t + len > s_.tokens.size()) continue;
        bool same = true;  // its first token is token t's word (the bucket's key)
        for (uint32_t k = 1; k < len && same; ++k) {
          same = mention_at_[t + k] < 0 && Word(t + k) == noun.tokens[k];
        }
        if (!same) continue;
        matched = len;
        if (sectors_.empty() || sectors_.back() != noun.sector) {
          sectors_.push_back(noun.sector);
          before_.push_back(noun.before);
        }
        break;  // longest first
      }
      if (matched == 0) break;
      t += matched;
    }
    return t;
  }

  // A name after a noun makes it a title ("President Vladimir Putin", "minister Calimehtar",
  // "Prime Minister-Designate Anthony Albanese": a hyphened word joined to the noun is skipped).
  bool NameFollows(uint32_t t) const {
    while (t + 1 < s_.tokens.size() && Word(t) == "-" && !s_.tokens[t].space_before &&
           !s_.tokens[t + 1].space_before) {
      t += 2;
    }
    if (t >= s_.tokens.size()) return false;
    if (mention_at_[t] >= 0) {
      const Mention& m = s_.mentions[mention_at_[t]];
      return m.entity != nullptr && m.kind != MentionKind::kDemonym &&
             m.entity->entity.type == EntityType::kPerson;
    }
    const std::string_view w = s_.TokenText(t);
    if (w.empty() || w[0] < 'A' || w[0] > 'Z') return false;
    const LexEntry* e = rules_.lexicon.Find(Word(t));
    return e == nullptr || e->classes == 0;
  }

  // Nouns [b, t) that end in an office (`actors documents` `offices`, the office-title list)
  // whose apposition names a person are that person's title, as a name right after them is:
  // "Soviet Ambassador to the United States, Anatoly Dobrynin, indicated", "the Soviet
  // ambassador, Dobrynin." (the apposition closed by a comma or the sentence's end). Not a
  // plural ("Israeli officials, Netanyahu said") nor a description ("a U.S. citizen, Asim
  // Ghafoor").
  bool PersonInApposition(uint32_t b, uint32_t t) const {
    // The apposition first: few nouns have one, and the office list is long.
    const uint32_t nouns_end = t;
    const uint32_t n = static_cast<uint32_t>(s_.tokens.size());
    if (t < n && Word(t) == "to") {  // "to the United States"
      ++t;
      if (t < n && mention_at_[t] < 0 && IsDeterminer(Word(t))) ++t;
      if (t >= n || mention_at_[t] < 0) return false;
      const Mention& to = s_.mentions[mention_at_[t]];
      if (to.entity == nullptr || to.entity->entity.type != EntityType::kState) return false;
      t = to.tok_end;
    }
    if (t + 1 >= s_.tokens.size() || Word(t) != "," || mention_at_[t + 1] < 0) return false;
    const Mention& m = s_.mentions[mention_at_[t + 1]];
    if (m.entity == nullptr || m.kind == MentionKind::kDemonym ||
        m.entity->entity.type != EntityType::kPerson) {
      return false;
    }
    if (m.tok_end < s_.tokens.size() && Word(m.tok_end) != "," && Word(m.tok_end) != ".") {
      return false;
    }
    return std::any_of(rules_.actors.offices.begin(), rules_.actors.offices.end(),
                       [&](const Cue& cue) {
                         const uint32_t len = static_cast<uint32_t>(cue.tokens.size());
                         if (cue.prefix || len == 0 || nouns_end < b + len) return false;
                         for (uint32_t k = 0; k < len; ++k) {
                           if (Word(nouns_end - len + k) != cue.tokens[k]) return false;
                         }
                         return true;
                       });
  }

  // Capitalised nouns before "and" or a comma and one of the rules' titles in capitals are a
  // title among others of a person named after them ("Chinese Communist Party Politburo Member
  // and Director of the Office of the Foreign Affairs Commission Yang Jiechi"): the clause
  // layer reads titles. (After a state, SectorNounsAt's `names`, they are its government, as
  // PETRARCH codes "Qatari Deputy Prime Minister and Foreign Minister Al-Thani".)
  bool TitleFollows(uint32_t t) const {
    if (t == 0 || t + 1 >= s_.tokens.size() || (Word(t) != "and" && Word(t) != ",")) return false;
    const std::string_view last = s_.TokenText(t - 1);
    const std::string_view next = s_.TokenText(t + 1);
    if (last.empty() || last[0] < 'A' || last[0] > 'Z' || next.empty() || next[0] < 'A' ||
        next[0] > 'Z' || mention_at_[t + 1] >= 0) {
      return false;
    }
    return rules_.names.titles.LongestAt(s_.words, t + 1) > 0;
  }

  // A noun after the sector nouns makes them its modifiers ("Russia's military build-up",
  // "Iranian military buildup"): a lower-case word the lexicon does not know (verbs, function
  // words and adverbs it knows), or one joined to the next by a hyphen.
  // A word for the people of the sector is no such noun: "Mexican cartel leaders", "Russian
  // military chiefs" are the cartel's and the military's.
  bool NounFollows(uint32_t t) const {
    static constexpr std::string_view kPeople[] = {"leader",  "leaders", "chief",  "chiefs",
                                                   "boss",    "bosses",  "member", "members",
                                                   "figures", "heads"};
    if (t >= s_.tokens.size() || mention_at_[t] >= 0) return false;
    const std::string_view w = s_.TokenText(t);
    if (w.empty() || w[0] < 'a' || w[0] > 'z' || w.ends_with("ly")) return false;
    if (std::find(std::begin(kPeople), std::end(kPeople), w) != std::end(kPeople)) return false;
    if (t + 1 < s_.tokens.size() && Word(t + 1) == "-" && !s_.tokens[t + 1].space_before) {
      return true;
    }
    return rules_.lexicon.Find(Word(t)) == nullptr && NounsStartingAt(t) == nullptr;
  }

  // The end of a name after a title that no rule knows: capitalized words the lexicon does not
  // know and no mention covers ("Prime Minister Falastur"); t when there is none.
  uint32_t UnknownNameEnd(uint32_t t) const {
    const uint32_t start = t;
    while (t + 1 < s_.tokens.size() && Word(t) == "-" && !s_.tokens[t].space_before &&
           !s_.tokens[t + 1].space_before) {
      t += 2;
    }
    const uint32_t begin = t;
    while (t < s_.tokens.size() && mention_at_[t] < 0) {
      const std::string_view w = s_.TokenText(t);
      if (w.empty() || w[0] < 'A' || w[0] > 'Z') break;
      const LexEntry* e = rules_.lexicon.Find(Word(t));
      if (e != nullptr && e->classes != 0) break;
      ++t;
    }
    return t == begin ? start : t;
  }

  // The end of "[modifiers] NOUNS [NAME]" from token `t` that names an actor's sectors (in
  // sectors_), or 0: no sector noun, or one that is a title of a person ("Russian President
  // Vladimir Putin") or a modifier ("Russia's military build-up"). The rank "first" is a
  // modifier ("Dagolath's first Deputy Prime Minister"); with `names` (a state's titles), a
  // title before a name no rule knows takes the name in ("Gondor's Prime Minister Falastur" is
  // Gondor's government, as PETRARCH codes it).
  uint32_t SectorNounsAt(uint32_t t, bool names) {
    while (t < s_.tokens.size() && mention_at_[t] < 0) {
      const LexEntry* e = rules_.lexicon.Find(Word(t));
      if (Word(t) != "first" && (e == nullptr || (e->classes & kClassModifier) == 0)) break;
      ++t;
    }
    const uint32_t end = Nouns(t);
    if (end == t || NounFollows(end) || PersonInApposition(t, end) ||
        (!names && TitleFollows(end))) {
      return 0;
    }
    if (NameFollows(end)) {
      if (!names) return 0;
      const uint32_t name_end = UnknownNameEnd(end);
      if (name_end == end || (name_end < s_.tokens.size() && mention_at_[name_end] >= 0)) return 0;
      return name_end;
    }
    return end;
  }

  // Whether "former" is among tokens [b, e).
  bool FormerIn(uint32_t b, uint32_t e) const {
    for (uint32_t t = b; t < e; ++t) {
      if (Word(t) == "former") return true;
    }
    return false;
  }

  // TABARI's FORMER conversion, CAMEO's elites (ELI: "former government officials"): sector
  // nouns a "former" modifies name their country's elite, whatever their sector ("Arnor former
  // security officials" ARNELI, "former Gondor prosecutors" GONELI, "former Minas Tirith border
  // police" GONELI), as Phoenix codes FORMER_PRESIDENT [~ELI]. Sets sectors_ to the rules'
  // sector of code ELI (before_ to none) and returns true; leaves them when the rules have
  // none.
  bool Elite() {
    for (uint32_t k = 0; k < rules_.sectors.size(); ++k) {
      if (rules_.sectors[k].code != "ELI") continue;
      sectors_.assign(1, k);
      before_.clear();
      return true;
    }
    return false;
  }

  bool After(const Mention& m, const EntityDef* owner, Mention* out) {
    uint32_t t = m.tok_end;
    if (Word(t) == "'" && Word(t + 1) == "s") t += 2;
    // Names only after a state itself or its demonym, not a place acting as it ("White House
    // Public Engagement Director" is no name).
    const uint32_t end =
        SectorNounsAt(t, owner->entity.type == EntityType::kState && m.entity == owner);
    if (end == 0) return false;
    out->tok_begin = m.tok_begin;
    out->tok_end = end;
    // "former Gondor prosecutors", "Arnor former security officials".
    if ((m.tok_begin > 0 && mention_at_[m.tok_begin - 1] < 0 &&
         Word(m.tok_begin - 1) == "former") ||
        FormerIn(t, end)) {
      Elite();
    }
    return Compose(owner, sectors_, out, before_);
  }

  // "the Nixon administration", "the Assad regime": a person before one noun of a sector that
  // is the state itself (no group) acts through it; the mention stays the person's.
  bool PersonsGovernment(const Mention& m, Mention* out) {
    if (m.kind != MentionKind::kEntity || m.entity == nullptr ||
        m.entity->entity.type != EntityType::kPerson || m.tok_begin == 0 ||
        Word(m.tok_begin - 1) != "the" || mention_at_[m.tok_begin - 1] >= 0) {
      return false;
    }
    const uint32_t end = Nouns(m.tok_end);
    if (end != m.tok_end + 1 || sectors_.size() != 1 ||
        !rules_.sectors[sectors_[0]].group.empty() || NameFollows(end) || NounFollows(end)) {
      return false;
    }
    *out = m;
    out->tok_end = end;
    if (doc_.trace)
      out->via = "person's government '" + std::string(s_.Range(m.tok_begin, end)) + "'";
    return true;
  }

  // A country (a state's demonym or name) or an organization that a list of them continues,
  // whose noun comes after the list's last member: this member with that noun's sectors. "the
  // Spanish, French, and British governments", "U.S. and EU officials" (sector nouns after the
  // last member); "American and Japanese officials", "U.S. and Mexican officials" (the last
  // member a national group the rules name: each state before it is its group of that kind,
  // group:united-states-officials, as "American officials" alone is).
  bool ListMember(const Mention& m, const EntityDef* owner, Mention* out) {
    if (!ListOwner(m)) return false;
    const EntityDef* group = nullptr;
    const uint32_t t = OwnerListEnd(m.tok_end, &group);
    if (t == m.tok_end) return false;
    out->tok_begin = m.tok_begin;
    out->tok_end = m.tok_end;
    if (group == nullptr) {
      const uint32_t end = SectorNounsAt(t, false);
      return end != 0 && !AdjectivesJoined(end) && Compose(owner, sectors_, out, before_);
    }
    const auto kind = group->entity.attributes.find("kind");
    if (kind == group->entity.attributes.end()) return false;
    if (owner->entity.type == EntityType::kState) {
      if (const EntityDef* own = doc_.Find(NationalGroupId(*owner, kind->second))) {
        const std::string via = doc_.trace ? "sector " + kind->second + " of the list '" +
                                                 std::string(s_.Range(m.tok_begin, t)) + "'"
                                           : std::string();
        *out = EntityMention(doc_, own, m.tok_begin, m.tok_end, MentionKind::kEntity, via);
        return true;
      }
    }
    const auto sector = rules_.sector_by_group.find(kind->second);
    return sector != rules_.sector_by_group.end() && Compose(owner, {sector->second}, out);
  }

  // Whether the noun phrase that seemed to end at token `t` goes on with a lower-case word
  // joined by "and" or "or" that no rule reads: "Canadian and American public and private
  // financial institutions", where "public" is an adjective, as the word after it is.
  bool AdjectivesJoined(uint32_t t) const {
    const uint32_t n = static_cast<uint32_t>(s_.tokens.size());
    if (t + 1 >= n || mention_at_[t] >= 0 || mention_at_[t + 1] >= 0) return false;
    if (Word(t) != "and" && Word(t) != "or") return false;
    const std::string_view next = s_.TokenText(t + 1);
    if (next.empty() || next[0] < 'a' || next[0] > 'z') return false;
    return !IsDeterminer(Word(t + 1)) && NounsStartingAt(t + 1) == nullptr;
  }

  // A member of a list of countries and organizations that share the noun after the list
  // (ListMember): a state's demonym, or a state or organization named by an abbreviation (capital
  // letters and full stops: "U.S.", "EU", "ROK"), the names that stand before a noun as
  // adjectives. A full name is a member of its own ("the United States and Japanese officials
  // agreed": the United States).
  bool ListOwner(const Mention& m) const {
    if (StateDemonym(m)) return true;
    if (m.kind != MentionKind::kEntity || m.entity == nullptr || m.entity->view_of != nullptr) {
      return false;
    }
    const EntityType type = m.entity->entity.type;
    if (type != EntityType::kState && type != EntityType::kOrganization) return false;
    const std::string_view text = s_.Range(m.tok_begin, m.tok_end);
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
           std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= 'A' && c <= 'Z') || c == '.'; });
  }

  // The end of the list of ListOwner members that continues at token `t` ("and EU", ", French,
  // and British"), or `t` when none does. A national group ending the list ("and Japanese
  // officials": a group with a country and a kind) is its last member, returned in `group`.
  uint32_t OwnerListEnd(uint32_t t, const EntityDef** group) const {
    for (;;) {
      const Mention* listed = NextListed(t);
      if (listed == nullptr) return t;
      const Mention& next = *listed;
      if (ListOwner(next)) {
        t = next.tok_end;
        continue;
      }
      if (GroupCountry(next) != nullptr && next.entity->entity.attributes.count("kind") != 0 &&
          !AdjectivesJoined(next.tok_end)) {
        *group = next.entity;
        return next.tok_end;
      }
      return t;
    }
  }

  bool Inner(const Mention& m, const EntityDef* owner, Mention* out) {
    if (m.kind != MentionKind::kEntity || owner != m.entity ||
        owner->entity.type != EntityType::kState || m.tok_end - m.tok_begin < 2) {
      return false;
    }
    for (const uint32_t t : {m.tok_end - 1, m.tok_begin}) {
      const std::vector<SectorNoun>* nouns = NounsStartingAt(t);
      if (nouns == nullptr) continue;
      for (const SectorNoun& noun : *nouns) {
        if (noun.tokens.size() != 1) continue;
        const SectorDef& sector = rules_.sectors[noun.sector];
        if (!sector.group.empty()) continue;  // only the state itself: "Japanese government"
        out->tok_begin = m.tok_begin;
        out->tok_end = m.tok_end;
        return Compose(owner, {noun.sector}, out);
      }
    }
    return false;
  }

  bool Before(const Mention& m, const EntityDef* owner, Mention* out) {
    // An organization owns lower-case nouns of a group ("the human rights activists of Amnesty
    // International", as "Amnesty International's human rights activists"; not its officials or
    // a title: "the leadership of the G20", "Secretary-General of the United Nations", "the
    // secretary-general of the United Nations"), before "in" and "from" at the start of a
    // sentence only, as a state does ("Former security officials in the White House").
    const bool organization = owner->entity.type == EntityType::kOrganization;
    if (owner->entity.type != EntityType::kState && !organization) return false;
    // An adjective before its noun is no owner after "of": "a delegation of American senators".
    if (m.kind == MentionKind::kDemonym && m.tok_end < s_.tokens.size() &&
        mention_at_[m.tok_end] < 0 && IsWordByte(static_cast<unsigned char>(Word(m.tok_end)[0]))) {
      return false;
    }
    uint32_t t = m.tok_begin;
    if (t >= 1 && Word(t - 1) == "the") --t;
    if (t < 2 || !IsCountryPreposition(Word(t - 1)) || mention_at_[t - 1] >= 0) return false;
    const uint32_t prep = t - 1;
    // "in" and "from" name where, not whose, except at the start of a sentence: "Lawmakers in
    // Fornost welcomed", "Soldiers from Gondor have cordoned off", but "stationed troops in
    // Japan", "withdrew troops from Afghanistan".
    const bool where = Word(prep) == "in" || Word(prep) == "from";
    // The noun run ending right before the preposition, starting as early as it can.
    for (uint32_t start = std::max(last_end_, prep >= 6 ? prep - 6 : 0); start < prep; ++start) {
      if (mention_at_[start] >= 0) continue;
      if (Nouns(start) != prep) continue;
      uint32_t begin = start;
      // "Lawmakers and officials in Fornost": noun runs coordinated before this one are the
      // owner's too; the first of them is the mention's entity, the others more actors.
      NounRun run{sectors_, before_};
      std::vector<NounRun> runs;
      while (begin > last_end_ + 1 && begin == start) {
        uint32_t sep = begin - 1;
        if (Word(sep) != "and" && Word(sep) != "," && Word(sep) != "or") break;
        if (Word(sep) == "and" && sep > last_end_ && Word(sep - 1) == ",") --sep;
        bool found = false;
        for (uint32_t b = std::max(last_end_, sep >= 6 ? sep - 6 : 0); b < sep && !found; ++b) {
          if (mention_at_[b] >= 0 || Nouns(b) != sep) continue;
          runs.insert(runs.begin(), run);
          run = NounRun{sectors_, before_};
          start = begin = b;
          found = true;
        }
        if (!found) break;
      }
      // "Former security officials in Fornost", "the former officials of Gondor": modifiers
      // back to a "former" before the nouns are theirs (Elite). Not in an apposition ("Abe
      // Shinzo, former Prime Minister of Japan,"), left as it was read before.
      bool former = false;
      for (uint32_t b = begin; b > last_end_ && mention_at_[b - 1] < 0; --b) {
        if (Word(b - 1) == "former") {
          if (b >= 2 && Word(b - 2) == ",") break;
          begin = b - 1;
          former = true;
          break;
        }
        const LexEntry* e = rules_.lexicon.Find(Word(b - 1));
        if (e == nullptr || (e->classes & kClassModifier) == 0) break;
      }
      if (former && Elite()) {
        run.sectors = sectors_;
        run.before = before_;
      }
      if (begin > last_end_ && IsDeterminer(Word(begin - 1)) && mention_at_[begin - 1] < 0) {
        --begin;
      }
      if (where && begin > 0) return false;
      // "its troops from Afghanistan" are the subject's.
      if (begin > 0) {
        const LexEntry* e = rules_.lexicon.Find(Word(begin - 1));
        if (e != nullptr && (e->classes & kClassPossessive) != 0) return false;
      }
      // "Taro Kono, the foreign minister of Japan": an apposition names an office.
      if (begin > 0 && Word(begin - 1) == ",") return false;
      if (organization) {
        const auto no_group = [&](uint32_t k) { return rules_.sectors[k].group.empty(); };
        if (std::any_of(run.sectors.begin(), run.sectors.end(), no_group) || !runs.empty()) {
          return false;
        }
        // Nor the end of a hyphened title: "the secretary-general of the United Nations".
        if (start > 0 && Word(start - 1) == "-") return false;
        for (uint32_t k = std::max(start, 1u); k < prep; ++k) {  // a capital opening the sentence
          if (const std::string_view w = s_.TokenText(k);
              !w.empty() && w[0] >= 'A' && w[0] <= 'Z') {
            return false;
          }
        }
      }
      out->tok_begin = begin;
      out->tok_end = m.tok_end;
      sectors_ = run.sectors;
      before_ = run.before;
      more_runs_ = std::move(runs);
      if (!Compose(owner, sectors_, out, before_)) return false;
      AddRuns(owner, more_runs_, out);
      return true;
    }
    return false;
  }

  // A state demonym in the plural ("Syrians": rule_entities.h, PluralDemonym), as a mention:
  // one token, the plural of an adjective.
  bool PluralDemonym(const Mention& m) const {
    if (!StateDemonym(m) || m.tok_end != m.tok_begin + 1) return false;
    const std::string_view text = s_.Range(m.tok_begin, m.tok_end);
    return text.size() > 3 && text.back() == 's' &&
           DemonymTakesPlural(text.substr(0, text.size() - 1));
  }

  // A demonym of a state, as a mention (not yet rewritten).
  static bool StateDemonym(const Mention& m) {
    return m.kind == MentionKind::kDemonym && m.entity != nullptr &&
           m.entity->entity.type == EntityType::kState;
  }

  // True when a determiner opens the phrase of the demonym at token `t`: right before it ("the
  // Japanese"), or before the first of the demonyms it is coordinated with ("the British and
  // French", "the British, French and Italians").
  bool DeterminerOpens(uint32_t t) const {
    for (;;) {
      if (t == 0 || mention_at_[t - 1] >= 0) return false;
      if (IsDeterminer(Word(t - 1))) return true;
      const std::string_view sep = Word(t - 1);
      if (t < 2 || (sep != "and" && sep != "or" && sep != ",")) return false;
      const int prev = mention_at_[t - 2];
      if (prev < 0 || !StateDemonym(s_.mentions[prev]) || s_.mentions[prev].tok_end != t - 1) {
        return false;
      }
      t = s_.mentions[prev].tok_begin;
    }
  }

  // The end of the list of state demonyms that continues at token `t` ("and French", ",
  // French, and British"), or `t` when none does.
  uint32_t ListEnd(uint32_t t) const {
    for (;;) {
      const Mention* next = NextListed(t);
      if (next == nullptr || !StateDemonym(*next)) return t;
      t = next->tok_end;
    }
  }

  // The mention that ", ", "and", "or" or ", and" at token `t` joins to what ends there, or
  // null.
  const Mention* NextListed(uint32_t t) const {
    const uint32_t n = static_cast<uint32_t>(s_.tokens.size());
    uint32_t u = t;
    if (u < n && mention_at_[u] < 0 && Word(u) == ",") ++u;
    if (u < n && mention_at_[u] < 0 && (Word(u) == "and" || Word(u) == "or")) ++u;
    if (u == t || u >= n || mention_at_[u] < 0) return nullptr;
    const Mention& next = s_.mentions[mention_at_[u]];
    return next.tok_begin == u ? &next : nullptr;
  }

  // "the Japanese" before a verb, a preposition or the end of the phrase: the state; so is each
  // demonym of "the British and French".
  bool BareDemonym(const Mention& m, Mention* out) const {
    if (!StateDemonym(m) || m.tok_begin == 0 || !DeterminerOpens(m.tok_begin)) return false;
    const bool own_determiner = IsDeterminer(Word(m.tok_begin - 1));
    // What follows the last demonym of the list decides for all: "the British and French
    // rejected" (states), "the Spanish, French, and British governments" (no bare demonym).
    const uint32_t next = ListEnd(m.tok_end);
    if (next < s_.tokens.size()) {
      if (mention_at_[next] >= 0) return false;
      const std::string_view w = Word(next);
      const bool punctuation =
          w.size() == 1 && std::string_view(",.;:!?)").find(w[0]) != std::string_view::npos;
      const LexEntry* e = rules_.lexicon.Find(w);
      const uint32_t kFollow = kClassPreposition | kClassConjunction | kClassBe | kClassHave |
                               kClassDo | kClassModal | kClassAdverb | kClassTo |
                               kClassSubordinator | kClassRelative | kClassNegation;
      const bool verb = e != nullptr && !e->senses.empty() && (e->classes & ~kClassAdverb) == 0 &&
                        rules_.sector_nouns.count(w) == 0;
      if (!punctuation && !(e != nullptr && (e->classes & kFollow) != 0) && !verb) return false;
    }
    *out = m;
    if (own_determiner) out->tok_begin = m.tok_begin - 1;
    out->kind = MentionKind::kEntity;
    if (doc_.trace)
      out->via = "demonym actor '" + std::string(s_.Range(m.tok_begin, m.tok_end)) + "'";
    return true;
  }

  // "MSF Arnor", "an MSF Arnor diplomat": a run of nouns whose code comes first (`before`)
  // right before the owner's mention, then the nouns after it.
  bool FirstCodeBefore(const Mention& m, const EntityDef* owner, Mention* out) {
    if (m.kind != MentionKind::kEntity) return false;
    const uint32_t b = m.tok_begin;
    for (uint32_t start = std::max(last_end_, b >= 4 ? b - 4 : 0); start < b; ++start) {
      if (mention_at_[start] >= 0 || Nouns(start) != b) continue;
      if (std::find(before_.begin(), before_.end(), false) != before_.end()) return false;
      std::vector<uint32_t> sectors = sectors_;
      std::vector<bool> before = before_;
      uint32_t end = m.tok_end;
      if (const uint32_t e = SectorNounsAt(end, false); e != 0) {
        end = e;
        sectors.insert(sectors.end(), sectors_.begin(), sectors_.end());
        before.insert(before.end(), before_.begin(), before_.end());
      }
      out->tok_begin = start;
      out->tok_end = end;
      return Compose(owner, sectors, out, before);
    }
    return false;
  }

  // Adds to `out` the actors `owner` is with each of `runs` (more noun runs of its phrase).
  void AddRuns(const EntityDef* owner, const std::vector<NounRun>& runs, Mention* out) {
    for (const NounRun& run : runs) {
      Mention more = *out;
      if (Compose(owner, run.sectors, &more, run.before) && more.entity != out->entity &&
          std::find(out->also.begin(), out->also.end(), more.entity) == out->also.end()) {
        out->also.push_back(more.entity);
      }
    }
  }

  // Fills `out` (its token range set) with the actor `owner` with `sectors` is; `before` says
  // per sector whether its code comes before the owner's (empty: none does).
  bool Compose(const EntityDef* owner, const std::vector<uint32_t>& sectors, Mention* out,
               const std::vector<bool>& before = {}) {
    if (sectors.empty()) return false;
    const std::string owner_code = doc_.actor_codes.Get(rules_, *owner, Day());
    std::string first, code = owner_code;
    for (size_t k = 0; k < sectors.size(); ++k) {
      AppendSectorCode(rules_.sectors[sectors[k]].code,
                       k < before.size() && before[k] ? &first : &code);
    }
    code = first + code;
    const SectorDef& head = rules_.sectors[sectors.back()];
    const EntityDef* base = owner;
    if (owner->entity.type == EntityType::kState && !head.group.empty()) {
      base = Group(owner, head);
    }
    const EntityDef* view = View(base, owner_code.empty() ? "" : code);
    const std::string via = doc_.trace
                                ? "sector " + head.code + " '" +
                                      std::string(s_.Range(out->tok_begin, out->tok_end)) + "'"
                                : std::string();
    *out = EntityMention(doc_, view, out->tok_begin, out->tok_end, MentionKind::kEntity, via);
    return true;
  }

  // The group of kind `sector.group` of state `owner`: the rules' group:<state>-<kind>, else one
  // made for the document.
  const EntityDef* Group(const EntityDef* owner, const SectorDef& sector) {
    const std::string& state_id = owner->entity.id;
    const std::string id = NationalGroupId(*owner, sector.group);
    if (const EntityDef* def = doc_.Find(id)) return def;
    EntityDef& def = doc_.sector_defs.emplace_back();
    def.entity.id = id;
    def.entity.type = EntityType::kGroup;
    auto adjective = owner->entity.attributes.find("adjective");
    std::string name = owner->entity.label;
    if (adjective != owner->entity.attributes.end() && !adjective->second.empty()) {
      name = adjective->second.substr(0, adjective->second.find(','));
    }
    def.entity.label = name + " " + sector.label;
    def.entity.attributes["country"] = state_id;
    def.entity.attributes["kind"] = sector.group;
    def.order = 1 << 30;
    doc_.sector_index[id] = &def;
    return &def;
  }

  // `base` presented with `code` (base itself when the code is empty).
  const EntityDef* View(const EntityDef* base, const std::string& code) {
    if (code.empty()) return base;
    const std::string key = "view:" + base->entity.id + '\x1f' + code;
    if (auto it = doc_.sector_index.find(key); it != doc_.sector_index.end()) return it->second;
    EntityDef& def = doc_.sector_defs.emplace_back();
    def.entity.id = base->entity.id;
    def.entity.label = base->entity.label;
    def.entity.type = base->entity.type;
    def.order = base->order;
    def.priority = base->priority;
    def.view_of = base;
    def.view_code = code;
    doc_.sector_index[key] = &def;
    return &def;
  }

  // The document's day for actor codes, read from its date at the first Compose: most
  // sentences compose no sector view, and parsing the date for every sentence cost 0.4 % of
  // the bench slice.
  const std::string& Day() {
    if (!day_read_) {
      if (std::optional<TimeValue> t = ParseIsoDate(doc_.doc_date)) day_ = t->start;
      day_read_ = true;
    }
    return day_;
  }

  const DocState& doc_;
  const CompiledRules& rules_;
  Tagged& s_;
  std::string day_;  // Day()'s
  bool day_read_ = false;
  uint32_t last_end_ = 0;           // the end of the last mention kept
  std::vector<int> mention_at_;     // per token: the mention covering it, or -1
  std::vector<uint32_t> sectors_;   // Nouns' output
  std::vector<bool> before_;        // Nouns' output: per sector, whether its code comes first
  std::vector<NounRun> more_runs_;  // Before's output: the noun runs coordinated before its own
};

}  // namespace

bool ApplySectors(const DocState& doc, Tagged* s) { return SectorPass(doc, s).Run(); }

bool HoldsPhrase(const Tagged& s, const StringMap<std::vector<Cue>>& phrases) {
  if (phrases.empty()) return false;
  const uint32_t n = static_cast<uint32_t>(s.tokens.size());
  for (uint32_t t = 0; t < n; ++t) {
    auto it = phrases.find(s.LowerToken(t));
    if (it == phrases.end()) continue;
    for (const Cue& cue : it->second) {
      const uint32_t len = static_cast<uint32_t>(cue.tokens.size());
      if (t + len > n) continue;
      bool same = true;
      for (uint32_t k = 0; k < len && same; ++k) {
        const std::string_view w = s.LowerToken(t + k);
        const bool last = k + 1 == len;
        same = last && cue.prefix ? w.starts_with(cue.tokens[k]) : w == cue.tokens[k];
      }
      if (same) return true;
    }
  }
  return false;
}

const EntityDef* CountedEntity(const EntityDef* def) {
  return def != nullptr && def->view_of != nullptr ? def->view_of : def;
}

}  // namespace parley::internal
