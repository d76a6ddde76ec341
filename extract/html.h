// HTML documents: the visible text and the metadata of a page, via a real HTML5 parser (gumbo).
//
// Visible text: text nodes outside <head>, <script>, <style>, <noscript>, <template>, <svg>,
// <nav>, <header>, <footer>, <aside>, <form>, <button>, <select>, <iframe> and elements marked
// hidden / aria-hidden; entities are decoded by the parser. Block elements (p, div, li, h1-h6,
// table rows, ...) are separated by blank lines so each becomes its own paragraph; <br> is a
// line break; list items start with "- " so extract/prepare.h sees them as list items. White
// space inside a block collapses to single spaces except inside <pre>.
//
// Metadata: <title> (or og:title), the publication date from <meta> (article:published_time,
// date, dc.date, pubdate, datePublished, og:published_time) and the canonical URL
// (<link rel="canonical">, else og:url).
//
// Thread-safety: pure function.
#ifndef PARLEY_EXTRACT_HTML_H_
#define PARLEY_EXTRACT_HTML_H_

#include <string>
#include <string_view>

namespace parley {

struct HtmlContent {
  std::string text;   // visible text, valid UTF-8 when the input is
  std::string title;  // may be empty
  std::string date;   // as written in the page's metadata; may be empty
  std::string url;    // may be empty
  // The page nests elements deeper than kMaxHtmlDepth: it was not parsed (the parser recurses
  // and would exhaust the stack); `text` is the input with its tags replaced by spaces.
  bool degraded = false;
};

// Element nesting beyond this (estimated before parsing) makes ExtractHtml fall back to
// stripping tags.
inline constexpr int kMaxHtmlDepth = 5000;

// Extracts text and metadata from an HTML document. Never fails: gumbo recovers from any
// input as browsers do. REQUIRES: `html` is valid UTF-8.
HtmlContent ExtractHtml(std::string_view html);

}  // namespace parley

#endif  // PARLEY_EXTRACT_HTML_H_
