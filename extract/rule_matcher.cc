#include "extract/rule_matcher.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include "base/memory.h"
#include "extract/document_labels.h"
#include "extract/mention_rules.h"
#include "extract/mentions.h"
#include "extract/name_discovery.h"
#include "extract/normalize.h"
#include "extract/participants.h"
#include "extract/prepare.h"
#include "extract/rule_compiled.h"
#include "extract/rule_prefilter.h"
#include "extract/scratch_pool.h"
#include "extract/sectors.h"
#include "extract/statements.h"
#include "extract/tagged_sentence.h"
#include "extract/time_context.h"

namespace parley {
namespace {

using internal::DocState;
using internal::EntityDef;
using internal::Mention;
using internal::MentionKind;
using internal::Tagged;
using internal::Unit;

// One document's analysis: tagging, discovery, coreference, then relations, sentence by
// sentence (the stages of rules/README.md section 10).
class Analyzer {
 public:
  Analyzer(const RuleSet& rules, std::string_view doc_date, bool trace,
           std::string_view only_relation, std::string_view url, bool entities)
      : only_relation_(only_relation),
        url_(url),
        entities_(entities),
        doc_{rules.compiled(), std::string(doc_date), trace, {}, {}, {}},
        prefilter_(rules.compiled()),
        words_(&rules.compiled().alias_index.tokens) {}

  DocumentAnalysis Run(const std::vector<SentenceInput>& units) {
    DocumentAnalysis out;
    out.sentences.resize(units.size());
    RunWindow(units, &out,
              [&out](size_t i, SentenceAnalysis&& sa) { out.sentences[i] = std::move(sa); });
    if (entities_) Entities(&out);
    return out;
  }

  // Analyses `units` in windows of whole paragraphs (AnalyzeInWindows in rule_matcher.h).
  DocumentAnalysis RunWindows(const std::vector<SentenceInput>& units, size_t window_bytes,
                              const WindowSink& sink) {
    DocumentAnalysis out;
    std::optional<SentenceInput> title;
    size_t n = units.size();
    if (n > 0 && units[n - 1].title) title = units[--n];
    std::vector<SentenceInput> window;
    if (n == 0 && title) {
      window.push_back(*title);
      RunWindow(window, &out, [](size_t, SentenceAnalysis&&) {});
    }
    size_t begin = 0;
    while (begin < n) {
      size_t end = begin;
      size_t bytes = 0;
      // Whole paragraphs while they fit; a paragraph over the window alone is cut between
      // units.
      while (end < n) {
        size_t paragraph_end = end + 1;
        size_t paragraph_bytes = units[end].text.size();
        while (paragraph_end < n && units[paragraph_end].paragraph == units[end].paragraph) {
          paragraph_bytes += units[paragraph_end].text.size();
          ++paragraph_end;
        }
        if (end > begin && bytes + paragraph_bytes > window_bytes) break;
        if (end == begin && paragraph_bytes > window_bytes) {
          while (end < paragraph_end &&
                 (end == begin || bytes + units[end].text.size() <= window_bytes)) {
            bytes += units[end++].text.size();
          }
          break;
        }
        bytes += paragraph_bytes;
        end = paragraph_end;
      }
      window.assign(units.begin() + static_cast<ptrdiff_t>(begin),
                    units.begin() + static_cast<ptrdiff_t>(end));
      if (title) window.push_back(*title);
      count_title_ = begin == 0;
      std::vector<std::vector<Statement>> statements(end - begin);
      RunWindow(window, &out, [&](size_t i, SentenceAnalysis&& sa) {
        if (i < end - begin) statements[i] = std::move(sa.statements);
      });
      for (size_t i = 0; i < statements.size() && !discarded_; ++i) {
        sink(begin + i, std::move(statements[i]));
      }
      statements = {};
      // The window's analysis is freed: without this the process would keep the peak of every
      // window (extract/pipeline.cc does the same between documents).
      ReleaseFreedMemory();
      begin = end;
    }
    out.discarded = discarded_;
    if (entities_) Entities(&out);
    return out;
  }

 private:
  // One window of units (the whole document, or a run of its paragraphs with the title after
  // them): tagging, discovery, coreference, relations. Statements go to `emit` with the unit's
  // index in `units`; discoveries and corefs to `out`. What a window learns of the document
  // (its local names and aliases, sector groups, lower-case words, entity counts, a discard
  // phrase) stays for the windows after it.
  void RunWindow(const std::vector<SentenceInput>& units, DocumentAnalysis* out,
                 const std::function<void(size_t, SentenceAnalysis&&)>& emit) {
    // The thread's sentences of earlier windows, their buffers kept (ClearForReuse).
    std::vector<Tagged> tagged = internal::ScratchPool<std::vector<Tagged>, 1>::Take();
    const size_t reused = std::min(tagged.size(), units.size());
    tagged.resize(units.size());
    for (size_t i = 0; i < reused; ++i) internal::ClearForReuse(&tagged[i]);
    // Each unit's relative dates resolve against the narrative so far (extract/time_context.h).
    TimeContext dating(doc_.doc_date);
    for (size_t i = 0; i < units.size(); ++i) {
      dating.StartUnit(units[i].paragraph, !units[i].relational);
      internal::Tag(doc_, units[i].text, dating.reference(), &tagged[i]);
      tagged[i].marked_lists = &doc_.rules.marked_lists;  // the patterns may read marks
      dating.AddDates(tagged[i].dates);
      const std::optional<TimeValue> when = dating.UnitTime();
      tagged[i].date = when ? when->value : std::string();
      internal::ApplyEras(doc_, &tagged[i]);
    }
    // Discovery's word lookups, kept for the coreference pass, or empty when the sentence was
    // tagged again in between.
    std::vector<std::pair<uint32_t, uint32_t>> kept(units.size());
    const bool shapes = !doc_.rules.names.empty();
    if (shapes) {
      for (const Tagged& s : tagged) words_.AddUnit(s.text, s.lower, s.tokens, s.words);
      doc_.words = &words_;
      // An imported person's full name inside another person's (document_labels.h).
      labels_.DropOtherPeople(tagged, &doc_, out);
      for (size_t i = 0; i < units.size(); ++i) {
        const bool title_like = !units[i].relational || units[i].title;
        internal::DiscoverByShape(tagged[i], title_like, units[i].title, &doc_, out);
      }
    }
    if (!doc_.rules.discover_rules.empty() || shapes) {
      for (size_t i = 0; i < units.size() && !doc_.rules.discover_rules.empty(); ++i) {
        internal::Discover(tagged[i], &prefilter_, &doc_, out);
        kept[i] = prefilter_.Keep();
      }
      if (shapes) {
        std::vector<bool> titles(units.size());
        for (size_t i = 0; i < units.size(); ++i) {
          titles[i] = !units[i].relational || units[i].title;
        }
        internal::LinkShortForms(tagged, titles, &doc_);
      }
      if (!doc_.local_aliases.empty()) {
        for (size_t i = 0; i < units.size(); ++i) {
          if (internal::AddLocalMentions(doc_, &tagged[i], units[i].title)) kept[i] = {};
        }
      }
    }
    // The imported layer's people of common names the document means otherwise, and the text's
    // spellings of its entities (document_labels.h).
    labels_.SeparateNamesakes(tagged, &doc_);
    for (size_t i = 0; i < units.size(); ++i) {
      labels_.Read(doc_, tagged[i], !units[i].relational || units[i].title);
    }
    labels_.Choose();
    prefilter_.Forget();
    // `discard` phrases: a document holding a document one, a sentence holding a sentence one,
    // gives no statements.
    for (size_t i = 0; i < units.size() && !discarded_; ++i) {
      discarded_ = internal::HoldsPhrase(tagged[i], doc_.rules.discard_document);
    }
    internal::DocumentActors actors(doc_);
    doc_.actors = &actors;
    actors.Establish(tagged, units, url_);
    if (doc_.trace) out->actors = actors.DescribeDocument();
    // A speaker label names its speaker in capitals the aliases do not match ("VICE PRESIDENT
    // HARRIS:"): the name is a mention of the person, so the label's title reads as their
    // office at the document's date.
    for (const internal::DocumentActors::SpeakerName& n : actors.speaker_names()) {
      Tagged& s = tagged[n.unit];
      if (std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
            return m.tok_begin < n.tok_end && n.tok_begin < m.tok_end;
          })) {
        continue;
      }
      s.mentions.push_back(internal::EntityMention(doc_, n.person, n.tok_begin, n.tok_end,
                                                   MentionKind::kEntity, "speaker label"));
      std::stable_sort(s.mentions.begin(), s.mentions.end(),
                       [](const Mention& a, const Mention& b) {
                         if (a.tok_begin != b.tok_begin) return a.tok_begin < b.tok_begin;
                         return a.tok_end > b.tok_end;
                       });
      internal::BuildUnits(&s);
      kept[n.unit] = {};
    }
    TimeContext timing(doc_.doc_date);
    doc_.time = &timing;
    // Discovery may have given the document's own entities roles since the last window.
    doc_.actor_codes.Clear();
    for (size_t i = 0; i < units.size(); ++i) {
      Tagged& s = tagged[i];
      actors.Begin(i);
      timing.StartUnit(units[i].paragraph, !units[i].relational);
      timing.AddDates(s.dates);
      prefilter_.Restore(s, kept[i]);
      internal::Coref(&s, std::span<const Tagged>(tagged.data(), i), &prefilter_, doc_, out);
      internal::ApplyEras(doc_, &s);  // what discovery and coreference added
      if (internal::ApplySectors(doc_, &s)) {
        internal::BuildUnits(&s);
        prefilter_.Forget();
      }
      if (entities_ && (count_title_ || !units[i].title)) CountMentions(s);
      // The first unit of a paragraph while a list is open may be one of its items.
      s.list_item = i > 0 && actors.InList() && units[i].paragraph != units[i - 1].paragraph;
      if (units[i].repeat_of >= 0) actors.Repeat(static_cast<size_t>(units[i].repeat_of));
      SentenceAnalysis sa;
      if (units[i].repeat_of < 0 && !discarded_ &&
          !internal::HoldsPhrase(s, doc_.rules.discard_sentence)) {
        internal::Relations(s, &prefilter_, doc_, only_relation_, !units[i].relational, &sa);
      }
      if (doc_.trace) Trace(s, &sa);
      labels_.Relabel(&sa.statements);
      if (entities_) Referenced(sa.statements);
      emit(i, std::move(sa));
    }
    doc_.time = nullptr;
    doc_.actors = nullptr;
    doc_.words = nullptr;
    // The window's sentences go: no lookup of theirs may be taken for a later sentence that
    // happens to get the same address.
    prefilter_.Forget();
    prefilter_.DropKept();
    internal::ScratchPool<std::vector<Tagged>, 1>::Give(std::move(tagged));
  }

  void CountMentions(const Tagged& s) {
    for (const Mention& m : s.mentions) {
      if (m.entity != nullptr) ++counts_[internal::CountedEntity(m.entity)];
    }
    for (const EntityDef* def : s.inner) ++counts_[def];
  }

  // Notes the entities `statements` refer to, which Entities lists even when not mentioned.
  void Referenced(const std::vector<Statement>& statements) {
    for (const Statement& st : statements) {
      for (const EntityRef* ref :
           {&st.subject, st.object ? &*st.object : nullptr, st.recipient ? &*st.recipient : nullptr,
            st.place ? &*st.place : nullptr, st.event ? &*st.event : nullptr}) {
        if (ref != nullptr) referenced_.insert(ref->id);
      }
    }
  }

  // The counted and the referenced entities, by id; each is copied once, into out->entities.
  void Entities(DocumentAnalysis* out) {
    // Keys view the definitions' ids (of the rules or doc_), which outlive this call.
    std::map<std::string_view, std::pair<const EntityDef*, uint64_t>> by_id;
    for (const auto& [def, count] : counts_) by_id[def->entity.id] = {def, count};
    for (const std::string& id : referenced_) {
      if (by_id.count(id) > 0) continue;
      if (const EntityDef* def = doc_.Find(id)) by_id[def->entity.id] = {def, 0};
    }
    out->entities.reserve(out->entities.size() + by_id.size());
    for (const auto& [id, entry] : by_id) {
      Entity& e = out->entities.emplace_back(entry.first->entity);
      e.mentions = entry.second;
      // Most entities come from the rules with their aliases in order already.
      if (!std::is_sorted(e.aliases.begin(), e.aliases.end())) {
        std::sort(e.aliases.begin(), e.aliases.end());
      }
      e.aliases.erase(std::unique(e.aliases.begin(), e.aliases.end()), e.aliases.end());
      labels_.Relabel(&e);
    }
  }

  void Trace(const Tagged& s, SentenceAnalysis* out) {
    for (const Mention& m : s.mentions) {
      MentionTrace t;
      t.bytes = {s.tokens[m.tok_begin].begin, s.tokens[m.tok_end - 1].end};
      t.text = std::string(s.Range(m.tok_begin, m.tok_end));
      t.kind = std::string(internal::MentionKindName(m.kind));
      if (m.entity != nullptr) {
        t.entity_id = m.entity->entity.id;
        t.label = m.entity->entity.label;
      }
      if (m.acts_as != nullptr) t.acts_as = m.acts_as->entity.id;
      t.via = m.via;
      t.time = m.time;
      out->mentions.push_back(std::move(t));
    }
    std::string tagged;
    for (const Unit& u : s.units) {
      if (!tagged.empty()) tagged += ' ';
      const std::string_view text = s.Range(u.tok_begin, u.tok_end);
      tagged += u.mention >= 0 ? internal::MentionDisplay(s.mentions[u.mention], text)
                               : std::string(text);
    }
    out->tagged = std::move(tagged);
  }

  std::string_view only_relation_;
  std::string_view url_;
  bool entities_;  // build the entity list (AnalyzeSentences' `entities`)
  DocState doc_;
  internal::Prefilter prefilter_;
  std::map<const EntityDef*, uint64_t> counts_;
  std::set<std::string> referenced_;  // entity ids statements refer to
  internal::DocumentWords words_;     // the lower-case words of the windows so far
  internal::DocumentLabels labels_;   // the text's labels of imported entities
  bool discarded_ = false;            // a window held a document `discard` phrase
  bool count_title_ = true;           // count the title unit's mentions (first window only)
};

}  // namespace

DocumentAnalysis AnalyzeSentences(const RuleSet& rules, const std::vector<SentenceInput>& units,
                                  std::string_view doc_date, bool trace,
                                  std::string_view only_relation, std::string_view url,
                                  bool entities) {
  Analyzer analyzer(rules, doc_date, trace, only_relation, url, entities);
  return analyzer.Run(units);
}

DocumentAnalysis AnalyzeInWindows(const RuleSet& rules, const std::vector<SentenceInput>& units,
                                  std::string_view doc_date, std::string_view url,
                                  size_t window_bytes, const WindowSink& sink, bool entities) {
  Analyzer analyzer(rules, doc_date, /*trace=*/false, {}, url, entities);
  return analyzer.RunWindows(units, window_bytes, sink);
}

std::vector<SentenceInput> DocumentUnits(const Document& document, const PreparedDocument& prepared,
                                         std::string* title, bool all_relational) {
  std::vector<SentenceInput> units;
  units.reserve(prepared.sentences.size() + 1);
  for (const PreparedSentence& p : prepared.sentences) {
    units.push_back(all_relational ? SentenceInput{p.text, true, -1, p.paragraph}
                                   : SentenceInput{p.text, p.relational, p.repeat_of, p.paragraph});
  }
  // The title names the people and bodies a readout is about ("Joint Statement ... by German
  // Chancellor Olaf Scholz, ..."), often nowhere else: it gives mentions, never statements,
  // and comes last so that sentence indices stay those of the text.
  const std::string& t = document.info.title;
  title->clear();
  if (!t.empty() && t.size() < (1u << 16)) {
    *title = NormalizeForMatching(t, 0, static_cast<uint32_t>(t.size()),
                                  SyntaxForFormat(document.info.format))
                 .text;
    const uint32_t paragraph = units.empty() ? 0 : units.back().paragraph + 1;
    units.push_back(SentenceInput{*title, /*relational=*/false, -1, paragraph, /*title=*/true});
  }
  return units;
}

}  // namespace parley
