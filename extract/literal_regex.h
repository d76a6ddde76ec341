// What every match of an entity pattern holds, read from the pattern itself: the strings a
// regular expression written in the literal subset of RE2's syntax matches, and the tokens all
// of them share. Tagging runs the entity patterns' RE2::Set only on a sentence that holds every
// shared token of some pattern (CompiledRules::entity_gate, mentions.cc), a test of a few
// integers per token where the set scans every byte.
//
// Thread-safety: pure functions.
#ifndef PARLEY_EXTRACT_LITERAL_REGEX_H_
#define PARLEY_EXTRACT_LITERAL_REGEX_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::internal {

// Every string `regex` matches (in no particular order, possibly repeated), when it is written
// in the literal subset of RE2's syntax: characters (a UTF-8 sequence, or a backslash and an
// ASCII punctuation character), groups `(...)` and `(?:...)` of alternatives `|`, classes of
// single characters `[Tt]`, and `?` after any of them. nullopt when it uses anything else (flags,
// `.`, ranges, repetition, `\d`, anchors) or matches more than `limit` strings.
std::optional<std::vector<std::string>> LiteralExpansions(std::string_view regex, size_t limit);

// The token texts (rule_tokens.h TokenTexts, as written) that every string `regex` matches
// holds, the longest first (among equals, the earliest in the first string); empty when there
// is none, or when `regex` is outside the literal subset or matches more than 4,096 strings.
// A match of `regex` that begins and ends on token boundaries of a sentence holds each of them
// as a token of that sentence.
std::vector<std::string> RequiredTokens(std::string_view regex);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_LITERAL_REGEX_H_
