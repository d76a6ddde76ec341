#include "extract/rule_compiler.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>
#include <vector>

#include "extract/rule_frames.h"
#include "extract/rule_prefilter.h"

namespace parley::internal {
namespace {

// Patterns whose expression is longer than this are built at compile time (see CompilePattern).
constexpr size_t kLazyRegexBytes = 256 << 10;

// The properties a block takes, in the order error messages list them; a frame's own
// (FrameProperties) come last, from kFramePropertiesFrom on.
constexpr size_t kFramePropertiesFrom = 11;
const std::vector<std::string>& AllowedProperties(const RuleBlock& b, RuleKind kind) {
  // relation, frame, discover, coref
  static const std::array<std::vector<std::string>, 4> kTables = [] {
    const std::vector<std::string> base = {"pattern", "example",      "expect",
                                           "counter", "example-date", "priority"};
    const std::vector<std::string> relation = {"predicate", "plover", "cameo", "modality",
                                               "attach"};
    std::array<std::vector<std::string>, 4> tables;
    for (std::vector<std::string>& table : tables) table = base;
    for (int t : {0, 1}) tables[t].insert(tables[t].end(), relation.begin(), relation.end());
    tables[0].push_back("object-from");
    tables[0].push_back("once");
    tables[1].insert(tables[1].end(), FrameProperties().begin(), FrameProperties().end());
    tables[2].push_back("creates");
    tables[3].push_back("resolve");
    return tables;
  }();
  if (kind == RuleKind::kRelation) return kTables[b.keyword == "frame" ? 1 : 0];
  return kTables[kind == RuleKind::kDiscover ? 2 : 3];
}

RE2::Options PatternOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  return options;
}

}  // namespace

RuleKind RuleKindOf(const RuleBlock& b) {
  return b.keyword == "relation" || b.keyword == "frame" ? RuleKind::kRelation
         : b.keyword == "discover"                       ? RuleKind::kDiscover
                                                         : RuleKind::kCoref;
}

RuleCompiler::RuleCompiler(RuleFiles* files, const SymbolTables& symbols, Lexicon* lexicon)
    : files_(files), symbols_(symbols), lexicon_(lexicon) {}

namespace {

// The word lists `seq` names, directly or through macros, into `names`.
void NamedLists(const PatternSeq& seq, const SymbolTables& symbols, std::set<std::string>* names,
                std::set<std::string>* macros_seen) {
  for (const PatternNode& node : seq) {
    const bool list_slot = node.kind == PatternNode::Kind::kSlot && node.slot == SlotType::kWords;
    if (node.kind == PatternNode::Kind::kRef || list_slot) {
      if (symbols.words.count(node.text) > 0) {
        names->insert(node.text);
      } else if (auto it = symbols.macros.find(node.text);
                 it != symbols.macros.end() && macros_seen->insert(node.text).second) {
        NamedLists(it->second, symbols, names, macros_seen);
      }
    }
    for (const PatternSeq& alt : node.alternatives) NamedLists(alt, symbols, names, macros_seen);
  }
}

}  // namespace

void RuleCompiler::ChooseMarkedLists() {
  std::set<std::string> named, macros_seen;
  for (const auto& [id, block] : symbols_.rule_blocks) {
    for (const RuleProp& p : block->props) {
      if (p.key != "pattern") continue;
      PatternSeq seq;
      PatternError error;
      if (ParsePattern(p.value, &seq, &error)) NamedLists(seq, symbols_, &named, &macros_seen);
    }
  }
  std::vector<std::vector<Cue>> lists;
  for (const std::string& name : named) {  // in name order
    const std::vector<Cue>& items = symbols_.words.at(name).items;
    if (items.size() < kMarkedListItems || !MarkableList(items)) continue;
    if (lists.size() == MarkedLists::kMaxLists) break;
    marked_.emplace(name, static_cast<uint32_t>(lists.size()));
    lists.push_back(items);
  }
  marks_ = MarkedLists(std::move(lists));
}

void RuleCompiler::Compile(CompiledRules* out) {
  ChooseMarkedLists();
  for (auto& [id, block] : symbols_.rule_blocks) {
    Rule rule;
    if (CompileRule(*block, &rule)) out->rules.push_back(std::move(rule));
  }
  for (uint32_t r = 0; r < out->rules.size(); ++r) {
    const Rule& rule = out->rules[r];
    if (rule.kind == RuleKind::kDiscover) out->discover_rules.push_back(r);
    if (rule.kind == RuleKind::kCoref) out->coref_rules.push_back(r);
  }
  // The rules added the last words to the lexicon (frame nouns): its words join the rules'
  // vocabulary, then the pattern words, the last to be interned.
  lexicon_->IndexVocabulary(&out->alias_index.tokens);
  out->marked_lists = marks_;  // IndexPatternWords numbers their first tokens
  IndexPatternWords(out);
  frame_index_.Finish(out);
}

bool RuleCompiler::CompileRule(const RuleBlock& b, Rule* rule) {
  rule->id = b.name;
  rule->where = {files_->path(b.source), b.line};
  rule->imported = b.layer == kImportedLayer;
  rule->kind = RuleKindOf(b);
  const std::vector<std::string>& allowed = AllowedProperties(b, rule->kind);
  std::shared_ptr<Frame> frame;
  if (b.keyword == "frame") frame = std::make_shared<Frame>();
  bool ok = true;
  bool have_resolve = false, have_creates = false;
  for (const RuleProp& p : b.props) {
    const std::string_view k = p.key;
    const size_t which = std::find(allowed.begin(), allowed.end(), k) - allowed.begin();
    if (which == allowed.size()) {
      files_->UnknownProperty(b, p, allowed);
      ok = false;
      continue;
    }
    if (p.value.empty()) {
      files_->Error(b, p, p.key_col, "property '" + std::string(k) + "' needs a value");
      ok = false;
      continue;
    }
    if (frame != nullptr && which >= kFramePropertiesFrom) {
      if (!CompileFrameProperty(files_, symbols_, b, p, lexicon_, &refine_lists_, frame.get())) {
        ok = false;
      }
      continue;
    }
    if (k == "pattern") {
      CompiledPattern pattern;
      if (CompilePattern(b, p, rule->kind, &pattern)) {
        rule->patterns.push_back(std::move(pattern));
      } else {
        ok = false;
      }
    } else if (k == "predicate") {
      bool good = p.value[0] >= 'a' && p.value[0] <= 'z';
      for (char c : p.value)
        good = good && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
      if (!good) {
        files_->Error(
            b, p, p.value_col,
            "predicate '" + std::string(p.value) + "' must be lower_snake_case (e.g. met_with)");
        ok = false;
      }
      rule->predicate = p.value;
    } else if (k == "plover") {
      rule->plover = p.value;
    } else if (k == "cameo") {
      rule->cameo = p.value;
    } else if (k == "modality") {
      Result<Modality> m = ParseModality(p.value);
      if (!m.ok()) {
        files_->Error(b, p, p.value_col, m.status().message());
        ok = false;
      } else {
        rule->modality = *m;
      }
    } else if (k == "attach") {
      rule->attach_time = rule->attach_place = rule->attach_event = false;
      rule->attach_document_date = false;
      if (p.value == "none") continue;
      for (const auto& [item, col] : SplitList(p.value, p.value_col)) {
        if (item == "time") {
          rule->attach_time = true;
        } else if (item == "place") {
          rule->attach_place = true;
        } else if (item == "event") {
          rule->attach_event = true;
        } else if (item == "document-date") {
          rule->attach_document_date = true;
        } else {
          files_->Error(
              b, p, col,
              "cannot attach '" + item + "' (expected time, place, event, document-date or none)");
          ok = false;
        }
      }
    } else if (k == "object-from" || k == "once") {
      // Each takes one value so far; the property names the behaviour it switches on.
      const bool object_from = k == "object-from";
      const std::string_view want = object_from ? "role" : "document";
      if (p.value != want) {
        files_->Error(
            b, p, p.value_col,
            (object_from ? "cannot take the object from '" : "cannot state a claim once per '") +
                std::string(p.value) + "' (expected " + std::string(want) + ")");
        ok = false;
      }
      (object_from ? rule->object_from_role : rule->once_per_document) = true;
    } else if (k == "priority") {
      if (!ParseInt(p.value, &rule->priority)) {
        files_->Error(b, p, p.value_col,
                      "priority must be an integer, not '" + std::string(p.value) + "'");
        ok = false;
      }
    } else if (k == "example" || k == "counter") {
      SelfTest test;
      test.counter = k == "counter";
      test.sentence = p.value;
      test.line = p.line;
      rule->tests.push_back(std::move(test));
    } else if (k == "expect") {
      if (rule->tests.empty() || rule->tests.back().counter) {
        files_->Error(b, p, p.key_col, "'expect' must follow an 'example'");
        ok = false;
        continue;
      }
      rule->tests.back().expects.emplace_back(p.line, p.value);
    } else if (k == "example-date") {
      if (const std::string problem = DateProblem(p.value); !problem.empty()) {
        files_->Error(b, p, p.value_col, problem);
        ok = false;
      }
      rule->example_date = p.value;
    } else if (k == "creates") {
      Result<EntityType> type = ParseEntityType(p.value);
      if (!type.ok()) {
        files_->Error(b, p, p.value_col, type.status().message());
        ok = false;
      } else {
        rule->creates = *type;
        have_creates = true;
      }
    } else if (k == "resolve") {
      have_resolve = true;
      if (p.value == "role") {
        rule->resolve_role = true;
      } else if (p.value.rfind("previous-", 0) == 0 && ParseEntityType(p.value.substr(9)).ok()) {
        rule->resolve_previous = *ParseEntityType(p.value.substr(9));
      } else if (p.value.rfind("named-", 0) == 0 && ParseEntityType(p.value.substr(6)).ok()) {
        rule->resolve_named = true;
        rule->resolve_previous = *ParseEntityType(p.value.substr(6));
      } else {
        files_->Error(b, p, p.value_col,
                      "unknown resolve '" + std::string(p.value) +
                          "' (expected role, previous-TYPE or named-TYPE, e.g. previous-person)");
        ok = false;
      }
    }
  }
  auto missing = [&](const char* what) {
    files_->Error(b.source, b.line, b.name_col,
                  b.keyword + " '" + b.name + "' has no '" + what + "'");
    ok = false;
  };
  const bool had_pattern_prop = std::any_of(b.props.begin(), b.props.end(),
                                            [](const RuleProp& p) { return p.key == "pattern"; });
  if (frame != nullptr) {
    if (frame->verbs.empty()) missing("verb");
    // A frame whose text is a that-clause names verbs that take one: what is said inside it
    // is reported.
    if (std::any_of(frame->text.begin(), frame->text.end(),
                    [](const TextFiller& f) { return f.kind == TextFiller::Kind::kThat; })) {
      for (const FrameVerb& v : frame->verbs) {
        lexicon_->SetComplementClause(v.verb, Modality::kReported, /*bare=*/false);
      }
    }
    // A frame whose text is a to-infinitive names verbs that take one as their content.
    if (std::any_of(frame->text.begin(), frame->text.end(), [](const TextFiller& f) {
          return f.kind == TextFiller::Kind::kTo || f.kind == TextFiller::Kind::kInfinitive;
        })) {
      for (const FrameVerb& v : frame->verbs) lexicon_->SetInfinitiveComplement(v.verb);
    }
    // A frame that names "have" ("had talks with"): its one-word object words make a form of
    // "have" before them the main verb of its group (LexEntry::light_object).
    for (const FrameVerb& v : frame->verbs) {
      const LexEntry* lemma = lexicon_->Find(lexicon_->Lemma(v.verb));
      if (lemma == nullptr || (lemma->classes & kClassHave) == 0) continue;
      for (const Cue& cue : frame->object_words) {
        if (cue.tokens.size() == 1 && !cue.prefix) lexicon_->AddLightObject(cue.tokens[0]);
      }
    }
    for (const FrameVerb& v : frame->verbs) frame->verb_ids.push_back(v.verb);
    std::sort(frame->verb_ids.begin(), frame->verb_ids.end());
    frame->verb_ids.erase(std::unique(frame->verb_ids.begin(), frame->verb_ids.end()),
                          frame->verb_ids.end());
    frame_index_.NumberWords(frame.get());
    rule->frame = std::move(frame);
  } else if (!had_pattern_prop) {
    missing("pattern");
  }
  if (rule->kind == RuleKind::kRelation && rule->predicate.empty()) missing("predicate");
  if (rule->kind == RuleKind::kDiscover && !have_creates) missing("creates");
  if (rule->kind == RuleKind::kCoref && !have_resolve) missing("resolve");
  return ok;
}

bool RuleCompiler::CompilePattern(const RuleBlock& b, const RuleProp& p, RuleKind kind,
                                  CompiledPattern* out) {
  PatternSeq seq;
  PatternError error;
  if (!ParsePattern(p.value, &seq, &error)) {
    files_->Error(b, p, p.value_col + error.offset, error.message);
    return false;
  }
  EmittedPattern emitted;
  PatternScope scope = symbols_.Scope();
  scope.marked = &marked_;
  scope.marks = &marks_;
  if (!EmitPattern(seq, scope, kind, /*in_macro=*/false, &emitted, &error)) {
    if (error.offset >= 0) files_->Error(b, p, p.value_col + error.offset, error.message);
    if (error.offset < 0) {
      files_->Error(b, p, p.value_col, "pattern uses a macro that has errors (see above)");
    }
    return false;
  }
  auto has = [&](SlotRole role) {
    return std::any_of(emitted.captures.begin(), emitted.captures.end(),
                       [&](const SlotCapture& c) { return c.role == role; });
  };
  if (kind == RuleKind::kRelation && !has(SlotRole::kSubject)) {
    files_->Error(b, p, p.value_col,
                  "pattern binds no subject (add a slot such as {actor:subject})");
    return false;
  }
  if (kind == RuleKind::kDiscover && !has(SlotRole::kLabel)) {
    files_->Error(b, p, p.value_col, "discover pattern binds no label (add {name:label})");
    return false;
  }
  const bool resolves_role = std::any_of(b.props.begin(), b.props.end(), [](const RuleProp& q) {
    return q.key == "resolve" && q.value == "role";
  });
  if (kind == RuleKind::kCoref && resolves_role && !has(SlotRole::kOffice)) {
    files_->Error(b, p, p.value_col, "a 'resolve role' pattern must bind office");
    return false;
  }
  // Emitted expressions are always well formed, so RE2 can refuse one only for its size
  // (PatternOptions' max_mem, millions of instructions; the default rules' largest is 9,300
  // from 16 KB): those far past the largest in use are built now, to report the error here.
  const bool build_now = emitted.regex.size() > kLazyRegexBytes;
  auto program = programs_.find(emitted.regex);
  if (program == programs_.end()) {
    LazyRegex re(emitted.regex, PatternOptions());
    program = programs_.emplace(std::move(emitted.regex), std::move(re)).first;
  }
  out->re = program->second;
  if (build_now && !out->re->ok()) {
    files_->Error(b, p, p.value_col, "pattern does not compile: " + out->re->error());
    return false;
  }
  if (!emitted.marked_regex.empty()) {
    // Shorter than `re` (a marked list is a few instructions per item length): RE2 takes it
    // when it takes `re`.
    auto marked = programs_.find(emitted.marked_regex);
    if (marked == programs_.end()) {
      LazyRegex re(emitted.marked_regex, PatternOptions());
      marked = programs_.emplace(std::move(emitted.marked_regex), std::move(re)).first;
    }
    out->marked = marked->second;
  }
  out->captures = std::move(emitted.captures);
  out->required_bits = std::move(emitted.required_bits);
  out->required_words = std::move(emitted.required_words);
  out->required_any = std::move(emitted.required_any);
  out->start_bits = emitted.start_bits;
  out->start_words = std::move(emitted.start_words);
  out->start_name = emitted.start_name;
  out->second_bits = emitted.second_bits;
  out->second_words = std::move(emitted.second_words);
  out->second_name = emitted.second_name;
  out->then = std::move(emitted.then);
  out->capture_units = std::move(emitted.capture_units);
  out->cased = emitted.cased;
  ChooseAnchors(out);
  out->line = p.line;
  out->source = p.value;
  return true;
}

}  // namespace parley::internal
