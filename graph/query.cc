#include "graph/query.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "base/text.h"
#include "graph/predicates.h"
#include "graph/resolve.h"
#include "graph/scan_plan.h"

namespace parley {
namespace {

// Joins that multiply beyond this are almost always a pattern without constants; refuse them
// rather than exhaust memory.
constexpr size_t kMaxRows = 1000000;

// What a statement or a set of bindings holds in memory, roughly: the object and its strings.
size_t ApproxBytes(const Statement& s) {
  size_t bytes = sizeof(Statement) + s.id.size() + s.subject.id.size() + s.subject.label.size() +
                 s.predicate.size() + s.doc.size() + s.sentence.size() + s.rule.size() +
                 s.plover.size() + s.cameo.size() + s.doc_date.size();
  for (const std::optional<EntityRef>* ref : {&s.object, &s.recipient, &s.place, &s.event}) {
    if (*ref) bytes += (*ref)->id.size() + (*ref)->label.size();
  }
  if (s.text) bytes += s.text->size();
  if (s.time) bytes += s.time->value.size() + s.time->start.size() + s.time->end.size();
  return bytes;
}

struct Token {
  std::string text;
  size_t offset = 0;  // byte offset in the query
  bool quoted = false;
};

struct Term {
  bool variable = false;
  std::string name;                     // variable name, or the text as written
  std::string id;                       // resolved entity id (subject/object constants)
  std::vector<std::string> predicates;  // predicate constants
  size_t offset = 0;
};

struct Pattern {
  Term subject, predicate, object;
  std::string text;
};

Status SyntaxError(std::string_view query, size_t offset, std::string_view problem) {
  size_t column = CountCodePoints(query.substr(0, std::min(offset, query.size())));
  std::string message = "column " + std::to_string(column + 1) + ": ";
  message.append(problem);
  message.push_back('\n');
  message.append(query);
  message.push_back('\n');
  message.append(column, ' ');
  message.push_back('^');
  return InvalidArgumentError(std::move(message));
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

Result<std::vector<Token>> Tokenize(std::string_view q) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < q.size()) {
    if (IsSpace(q[i])) {
      ++i;
      continue;
    }
    Token t;
    t.offset = i;
    if (q[i] == '"') {
      size_t close = q.find('"', i + 1);
      if (close == std::string_view::npos) return SyntaxError(q, i, "unterminated quote");
      t.text = std::string(q.substr(i + 1, close - i - 1));
      t.quoted = true;
      i = close + 1;
      if (i < q.size() && !IsSpace(q[i])) {
        return SyntaxError(q, i, "expected a space after the closing quote");
      }
    } else {
      size_t end = i;
      while (end < q.size() && !IsSpace(q[end])) {
        if (q[end] == '"') return SyntaxError(q, end, "a quote may only start a term");
        ++end;
      }
      t.text = std::string(q.substr(i, end - i));
      i = end;
    }
    tokens.push_back(std::move(t));
  }
  return tokens;
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

Result<Term> ParseVariable(std::string_view q, const Token& t) {
  Term term;
  term.variable = true;
  term.offset = t.offset;
  term.name = t.text.substr(1);
  if (term.name.empty() || !std::all_of(term.name.begin(), term.name.end(), IsNameChar)) {
    return SyntaxError(q, t.offset,
                       "a variable is '?' and a name of letters, digits or '_', e.g. ?who");
  }
  return term;
}

// A question word in a subject or object position asks rather than names: "who proposed what"
// is "?who proposed ?what", never the World Health Organization proposing something.
bool IsQuestionWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {"who",  "whom",  "whose", "what", "which",
                                                "when", "where", "why",   "how"};
  const std::string lower = AsciiLower(word);
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

Result<Term> ParseEntityTerm(const Store& store, std::string_view q, const Token& t,
                             std::vector<std::string>* notes) {
  if (!t.quoted && !t.text.empty() && t.text[0] == '?') return ParseVariable(q, t);
  if (!t.quoted && IsQuestionWord(t.text)) {
    Term term;
    term.variable = true;
    term.offset = t.offset;
    term.name = AsciiLower(t.text);
    notes->push_back("'" + t.text + "' read as the variable ?" + term.name +
                     " (a question word); quote it, \"" + t.text + "\", to mean a name");
    return term;
  }
  Term term;
  term.name = t.text;
  term.offset = t.offset;
  PARLEY_ASSIGN_OR_RETURN(term.id, ResolveEntity(store, t.text));
  return term;
}

Result<Term> ParsePredicate(std::string_view q, const Token& t) {
  if (!t.quoted && !t.text.empty() && t.text[0] == '?') return ParseVariable(q, t);
  Term term;
  term.name = t.text;
  term.offset = t.offset;
  size_t start = 0;
  while (true) {
    size_t bar = t.text.find('|', start);
    std::string alt = AsciiLower(TrimSpace(
        std::string_view(t.text).substr(start, bar == std::string::npos ? bar : bar - start)));
    if (alt.empty()) {
      return SyntaxError(q, t.offset + (t.quoted ? 1 : 0) + start,
                         "empty predicate; write alternatives as proposed|offered");
    }
    if (std::find(term.predicates.begin(), term.predicates.end(), alt) == term.predicates.end()) {
      term.predicates.push_back(alt);
    }
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return term;
}

// Resolves the pattern's predicate constants through options.predicates (when set).
Status ResolvePredicates(const QueryOptions& options, Term* predicate,
                         std::vector<std::string>* notes) {
  if (options.predicates == nullptr || predicate->variable) return Status::Ok();
  std::vector<std::string> resolved;
  for (const std::string& word : predicate->predicates) {
    PARLEY_ASSIGN_OR_RETURN(ResolvedPredicate r, ResolvePredicate(*options.predicates, word));
    if (!r.note.empty()) notes->push_back(std::move(r.note));
    for (std::string& p : r.predicates) {
      if (std::find(resolved.begin(), resolved.end(), p) == resolved.end()) {
        resolved.push_back(std::move(p));
      }
    }
  }
  predicate->predicates = std::move(resolved);
  return Status::Ok();
}

Result<std::vector<Pattern>> Parse(const Store& store, std::string_view q,
                                   const QueryOptions& options, std::vector<std::string>* notes) {
  PARLEY_ASSIGN_OR_RETURN(std::vector<Token> tokens, Tokenize(q));
  std::vector<std::vector<Token>> groups(1);
  for (Token& t : tokens) {
    if (!t.quoted && t.text == ".") {
      if (groups.back().empty()) return SyntaxError(q, t.offset, "expected a pattern before '.'");
      groups.emplace_back();
      continue;
    }
    groups.back().push_back(std::move(t));
  }
  if (groups.back().empty()) {
    return SyntaxError(q, q.size(),
                       groups.size() == 1 ? "expected a pattern such as '?who proposed ?what'"
                                          : "expected a pattern after '.'");
  }
  std::vector<Pattern> patterns;
  for (const auto& g : groups) {
    if (g.size() < 3) {
      size_t end = g.back().offset + g.back().text.size() + (g.back().quoted ? 2 : 0);
      return SyntaxError(q, end,
                         g.size() == 1 ? "expected a predicate and an object"
                                       : "expected an object after the predicate");
    }
    if (g.size() > 3) {
      return SyntaxError(q, g[3].offset,
                         "expected ' . ' or the end after the object; quote names with "
                         "spaces, e.g. \"Xi Jinping\"");
    }
    Pattern p;
    PARLEY_ASSIGN_OR_RETURN(p.subject, ParseEntityTerm(store, q, g[0], notes));
    PARLEY_ASSIGN_OR_RETURN(p.predicate, ParsePredicate(q, g[1]));
    PARLEY_RETURN_IF_ERROR(ResolvePredicates(options, &p.predicate, notes));
    PARLEY_ASSIGN_OR_RETURN(p.object, ParseEntityTerm(store, q, g[2], notes));
    size_t end = g[2].offset + g[2].text.size() + (g[2].quoted ? 2 : 0);
    p.text = std::string(q.substr(g[0].offset, end - g[0].offset));
    patterns.push_back(std::move(p));
  }
  return patterns;
}

// How much a pattern's constants and already-bound variables narrow its scan.
int Score(const Pattern& p, const std::map<std::string, bool>& bound) {
  auto weight = [&](const Term& t, int w) {
    if (!t.variable) return w;
    return bound.count(t.name) ? w : 0;
  };
  return weight(p.subject, 2) + weight(p.object, 2) + weight(p.predicate, 1);
}

std::vector<size_t> JoinOrder(const std::vector<Pattern>& patterns) {
  std::vector<size_t> order;
  std::vector<bool> used(patterns.size(), false);
  std::map<std::string, bool> bound;
  for (size_t step = 0; step < patterns.size(); ++step) {
    size_t best = patterns.size();
    int best_score = -1;
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (used[i]) continue;
      int s = Score(patterns[i], bound);
      if (s > best_score) {
        best = i;
        best_score = s;
      }
    }
    used[best] = true;
    order.push_back(best);
    for (const Term* t :
         {&patterns[best].subject, &patterns[best].predicate, &patterns[best].object}) {
      if (t->variable) bound[t->name] = true;
    }
  }
  return order;
}

using Bindings = std::map<std::string, Binding>;

size_t ApproxBytes(const Bindings& bindings) {
  // A map node is some 64 bytes besides its key and value.
  size_t bytes = 0;
  for (const auto& [name, b] : bindings) {
    bytes += 64 + sizeof(Binding) + name.size() + b.value.size() + b.label.size();
  }
  return bytes;
}

// The filter for one pattern given the bindings so far; nullopt when no statement can match
// (a subject variable bound to text, say). With `placeholders`, unbound-at-plan-time values
// show as "?name" for the explain text.
std::optional<StatementFilter> FilterFor(const Pattern& p, bool primary,
                                         const QueryOptions& options, const Bindings& bound,
                                         bool placeholders) {
  StatementFilter f;
  auto entity_value = [&](const Term& t) -> std::optional<std::optional<std::string>> {
    if (!t.variable) return std::optional<std::string>(t.id);
    if (placeholders && bound.count(t.name)) return std::optional<std::string>("?" + t.name);
    auto it = bound.find(t.name);
    if (it == bound.end()) return std::optional<std::string>();
    if (!it->second.type) return std::nullopt;  // bound to text or a predicate
    return std::optional<std::string>(it->second.value);
  };
  auto subject = entity_value(p.subject);
  if (!subject) return std::nullopt;
  f.subject = *subject;
  // An object variable bound to text cannot use an index; Bind compares the text.
  if (auto object = entity_value(p.object)) f.object = *object;
  if (!p.predicate.variable) {
    f.predicates = p.predicate.predicates;
  } else if (auto it = bound.find(p.predicate.name); it != bound.end()) {
    f.predicates = {placeholders ? "?" + p.predicate.name : it->second.value};
  }
  if (primary) {
    f.since = options.since;
    f.until = options.until;
    f.text_dates_only = options.text_dates_only;
    f.modality = options.modality;
    f.doc = options.doc;
  }
  return f;
}

bool Bind(const Term& t, Binding b, Bindings* bound) {
  if (!t.variable) return t.id.empty() || t.id == b.value;
  auto [it, inserted] = bound->emplace(t.name, b);
  return inserted || it->second.value == b.value;
}

struct Runner {
  const Store& store;
  const std::vector<Pattern>& patterns;
  const std::vector<size_t>& order;
  const QueryOptions& options;
  const std::vector<std::string>& variables;
  std::vector<QueryRow> rows;  // bindings parallel to `variables`, in the join's order
  uint64_t reads = 0;
  size_t memory = 0;       // what the rows and the scans in progress hold, roughly
  size_t row_bytes = 0;    // the part of `memory` that `rows` hold
  bool truncated = false;  // rows were dropped for QueryOptions::limit
  bool stopped = false;    // enough rows: the join ends early

  Status Charge(size_t bytes) {
    memory += bytes;
    if (options.max_memory_bytes == 0 || memory <= options.max_memory_bytes) {
      return Status::Ok();
    }
    return ResourceExhaustedError(
        "the query needs more than its memory budget of " +
        std::to_string(options.max_memory_bytes >> 20) +
        " MB; name an entity or a predicate in each pattern, add --since/--until or --limit, "
        "or raise --max-memory");
  }

  static size_t RowBytes(const QueryRow& row) {
    size_t bytes = sizeof(QueryRow) + sizeof(std::string);  // one source
    for (const Binding& b : row.bindings)
      bytes += sizeof(Binding) + b.value.size() + b.label.size();
    for (const Statement& s : row.statements) bytes += ApproxBytes(s);
    return bytes;
  }

  // Without sorting, the join stops at the limit. Sorted without grouping, only the first
  // `limit` rows in the final order can be answered: once about twice as many are held, they
  // are arranged as ArrangeRows does and the rest dropped. Its sort is stable and the rows kept
  // came before the new ones in the join's order, so the answer is the unlimited answer's
  // first rows. Grouped rows are held until ArrangeRows (a later row may join a group), within
  // the memory budget.
  Status AddRow(const Bindings& bound, const std::vector<Statement>& matched) {
    if (options.limit > 0 && rows.size() >= options.limit && !options.sort_by_time) {
      truncated = true;
      stopped = true;
      return Status::Ok();
    }
    if (rows.size() >= kMaxRows) {
      return ResourceExhaustedError(
          "the query matched more than " + std::to_string(kMaxRows) +
          " rows; name an entity or a predicate, add --since/--until, or use --limit");
    }
    QueryRow row;
    for (const std::string& v : variables) {
      auto it = bound.find(v);
      row.bindings.push_back(it == bound.end() ? Binding() : it->second);
    }
    row.statements = matched;
    row.sources = {row.primary().doc};
    const size_t bytes = RowBytes(row);
    PARLEY_RETURN_IF_ERROR(Charge(bytes));
    row_bytes += bytes;
    rows.push_back(std::move(row));
    if (options.limit > 0 && options.sort_by_time && !options.group &&
        rows.size() >= 2 * options.limit + 64) {
      QueryResult held;
      held.rows = std::move(rows);
      ArrangeRows(options, &held);
      rows = std::move(held.rows);
      size_t kept = 0;
      for (const QueryRow& r : rows) kept += RowBytes(r);
      memory -= std::min(memory, row_bytes - std::min(row_bytes, kept));
      row_bytes = kept;
      truncated = true;
    }
    return Status::Ok();
  }

  Status Run(size_t step, const Bindings& bound, std::vector<Statement>* matched) {
    if (stopped) return Status::Ok();
    if (step == order.size()) return AddRow(bound, *matched);
    size_t index = order[step];
    const Pattern& p = patterns[index];
    bool primary = index + 1 == patterns.size();
    std::optional<StatementFilter> filter = FilterFor(p, primary, options, bound, false);
    if (!filter) return Status::Ok();
    // What this step holds while the steps after it run: its statements, one set of bindings
    // and the extensions seen; given back when it returns.
    Step here{step, index, p, primary, bound, matched, {}, ApproxBytes(bound)};
    Status budget = Charge(here.held);
    // The last step adds rows straight from its scan; an earlier one collects its statements
    // first, because the steps after it scan the store again.
    const bool last = step + 1 == order.size();
    std::vector<Statement> found;
    PARLEY_RETURN_IF_ERROR(store.ScanStatements(*filter, [&](const Statement& s) {
      if (options.max_statement_reads > 0 && ++reads > options.max_statement_reads) {
        budget = ResourceExhaustedError(
            "the query needs more than " + std::to_string(options.max_statement_reads) +
            " statement reads; name an entity or a predicate in each pattern, or add "
            "--since/--until");
      }
      if (!budget.ok()) return false;
      if (last) {
        Statement copy = s;
        budget = Visit(&here, copy);
        return budget.ok() && !stopped;
      }
      const size_t bytes = ApproxBytes(s);
      here.held += bytes;
      budget = Charge(bytes);
      found.push_back(s);
      return budget.ok();
    }));
    for (size_t i = 0; budget.ok() && !last && i < found.size() && !stopped; ++i) {
      budget = Visit(&here, found[i]);
    }
    memory -= std::min(memory, here.held);
    return budget;
  }

  // One step of the join in progress.
  struct Step {
    size_t step;
    size_t index;  // of the pattern
    const Pattern& pattern;
    bool primary;
    const Bindings& bound;
    std::vector<Statement>* matched;
    // A pattern other than the primary one only has to hold: each distinct extension of the
    // bindings continues once, with the first statement (in index order) as its evidence.
    std::set<std::vector<std::string>> extensions;
    size_t held;  // bytes charged for this step
  };

  // Binds statement `s` for `step` and runs the steps after it.
  Status Visit(Step* step, Statement& s) {
    const Pattern& p = step->pattern;
    if (step->primary && options.type && s.subject.type != *options.type) return Status::Ok();
    Bindings next = step->bound;
    Binding object;
    if (s.object) {
      object = Binding{s.object->id, s.object->label, s.object->type};
    } else if (s.text) {
      object = Binding{*s.text, *s.text, std::nullopt};
    } else {
      return Status::Ok();  // nothing to bind or compare the object term with
    }
    if (!Bind(p.subject, Binding{s.subject.id, s.subject.label, s.subject.type}, &next) ||
        !Bind(p.predicate, Binding{s.predicate, s.predicate, std::nullopt}, &next) ||
        !Bind(p.object, object, &next)) {
      return Status::Ok();
    }
    if (!step->primary) {
      std::vector<std::string> values;
      size_t bytes = 64;
      for (const auto& [name, b] : next) {
        values.push_back(b.value);
        bytes += sizeof(std::string) + b.value.size();
      }
      if (!step->extensions.insert(std::move(values)).second) return Status::Ok();
      step->held += bytes;
      PARLEY_RETURN_IF_ERROR(Charge(bytes));
    }
    (*step->matched)[step->index] = std::move(s);
    return Run(step->step + 1, next, step->matched);
  }
};

QueryPlan MakePlan(const std::vector<Pattern>& patterns, const std::vector<size_t>& order,
                   const QueryOptions& options) {
  QueryPlan plan;
  Bindings bound;
  for (size_t index : order) {
    const Pattern& p = patterns[index];
    std::optional<StatementFilter> f =
        FilterFor(p, index + 1 == patterns.size(), options, bound, true);
    plan.steps.push_back(QueryStep{index, p.text, f ? PlanScan(*f).description : "no match"});
    for (const Term* t : {&p.subject, &p.predicate, &p.object}) {
      if (t->variable) bound.emplace(t->name, Binding{"?" + t->name, "", EntityType::kPerson});
    }
  }
  return plan;
}

}  // namespace

std::string QueryPlan::ToString() const {
  std::string out;
  for (size_t i = 0; i < steps.size(); ++i) {
    out += std::to_string(i + 1) + ". pattern " + std::to_string(steps[i].pattern + 1) + " `" +
           steps[i].text + "`: " + steps[i].scan + "\n";
  }
  return out;
}

Result<QueryPlan> PlanQuery(const Store& store, std::string_view pattern,
                            const QueryOptions& options) {
  std::vector<std::string> notes;
  PARLEY_ASSIGN_OR_RETURN(std::vector<Pattern> patterns, Parse(store, pattern, options, &notes));
  QueryPlan plan = MakePlan(patterns, JoinOrder(patterns), options);
  plan.notes = std::move(notes);
  return plan;
}

Result<QueryResult> RunQuery(const Store& store, std::string_view pattern,
                             const QueryOptions& options) {
  std::vector<std::string> notes;
  PARLEY_ASSIGN_OR_RETURN(std::vector<Pattern> patterns, Parse(store, pattern, options, &notes));
  std::vector<size_t> order = JoinOrder(patterns);
  QueryResult result;
  result.plan = MakePlan(patterns, order, options);
  result.plan.notes = std::move(notes);
  for (const Pattern& p : patterns) {
    for (const Term* t : {&p.subject, &p.predicate, &p.object}) {
      if (t->variable && std::find(result.variables.begin(), result.variables.end(), t->name) ==
                             result.variables.end()) {
        result.variables.push_back(t->name);
      }
    }
  }
  Runner runner{store, patterns, order, options, result.variables, {}};
  std::vector<Statement> matched(patterns.size());
  PARLEY_RETURN_IF_ERROR(runner.Run(0, {}, &matched));

  result.rows = std::move(runner.rows);
  ArrangeRows(options, &result);
  if (runner.truncated) result.truncated = true;  // the join stopped or rows were dropped
  return result;
}

}  // namespace parley
