#include "extract/html.h"

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

#include "base/text.h"

namespace parley {
namespace {

bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return false;
  }
}

const char* Attribute(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a == nullptr ? nullptr : a->value;
}

bool IsHidden(const GumboElement& e) {
  if (Attribute(e, "hidden") != nullptr) return true;
  const char* aria = Attribute(e, "aria-hidden");
  return aria != nullptr && std::strcmp(aria, "true") == 0;
}

std::string LowerAscii(const char* s) { return s == nullptr ? std::string() : AsciiLower(s); }

class TextBuilder {
 public:
  // Ends the current block: the next text starts a new paragraph. Right after a list marker
  // ("<li><p>...") the marker and the text stay on one line.
  void Block() {
    if (!after_prefix_) pending_break_ = std::max(pending_break_, 2);
  }
  void LineBreak() {
    if (!after_prefix_) pending_break_ = std::max(pending_break_, 1);
  }

  void Text(std::string_view text, bool preformatted) {
    for (size_t pos = 0; pos < text.size();) {
      const size_t start = pos;
      const char32_t cp = DecodeUtf8(text, &pos);
      const bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f';
      if (preformatted && cp == '\n') {
        LineBreak();
        continue;
      }
      if (space && !preformatted) {
        pending_space_ = true;
        continue;
      }
      Flush();
      after_prefix_ = false;
      out_.append(text.substr(start, pos - start));
    }
  }

  void Prefix(std::string_view prefix) {
    DropEmptyPrefix();
    Flush();
    out_.append(prefix);
    after_prefix_ = true;
    prefix_size_ = prefix.size();
  }

  // Closes a list item; an empty one leaves no marker behind.
  void EndItem() { DropEmptyPrefix(); }

  std::string Take() {
    DropEmptyPrefix();
    if (!out_.empty()) out_ += '\n';
    return std::move(out_);
  }

 private:
  // A list marker with no text after it (an empty <li>) is removed again.
  void DropEmptyPrefix() {
    if (!after_prefix_) return;
    out_.resize(out_.size() - prefix_size_);
    after_prefix_ = false;
  }

  void Flush() {
    if (!out_.empty()) {
      if (pending_break_ > 0) {
        int have = 0;
        while (have < 2 && static_cast<size_t>(have) < out_.size() &&
               out_[out_.size() - 1 - static_cast<size_t>(have)] == '\n') {
          ++have;
        }
        for (int k = have; k < pending_break_; ++k) out_ += '\n';
      } else if (pending_space_) {
        out_ += ' ';
      }
    }
    pending_break_ = 0;
    pending_space_ = false;
  }

  std::string out_;
  int pending_break_ = 0;
  bool pending_space_ = false;
  bool after_prefix_ = false;
  size_t prefix_size_ = 0;
};

void ReadMeta(const GumboElement& e, HtmlContent* out) {
  if (e.tag == GUMBO_TAG_META) {
    const std::string key =
        LowerAscii(Attribute(e, "property") != nullptr ? Attribute(e, "property")
                   : Attribute(e, "name") != nullptr   ? Attribute(e, "name")
                                                       : Attribute(e, "itemprop"));
    const char* content = Attribute(e, "content");
    if (content == nullptr) return;
    if (out->date.empty() &&
        (key == "article:published_time" || key == "date" || key == "dc.date" ||
         key == "dc.date.issued" || key == "pubdate" || key == "datepublished" ||
         key == "og:published_time" || key == "publish-date")) {
      out->date = content;
    }
    if (key == "og:title" && out->title.empty()) out->title = content;
    if (key == "og:url" && out->url.empty()) out->url = content;
  } else if (e.tag == GUMBO_TAG_LINK) {
    if (LowerAscii(Attribute(e, "rel")) == "canonical" && Attribute(e, "href") != nullptr) {
      out->url = Attribute(e, "href");  // canonical wins over og:url
    }
  }
}

std::string NodeText(const GumboNode* node) {
  std::string out;
  if (node->type != GUMBO_NODE_ELEMENT) return out;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
      out += child->v.text.text;
    }
  }
  return CollapseSpace(out);
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Elements that never nest: void elements and those a new sibling closes implicitly.
bool IsFlat(std::string_view name) {
  static constexpr std::string_view kFlat[] = {
      "area", "base", "br",     "col", "dd",    "dt",     "embed", "hr", "img", "input", "li",
      "link", "meta", "option", "p",   "param", "source", "td",    "th", "tr",  "track", "wbr"};
  for (std::string_view f : kFlat) {
    if (name == f) return true;
  }
  return false;
}

// An upper estimate of how deep `html` nests elements, stopping once it passes `limit`.
int EstimateDepth(std::string_view html, int limit) {
  int depth = 0;
  int max_depth = 0;
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    ++pos;
    if (pos < html.size() && html[pos] == '/') {
      depth = depth > 0 ? depth - 1 : 0;
      continue;
    }
    size_t end = pos;
    while (end < html.size() &&
           (IsAsciiLetter(html[end]) || (end > pos && html[end] >= '0' && html[end] <= '9'))) {
      ++end;
    }
    if (end == pos) continue;
    const std::string name = AsciiLower(html.substr(pos, end - pos));
    const size_t close = html.find('>', end);
    const bool self_closing =
        close != std::string_view::npos && close > 0 && html[close - 1] == '/';
    if (IsFlat(name) || self_closing) continue;
    max_depth = std::max(max_depth, ++depth);
    if (max_depth > limit) break;
  }
  return max_depth;
}

std::string StripTags(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') {
      in_tag = true;
      out += ' ';
    } else if (c == '>' && in_tag) {
      in_tag = false;
    } else if (!in_tag) {
      out += c;
    }
  }
  return out;
}

}  // namespace

HtmlContent ExtractHtml(std::string_view html) {
  HtmlContent out;
  if (EstimateDepth(html, kMaxHtmlDepth) > kMaxHtmlDepth) {
    out.degraded = true;
    out.text = StripTags(html);
    return out;
  }
  // Gumbo copies the stack of open elements into every parse error it records: memory
  // quadratic in the nesting depth (over 20 GB for 100 000 unclosed tags). Nothing here reads
  // the errors, so none are recorded.
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* parsed = gumbo_parse_with_options(&options, html.data(), html.size());
  TextBuilder builder;
  // Iterative walk (pages can nest deeply); a null node marks the end of an element.
  struct Frame {
    const GumboNode* node;
    bool closing;
  };
  std::vector<Frame> stack = {{parsed->root, false}};
  int pre_depth = 0;
  while (!stack.empty()) {
    const Frame frame = stack.back();
    stack.pop_back();
    const GumboNode* node = frame.node;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      builder.Text(node->v.text.text, pre_depth > 0);
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& e = node->v.element;
    if (frame.closing) {
      if (e.tag == GUMBO_TAG_PRE) --pre_depth;
      if (e.tag == GUMBO_TAG_LI) builder.EndItem();
      if (IsBlock(e.tag)) builder.Block();
      continue;
    }
    if (e.tag == GUMBO_TAG_TITLE) {
      if (out.title.empty()) out.title = NodeText(node);
      continue;
    }
    if (e.tag == GUMBO_TAG_META || e.tag == GUMBO_TAG_LINK) {
      ReadMeta(e, &out);
      continue;
    }
    if (IsSkipped(e.tag) || IsHidden(e)) {
      if (e.tag == GUMBO_TAG_HEAD) {
        // Only metadata lives here; walk it for <title>, <meta> and <link> alone.
        for (unsigned i = e.children.length; i > 0; --i) {
          const auto* child = static_cast<const GumboNode*>(e.children.data[i - 1]);
          if (child->type == GUMBO_NODE_ELEMENT &&
              (child->v.element.tag == GUMBO_TAG_TITLE || child->v.element.tag == GUMBO_TAG_META ||
               child->v.element.tag == GUMBO_TAG_LINK)) {
            stack.push_back({child, false});
          }
        }
      }
      continue;
    }
    if (e.tag == GUMBO_TAG_BR) {
      builder.LineBreak();
      continue;
    }
    if (IsBlock(e.tag)) builder.Block();
    if (e.tag == GUMBO_TAG_LI) builder.Prefix("- ");
    if (e.tag == GUMBO_TAG_PRE) ++pre_depth;
    stack.push_back({node, true});
    for (unsigned i = e.children.length; i > 0; --i) {
      stack.push_back({static_cast<const GumboNode*>(e.children.data[i - 1]), false});
    }
  }
  gumbo_destroy_output(&options, parsed);
  out.text = builder.Take();
  return out;
}

}  // namespace parley
