#include "extract/prepare.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "base/text.h"
#include "extract/normalize.h"

namespace parley {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Document MakeDocument(std::string text, std::string format) {
  Document d;
  d.info.id = "test";
  d.info.format = std::move(format);
  d.text = std::move(text);
  return d;
}

std::vector<std::string> Texts(const PreparedDocument& p) {
  std::vector<std::string> out;
  for (const PreparedSentence& s : p.sentences) out.push_back(s.text);
  return out;
}

// One line per unit: "index kind relational repeat_of | text".
std::string Describe(const PreparedDocument& p) {
  std::string out;
  for (size_t i = 0; i < p.sentences.size(); ++i) {
    const PreparedSentence& s = p.sentences[i];
    out += std::to_string(i) + " " + std::string(UnitKindName(s.kind)) + " " +
           (s.relational ? "relational" : "-") + " " + std::to_string(s.repeat_of) + " | " +
           s.text + "\n";
  }
  return out;
}

// The invariants every unit of every document satisfies; returns the number of units checked.
// With `exact`, also that the stored slice normalises back to the unit's text, which holds for
// real documents but not for adversarial markup (a link whose text spans two sentences).
// The units the tests check carry their character offsets.
constexpr PrepareOptions kOffsets{.offsets = true};

size_t CheckUnits(const Document& doc, const PreparedDocument& p, bool exact = true) {
  const TextSyntax syntax = SyntaxForFormat(doc.info.format);
  // Without offsets (what extraction asks for) the units are the same, offsets left empty.
  const PreparedDocument plain = PrepareDocument(doc);
  EXPECT_EQ(plain.sentences.size(), p.sentences.size());
  for (size_t i = 0; i < std::min(plain.sentences.size(), p.sentences.size()); ++i) {
    const PreparedSentence& a = plain.sentences[i];
    const PreparedSentence& b = p.sentences[i];
    EXPECT_TRUE(a.offsets.empty());
    EXPECT_TRUE(a.text == b.text && a.byte_span == b.byte_span && a.kind == b.kind &&
                a.paragraph == b.paragraph && a.relational == b.relational &&
                a.repeat_of == b.repeat_of)
        << doc.info.id << " unit " << i;
  }
  for (size_t i = 0; i < p.sentences.size(); ++i) {
    const PreparedSentence& s = p.sentences[i];
    SCOPED_TRACE(doc.info.id + " unit " + std::to_string(i) + ": " + s.text);
    EXPECT_FALSE(s.text.empty());
    EXPECT_EQ(s.text, CollapseSpace(s.text));  // trimmed, single spaces
    EXPECT_TRUE(IsValidUtf8(s.text));
    EXPECT_LT(s.byte_span.begin, s.byte_span.end);
    EXPECT_LE(s.byte_span.end, doc.text.size());
    EXPECT_EQ(s.offsets.size(), s.text.size() + 1);
    EXPECT_EQ(s.offsets.back(), s.byte_span.end);
    for (size_t k = 0; k < s.offsets.size(); ++k) {
      EXPECT_GE(s.offsets[k], s.byte_span.begin);
      EXPECT_LE(s.offsets[k], s.byte_span.end);
      if (k > 0) {
        EXPECT_LE(s.offsets[k - 1], s.offsets[k]) << "at " << k;
      }
      // ASCII letters and digits are never rewritten: they map to themselves (ligatures
      // expand into letters from non-ASCII bytes; "&#x41;" is a letter from an entity).
      if (exact && k < s.text.size() && std::isalnum(static_cast<unsigned char>(s.text[k])) &&
          static_cast<unsigned char>(doc.text[s.offsets[k]]) < 0x80) {
        EXPECT_EQ(doc.text[s.offsets[k]], s.text[k]) << "at " << k;
      }
    }
    if (!exact) continue;
    // The stored slice, normalised on its own, is the unit's text.
    const NormalizedText again =
        NormalizeForMatching(doc.text, static_cast<uint32_t>(s.byte_span.begin),
                             static_cast<uint32_t>(s.byte_span.end), syntax);
    EXPECT_EQ(again.text, s.text);
    std::vector<uint32_t> offsets;
    again.AppendOffsets(0, again.text.size(), &offsets);
    offsets.push_back(again.Offset(again.text.size()));
    EXPECT_EQ(offsets, s.offsets);
    if (s.repeat_of >= 0) {
      EXPECT_LT(static_cast<size_t>(s.repeat_of), i);
      if (static_cast<size_t>(s.repeat_of) >= i) continue;
      EXPECT_EQ(p.sentences[static_cast<size_t>(s.repeat_of)].text, s.text);
      EXPECT_EQ(p.sentences[static_cast<size_t>(s.repeat_of)].repeat_of, -1);
      EXPECT_FALSE(s.relational);
    }
  }
  return p.sentences.size();
}

TEST(PrepareDocumentTest, SampleArticle) {
  const fs::path path =
      fs::path(PARLEY_SOURCE_DIR) / "examples/apb-russo-japanese-peace-treaty-talks-2019.txt";
  const Document doc = MakeDocument(ReadFile(path), "text");
  ASSERT_FALSE(doc.text.empty());
  const PreparedDocument p = PrepareDocument(doc, kOffsets);
  CheckUnits(doc, p);

  // Scraper boilerplate yields no relations.
  for (const PreparedSentence& s : p.sentences) {
    if (!s.relational) continue;
    SCOPED_TRACE(s.text);
    for (const char* boilerplate : {"Error message", "EWC logo", "Asia Pacific Bulletin"}) {
      EXPECT_EQ(s.text.find(boilerplate), std::string::npos);
    }
    for (const char* line : {"Pages", "2", "Format", "Electronic"}) EXPECT_NE(s.text, line);
  }

  // The body is carried twice: every relational text is unique, every repeat points back.
  std::vector<std::string> relational;
  size_t repeats = 0;
  for (const PreparedSentence& s : p.sentences) {
    if (s.relational) relational.push_back(s.text);
    if (s.repeat_of >= 0) ++repeats;
  }
  std::vector<std::string> sorted = relational;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
  EXPECT_GE(relational.size(), 30u);
  EXPECT_EQ(repeats, relational.size());  // the second copy of the body repeats all of it

  // Units as a whole: kinds, roles, repeats, and where every sentence starts and ends (the
  // expected file holds the article's facts; C++ sources never name them).
  const fs::path golden = fs::path(PARLEY_TEST_DATA_DIR) / "extract/sample_article.units.txt";
  if (std::getenv("PARLEY_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden, std::ios::binary) << Describe(p);
  }
  EXPECT_EQ(Describe(p), ReadFile(golden));
}

TEST(PrepareDocumentTest, EveryCorpusUnitMapsBackToItsText) {
  size_t units = 0;
  size_t files = 0;
  for (const auto& [dir, format] :
       {std::pair{"corpus/wh-readouts", "markdown"}, std::pair{"corpus/milestones", "text"}}) {
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(fs::path(PARLEY_TEST_DATA_DIR) / dir)) {
      if (entry.path().extension() != ".md" && entry.path().extension() != ".txt") continue;
      paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    for (const fs::path& path : paths) {
      Document doc = MakeDocument(ReadFile(path), format);
      doc.info.id = path.filename().string();
      const PreparedDocument p = PrepareDocument(doc, kOffsets);
      EXPECT_FALSE(p.sentences.empty()) << path;
      units += CheckUnits(doc, p);
      ++files;
    }
  }
  EXPECT_EQ(files, 80u + 179u);
  EXPECT_GT(units, 5000u);
}

TEST(PrepareDocumentTest, MarkdownStructure) {
  const std::string text =
      "---\n"
      "title: \"Not a sentence\"\n"
      "date: '2021-03-12'\n"
      "---\n"
      "\xC2\xA0\n"
      "# The *Heading*\n"
      "\n"
      "A hard-wrapped paragraph that goes on for a while, long enough\n"
      "to wrap, with a [link](https://example.org/x) and **bold** text. A\n"
      "second sentence.\n"
      "\n"
      "**Section**  \n"
      "Body after a hard break.\n"
      "\n"
      "-   First item that wraps onto the\n"
      "    next line.\n"
      "-   Two words\n"
      "1.  Numbered item with several words here\n"
      "\n"
      "```\n"
      "code is skipped.\n"
      "```\n"
      "\n"
      "Setext Title\n"
      "============\n"
      "\n"
      "***\n"
      "AT&amp;T said \\#\\#\\# no.\n";
  const Document doc = MakeDocument(text, "markdown");
  const PreparedDocument p = PrepareDocument(doc, kOffsets);
  CheckUnits(doc, p);
  EXPECT_EQ(Describe(p),
            "0 heading - -1 | The Heading\n"
            "1 sentence relational -1 | A hard-wrapped paragraph that goes on for a while, long "
            "enough to wrap, with a link and bold text.\n"
            "2 sentence relational -1 | A second sentence.\n"
            "3 short_line - -1 | Section\n"
            "4 sentence relational -1 | Body after a hard break.\n"
            "5 list_item relational -1 | First item that wraps onto the next line.\n"
            "6 list_item - -1 | Two words\n"
            "7 list_item relational -1 | Numbered item with several words here\n"
            "8 heading - -1 | Setext Title\n"
            "9 sentence relational -1 | AT&T said ### no.\n");
}

TEST(PrepareDocumentTest, MarkdownLinksWrappedAcrossLines) {
  const std::string text =
      "[Wisconsin](https://x.gov/wi.pdf)  \n"
      "[West\n"
      "Virginia](https://x.gov/wv.pdf)  \n"
      "[Racial\n"
      "Equity](https://x.gov/re.pdf) and [more\n"
      "text  \n"
      "](https://x.gov/m) here. <span\n"
      "style=\"a: b\">Spanned</span> <img src=\"https://x.gov/i.png\" /> done.\n";
  const Document doc = MakeDocument(text, "markdown");
  const PreparedDocument p = PrepareDocument(doc, kOffsets);
  CheckUnits(doc, p);
  EXPECT_EQ(Texts(p),
            (std::vector<std::string>{"Wisconsin", "West Virginia",
                                      "Racial Equity and more text here.", "Spanned done."}));
}

TEST(PrepareDocumentTest, PlainTextLineLists) {
  const std::string text =
      "Home\n"
      "About us\n"
      "Contact\n"
      "\n"
      "A paragraph on one line. It has two sentences.\n"
      "Byline Person\n"
      "continues here in lower case.\n"
      "\n"
      "A Title Line With Many Capitalised Words Of Some Length\n"
      "\n"
      "a lower-case line without any final punctuation at all here\n"
      "\n"
      "A paragraph on one line. It has two sentences.\n";
  const Document doc = MakeDocument(text, "text");
  const PreparedDocument p = PrepareDocument(doc, kOffsets);
  CheckUnits(doc, p);
  EXPECT_EQ(Describe(p),
            "0 short_line - -1 | Home\n"
            "1 short_line - -1 | About us\n"
            "2 short_line - -1 | Contact\n"
            "3 sentence relational -1 | A paragraph on one line.\n"
            "4 sentence relational -1 | It has two sentences.\n"
            "5 sentence relational -1 | Byline Person continues here in lower case.\n"
            "6 heading - -1 | A Title Line With Many Capitalised Words Of Some Length\n"
            "7 sentence relational -1 | a lower-case line without any final punctuation at all "
            "here\n"
            "8 sentence - 3 | A paragraph on one line.\n"
            "9 sentence - 4 | It has two sentences.\n");
}

TEST(PrepareDocumentTest, CrlfAndEmpty) {
  EXPECT_TRUE(PrepareDocument(MakeDocument("", "text")).sentences.empty());
  EXPECT_TRUE(PrepareDocument(MakeDocument("\n\r\n  \n", "markdown")).sentences.empty());
  const Document doc = MakeDocument("One line\r\nwraps here. Two.\r\n", "text");
  const PreparedDocument p = PrepareDocument(doc, kOffsets);
  CheckUnits(doc, p);
  EXPECT_EQ(Texts(p), (std::vector<std::string>{"One line wraps here.", "Two."}));
}

TEST(PrepareDocumentTest, HugeSingleLineIsCutIntoBoundedUnits) {
  std::string text;
  while (text.size() < (3u << 20)) text += "lorem ipsum dolor sit amet ";
  const Document doc = MakeDocument(text, "text");
  const PreparedDocument p = PrepareDocument(doc, kOffsets);
  ASSERT_GT(p.sentences.size(), 100u);
  for (const PreparedSentence& s : p.sentences) EXPECT_LE(s.text.size(), 8192u);
}

// Random documents built from the characters every stage treats specially: no crash, and the
// structural invariants hold.
TEST(PrepareDocumentTest, RandomMarkupKeepsInvariants) {
  const std::vector<std::string> pieces = {"[",
                                           "]",
                                           "(",
                                           ")",
                                           "*",
                                           "**",
                                           "_",
                                           "`",
                                           "<",
                                           ">",
                                           "<b>",
                                           "</b>",
                                           "<!--",
                                           "-->",
                                           "&amp;",
                                           "&#",
                                           ";",
                                           "&#x41;",
                                           "\\",
                                           "\n",
                                           "\n\n",
                                           "\r\n",
                                           " ",
                                           "  ",
                                           "-",
                                           "- ",
                                           "1. ",
                                           "# ",
                                           "---",
                                           "===",
                                           "|",
                                           "```",
                                           "\xE2\x80\x99",
                                           "\xE2\x80\x94",
                                           "\xC2\xA0",
                                           "\xEF\xAC\x81",
                                           "\xE2\x80\x8B",
                                           "\xE2\x80\xA6",
                                           "word",
                                           "Word",
                                           ".",
                                           "U.S.",
                                           "Mr.",
                                           "?",
                                           "!",
                                           "\"",
                                           "'",
                                           "2019",
                                           "March 18",
                                           "\xEF\xBF\xBD"};
  std::mt19937 rng(20191);
  size_t units = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const size_t n = rng() % 120;
    for (size_t k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    ASSERT_TRUE(IsValidUtf8(text));
    for (const char* format : {"text", "markdown"}) {
      Document doc = MakeDocument(text, format);
      doc.info.id = "random-" + std::to_string(round);
      units += CheckUnits(doc, PrepareDocument(doc, kOffsets), /*exact=*/false);
    }
  }
  EXPECT_GT(units, 1000u);
}

TEST(UnitKindNameTest, Names) {
  EXPECT_EQ(UnitKindName(UnitKind::kSentence), "sentence");
  EXPECT_EQ(UnitKindName(UnitKind::kHeading), "heading");
  EXPECT_EQ(UnitKindName(UnitKind::kListItem), "list_item");
  EXPECT_EQ(UnitKindName(UnitKind::kShortLine), "short_line");
  EXPECT_EQ(SyntaxForFormat("jsonl"), TextSyntax::kMarkdown);
  EXPECT_EQ(SyntaxForFormat("html"), TextSyntax::kPlain);
}

}  // namespace
}  // namespace parley
