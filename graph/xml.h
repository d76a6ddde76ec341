// XML 1.0 text for the GraphML and GEXF writers: escaping that keeps any input well-formed.
//
// Entity labels, sentences and attribute values come from arbitrary documents, so they may hold
// markup characters, control characters XML 1.0 forbids (U+0000..U+001F except tab, LF, CR;
// U+FFFE, U+FFFF) or invalid UTF-8. The writers pass every such string through AppendXmlText.
//
// Thread-safety: pure functions.
#ifndef PARLEY_GRAPH_XML_H_
#define PARLEY_GRAPH_XML_H_

#include <string>
#include <string_view>

namespace parley {

// Appends `text` to `out` so that it is valid both as element content and inside a
// double- or single-quoted attribute value:
//   & < > " ' become &amp; &lt; &gt; &quot; &apos;
//   tab, LF and CR become &#9; &#10; &#13; (attribute-value normalisation would otherwise turn
//   them into spaces);
//   characters XML 1.0 forbids are dropped;
//   invalid UTF-8 becomes U+FFFD.
// Everything else is copied unchanged.
void AppendXmlText(std::string_view text, std::string* out);

// AppendXmlText into a new string.
std::string XmlText(std::string_view text);

}  // namespace parley

#endif  // PARLEY_GRAPH_XML_H_
