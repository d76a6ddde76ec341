// Joins strings with a separator: the one helper graph/'s text outputs share.
//
// Thread-safety: pure function.
#ifndef PARLEY_GRAPH_JOIN_H_
#define PARLEY_GRAPH_JOIN_H_

#include <string>
#include <string_view>
#include <vector>

namespace parley::internal {

// "a, b, c" for Join({"a", "b", "c"}, ", "); "" for no parts.
inline std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out.append(separator);
    out.append(parts[i]);
  }
  return out;
}

}  // namespace parley::internal

#endif  // PARLEY_GRAPH_JOIN_H_
