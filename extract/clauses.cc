#include "extract/clauses.h"

#include <string>

#include "extract/clause_reader.h"
#include "extract/rule_compiled.h"

namespace parley::internal {

ClauseScratch::ClauseScratch() = default;
ClauseScratch::~ClauseScratch() = default;
ClauseScratch::ClauseScratch(ClauseScratch&&) noexcept = default;
ClauseScratch& ClauseScratch::operator=(ClauseScratch&&) noexcept = default;

ClauseScratch::Tables& ClauseScratch::tables() {
  if (tables_ == nullptr) tables_ = std::make_unique<Tables>();
  return *tables_;
}

void AnalyzeClauses(const Tagged& s, const Lexicon& lexicon, ClauseAnalysis* out) {
  out->chunks.clear();
  out->groups.clear();
  out->nominals.clear();
  out->skipped.clear();
  out->chunk_of.clear();
  clause_reader::ClauseReader reader(s, lexicon, out, &out->scratch.tables());
  reader.Run();
}

Modality Stronger(Modality a, Modality b) {
  auto rank = [](Modality m) {
    switch (m) {
      case Modality::kNegated:
        return 4;
      case Modality::kHedged:
        return 3;
      case Modality::kPlanned:
        return 2;
      case Modality::kReported:
        return 1;
      case Modality::kAsserted:
        return 0;
    }
    return 0;
  };
  return rank(a) >= rank(b) ? a : b;
}

std::string UnitsString(const Tagged& s, uint32_t b, uint32_t e) {
  if (b >= e || e > s.units.size()) return {};
  return std::string(s.UnitsText(b, e));
}

namespace {

std::string ChunkString(const Tagged& s, const ClauseAnalysis& a, int c) {
  if (c < 0) return "-";
  const Chunk& chunk = a.chunks[c];
  std::string out = "\"" + UnitsString(s, chunk.begin, chunk.end) + "\"";
  if (!chunk.members.empty()) {
    out += " =";
    for (size_t i = 0; i < chunk.members.size(); ++i) {
      out += (i == 0 ? " " : ", ") + s.mentions[chunk.members[i]].entity->entity.id;
    }
  } else if (chunk.pronoun) {
    out += " (pronoun, unresolved)";
  } else {
    out += " (names no entity";
    if (!chunk.owners.empty()) {
      out += "; owner";
      for (uint32_t m : chunk.owners) {
        const Mention& mention = s.mentions[m];
        if (mention.entity != nullptr) out += " " + mention.entity->entity.id;
      }
    }
    out += ")";
  }
  return out;
}

void DescribeGroup(const Tagged& s, const Lexicon& lexicon, const ClauseAnalysis& a,
                   const VerbGroup& g, std::string* result);

}  // namespace

std::string DescribeClauses(const Tagged& s, const Lexicon& lexicon, const ClauseAnalysis& a) {
  std::string out;
  for (const SkippedSpan& k : a.skipped) {
    out += "  skipped \"" + UnitsString(s, k.begin, k.end) + "\" (" + k.why + ")\n";
  }
  for (const VerbGroup& g : a.groups) DescribeGroup(s, lexicon, a, g, &out);
  for (const VerbGroup& g : a.nominals) DescribeGroup(s, lexicon, a, g, &out);
  return out;
}

namespace {

void DescribeGroup(const Tagged& s, const Lexicon& lexicon, const ClauseAnalysis& a,
                   const VerbGroup& g, std::string* result) {
  std::string& out = *result;
  if (g.nominal) {
    out += "  noun group \"" + UnitsString(s, g.begin, g.end) +
           "\": " + UnitsString(s, g.verbs[0].unit, g.verbs[0].unit + 1) + " (" +
           std::string(ModalityName(g.verbs[0].modality)) + ")\n";
    out += "    subject " + ChunkString(s, a, g.subject);
    if (!g.subject_via.empty()) out += " [" + g.subject_via + "]";
    out += "\n";
    if (g.object >= 0) out += "    object " + ChunkString(s, a, g.object) + "\n";
    for (const PrepPhrase& pp : g.preps) {
      out +=
          "    " + UnitsString(s, pp.prep, pp.prep + 1) + " " + ChunkString(s, a, pp.chunk) + "\n";
    }
    return;
  }
  {
    out += "  verb group \"" + UnitsString(s, g.begin, g.end) + "\":";
    for (const GroupVerb& v : g.verbs) {
      out += " ";
      for (size_t i = 0; i < v.verbs.size(); ++i) {
        out += (i == 0 ? "" : "|") + std::string(lexicon.Lemma(v.verbs[i]));
      }
      out += " (" + std::string(v.passive ? "passive" : "active") + ", " +
             std::string(ModalityName(v.modality)) + ")";
    }
    if (g.infinitive) out += " infinitive";
    if (g.embedded) {
      out += " in a complement clause (" + std::string(ModalityName(g.embedded_modality)) + ")";
    }
    if (g.conditional) out += " conditional";
    if (g.imperative) out += " imperative (a list item)";
    out += "\n";
    if (g.infinitive && g.subject < 0) return;
    out += "    subject " + ChunkString(s, a, g.subject);
    if (!g.subject_via.empty()) out += " [" + g.subject_via + "]";
    out += "\n";
    if (g.agent >= 0) out += "    by-agent " + ChunkString(s, a, g.agent) + "\n";
    if (g.object >= 0) {
      out += "    object " + ChunkString(s, a, g.object) +
             (g.object_relative ? " [antecedent of a relative clause]" : "") + "\n";
    }
    if (g.second_object >= 0) {
      out += "    second object " + ChunkString(s, a, g.second_object) + "\n";
    }
    for (const PrepPhrase& pp : g.preps) {
      out +=
          "    " + UnitsString(s, pp.prep, pp.prep + 1) + " " + ChunkString(s, a, pp.chunk) + "\n";
    }
    if (g.that_clause != kNoUnit) {
      out += "    that-clause";
      if (g.that_subject >= 0) out += ", its subject " + ChunkString(s, a, g.that_subject);
      out += "\n";
    }
    if (g.to_clause != kNoUnit) out += "    to-infinitive\n";
    for (size_t k = 0; k < g.more_to_clauses.size(); ++k) {
      out += "    to-infinitive (coordinated)\n";
    }
    if (g.quote != kNoUnit) out += "    quotation\n";
  }
}

}  // namespace

}  // namespace parley::internal
