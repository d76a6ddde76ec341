#include "extract/name_shape.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/text.h"

namespace parley::internal {
namespace {

std::vector<std::vector<std::string>> Items(std::initializer_list<std::string_view> items) {
  std::vector<std::vector<std::string>> out;
  for (std::string_view item : items) {
    std::vector<bool> space;
    out.push_back(TokenTexts(AsciiLower(item), &space));
  }
  return out;
}

// A small vocabulary in the shape of rules/core/names.rules.
NameVocabulary Vocabulary() {
  NameVocabulary v;
  EXPECT_TRUE(v.AddList(
      "name-title", Items({"president", "prime minister", "ambassador", "secretary", "chancellor",
                           "mr", "dr", "general", "his excellency", "the honorable"})));
  EXPECT_TRUE(v.AddList("name-particle", Items({"de", "von", "der", "van", "bin", "al"})));
  EXPECT_TRUE(v.AddList("name-stopword",
                        Items({"the", "today", "extraordinary", "affairs", "county", "in"})));
  EXPECT_TRUE(v.AddList("name-opener", Items({"the", "today", "in"})));
  EXPECT_TRUE(v.AddList("head-organization",
                        Items({"council", "group", "bank", "task force", "university"})));
  EXPECT_TRUE(v.AddList("head-agreement", Items({"treaty", "protocol", "memorandum"})));
  // "operation" is both a head and a prefix head, as in rules/core/names.rules.
  EXPECT_TRUE(v.AddList("head-event", Items({"summit", "revolution", "dialogue", "operation"})));
  EXPECT_TRUE(v.AddList("head-event-prefix", Items({"operation"})));
  EXPECT_TRUE(v.AddList("head-place", Items({"mount", "plantation", "sea", "gulf", "river"})));
  EXPECT_TRUE(v.AddList("name-given", Items({"james", "ellsworth", "adam", "yahya", "kim"})));
  EXPECT_FALSE(v.AddList("office", Items({"president"})));
  return v;
}

// Phrases are token ids: the longest phrase at a token, one-token membership, and tokens in no
// phrase (kAbsent, or ids past every phrase's first).
TEST(PhraseSetTest, LongestPhraseByIds) {
  PhraseSet set;
  set.Add({1});
  set.Add({1, 2});
  set.Add({1, 2, 3});
  set.Add({4, 2});
  set.Add({1, 2});  // again: no second entry
  struct Case {
    std::vector<uint32_t> ids;
    size_t at, longest;
  };
  const Case cases[] = {{{1, 2, 3}, 0, 3}, {{1, 2, 4}, 0, 2}, {{1, 5}, 0, 1},
                        {{4, 2}, 0, 2},    {{4, 3}, 0, 0},    {{9, 1, 2}, 1, 2},
                        {{0, 1}, 0, 0},    {{1, 2}, 2, 0},    {{77}, 0, 0}};
  for (const Case& c : cases) {
    SCOPED_TRACE(::testing::PrintToString(c.ids) + " at " + std::to_string(c.at));
    EXPECT_EQ(set.LongestAt(c.ids, c.at), c.longest);
  }
  EXPECT_TRUE(set.ContainsWord(1));
  EXPECT_FALSE(set.ContainsWord(4));  // only as the start of "4 2"
  EXPECT_FALSE(set.ContainsWord(TokenTable::kAbsent));
  EXPECT_FALSE(set.ContainsWord(1000));
}

// A vocabulary whose words are ids of a shared table (the rules' one, which holds other words
// too) finds the same names from the ids tagging gives a sentence as from its own lookups.
TEST(NameVocabularyTest, SharedVocabularyFindsTheSameNames) {
  TokenTable shared;
  for (std::string_view w : {"putin", "met", "abe", "treaty", "president"}) shared.Intern(w);
  NameVocabulary v;
  v.ShareVocabulary(&shared);
  EXPECT_TRUE(v.AddList("name-title", Items({"president", "prime minister", "ambassador"})));
  EXPECT_TRUE(v.AddList("head-agreement", Items({"treaty", "protocol"})));
  EXPECT_EQ(&v.words(), &shared);
  EXPECT_EQ(v.Id("president"), shared.Find("president"));
  for (std::string_view text : {"Prime Minister Shinzo Abe met President Putin.",
                                "They signed the Vladivostok Protocol and the Moscow Treaty."}) {
    SCOPED_TRACE(text);
    const std::string lower = AsciiLower(text);
    const std::vector<Token> tokens = Tokenize(text);
    std::vector<uint32_t> ids;
    for (const Token& t : tokens) {
      ids.push_back(shared.Find(std::string_view(lower).substr(t.begin, t.end - t.begin)));
    }
    EXPECT_EQ(ids, v.Ids(lower, tokens));
    const auto labels = [](const std::vector<ShapedName>& names) {
      std::vector<std::string> out;
      for (const ShapedName& n : names) out.push_back(n.label);
      return out;
    };
    const std::vector<std::string> looked_up =
        labels(FindShapedNames(v, text, lower, tokens, {}, nullptr));
    EXPECT_FALSE(looked_up.empty());
    EXPECT_EQ(labels(FindShapedNames(v, text, lower, tokens, {}, nullptr, false, &ids)), looked_up);
  }
}

// "type:label" or "type:label (ACRONYM)" or "person:label [office]" per name found; `known`
// lists the texts the rules already found.
std::vector<std::string> FindWith(const NameVocabulary& v, std::string_view text,
                                  std::vector<std::string_view> known = {},
                                  const DocumentWords* words = nullptr, bool title_like = false) {
  const std::string lower = AsciiLower(text);
  const std::vector<Token> tokens = Tokenize(text);
  std::vector<KnownSpan> spans;
  for (std::string_view k : known) {
    // "person:" before a known mention marks a known person's.
    const bool person = k.substr(0, 7) == "person:";
    if (person) k.remove_prefix(7);
    const size_t at = text.find(k);
    EXPECT_NE(at, std::string_view::npos) << k;
    KnownSpan span;
    span.person = person;
    for (uint32_t t = 0; t < tokens.size(); ++t) {
      if (tokens[t].begin == at) span.tok_begin = t;
      if (tokens[t].end == at + k.size()) span.tok_end = t + 1;
    }
    spans.push_back(span);
  }
  std::sort(spans.begin(), spans.end(),
            [](const KnownSpan& a, const KnownSpan& b) { return a.tok_begin < b.tok_begin; });
  std::vector<std::string> out;
  for (const ShapedName& n : FindShapedNames(v, text, lower, tokens, spans, words, title_like)) {
    std::string s = std::string(EntityTypeName(n.type)) + ":" + n.label;
    if (!n.acronym.empty()) s += " (" + n.acronym + ")";
    if (!n.office.empty()) s += " [" + n.office + "]";
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> Find(std::string_view text, std::vector<std::string_view> known = {},
                              const DocumentWords* words = nullptr, bool title_like = false) {
  static const NameVocabulary v = Vocabulary();
  return FindWith(v, text, known, words, title_like);
}

TEST(FindShapedNamesTest, People) {
  const struct {
    std::string_view text;
    std::vector<std::string_view> known;
    std::vector<std::string> names;
  } kCases[] = {
      {"Ambassador Bunker met Mr. Dobrynin.",
       {},
       {"person:Bunker [ambassador]", "person:Dobrynin [mr]"}},
      {"Prime Minister Giorgia Meloni spoke.", {}, {"person:Giorgia Meloni [prime minister]"}},
      {"President F.W. de Klerk of South Africa",
       {"South Africa"},
       {"person:F.W. de Klerk [president]"}},
      {"Chancellor Charles de Gaulle", {}, {"person:Charles de Gaulle [chancellor]"}},
      {"President Ursula von der Leyen said", {}, {"person:Ursula von der Leyen [president]"}},
      // A particle joined to the surname by a hyphen.
      {"Syrian President Hafiz al-Asad was not present", {}, {"person:Hafiz al-Asad [president]"}},
      {"Ambassador Philippe Bunau-Varilla signed",
       {},
       {"person:Philippe Bunau-Varilla [ambassador]"}},
      {"Prime Minister KISHIDA Fumio arrived", {}, {"person:Fumio Kishida [prime minister]"}},
      {"Dr. Sudip S. Parikh spoke", {}, {"person:Sudip S. Parikh [dr]"}},
      {"President Joseph R. Biden Jr. said", {}, {"person:Joseph R. Biden Jr. [president]"}},
      {"His Excellency Jonas Gahr Store", {}, {"person:Jonas Gahr Store [his excellency]"}},
      {"Secretary Byrnes's proposal", {}, {"person:Byrnes [secretary]"}},
      // Never a title or common word alone, never a known name again, never an initial alone.
      {"The President met the Ambassador Extraordinary and Plenipotentiary.", {}, {}},
      {"President Biden met Secretary General Guterres.", {"Biden", "Guterres"}, {}},
      {"Mr. F. said nothing.", {}, {}},
      {"the president Smith", {}, {}},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string(c.text));
    EXPECT_EQ(Find(c.text, c.known), c.names);
  }
}

TEST(FindShapedNamesTest, OrganisationsAgreementsEvents) {
  const struct {
    std::string_view text;
    std::vector<std::string_view> known;
    std::vector<std::string> names;
  } kCases[] = {
      {"Today the Strategic Consultative Group met.",
       {},
       {"organization:Strategic Consultative Group"}},
      {"loans from the Japan Bank for International Cooperation (JBIC) and others",
       {"Japan"},
       {"organization:Japan Bank for International Cooperation (JBIC)"}},
      {"the NATO-Russia Council", {"NATO", "Russia"}, {"organization:NATO-Russia Council"}},
      {"the Hebron Protocol and the Wye River Memorandum",
       {"Hebron"},
       {"agreement:Hebron Protocol", "agreement:Wye River Memorandum"}},
      {"after the October Revolution", {}, {"event:October Revolution"}},
      {"the Quad Leaders' Summit in Washington", {"Washington"}, {"event:Quad Leaders' Summit"}},
      {"a COVID-19 Summit", {}, {"event:COVID-19 Summit"}},
      {"the Council of Foreign Ministers met", {}, {"organization:Council of Foreign Ministers"}},
      {"the Task Force on Energy Security", {}, {"organization:Task Force on Energy Security"}},
      // A title and its tail is an office: the organisation is what the tail names, and a
      // person's name after a word of the tail is not part of it (a name right after the
      // connector is).
      {"the Secretary of the Strategic Consultative Group met",
       {},
       {"organization:Strategic Consultative Group"}},
      {"the President of the World Bank spoke", {}, {"organization:World Bank"}},
      {"the Secretary of the Council spoke", {}, {}},
      {"the Council of Energy Ministers James Smith spoke",
       {},
       {"organization:Council of Energy Ministers"}},
      {"the Treaty of James Bay", {}, {"agreement:Treaty of James Bay"}},
      {"Operation Mongoose began", {}, {"event:Operation Mongoose"}},
      {"while the administration planned Operation Mongoose, in July",
       {},
       {"event:Operation Mongoose"}},
      {"the Mongoose Operation", {}, {"event:Mongoose Operation"}},
      // A particle joined by a hyphen to the word before the head stays in the name; a
      // person's name inside a longer run does not join it.
      {"Barak signed the Sharm al-Shaykh Memorandum with Arafat",
       {},
       {"agreement:Sharm al-Shaykh Memorandum"}},
      {"the Executive Council of the PLO Hussein al-Sheikh and Prime Minister Mustafa",
       {"PLO"},
       {"organization:Executive Council of the PLO Hussein", "person:Mustafa [prime minister]"}},
      {"the High-Level Economic Dialogue (HLED)",
       {},
       {"event:High-Level Economic Dialogue (HLED)"}},
      // A head noun alone, or a known entity, is nothing new; coordination splits at "and".
      {"The Summit opened.", {}, {}},
      {"the European Council met", {"European Council"}, {}},
      {"NATO and European Council", {"NATO"}, {"organization:European Council"}},
      // Place heads: landmarks, estates, waters; a later head of another type wins.
      {"a visit to the Temple Mount", {}, {"place:Temple Mount"}},
      {"at the Wye River Plantation", {}, {"place:Wye River Plantation"}},
      {"on the shore of the Sea of Galilee", {}, {"place:Sea of Galilee"}},
      {"the Gulf Cooperation Council met", {}, {"organization:Gulf Cooperation Council"}},
      {"The Sea was calm.", {}, {}},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string(c.text));
    EXPECT_EQ(Find(c.text, c.known), c.names);
  }
}

// Offices before "of"/"for" start no organisation; possessives and "and" inside a name; found
// in a judged draw of the store's entities (tests/data/regression/precision_entities_sample.tsv).
TEST(FindShapedNamesTest, OfficesPossessivesAndConjunctionsInNames) {
  // More of rules/core/names.rules than Vocabulary().
  NameVocabulary v;
  EXPECT_TRUE(
      v.AddList("name-title", Items({"president", "secretary", "minister", "director", "mayor",
                                     "dr", "deputy secretary", "secretary of the treasury"})));
  EXPECT_TRUE(v.AddList("name-stopword",
                        Items({"the", "chief", "national", "state", "emeritus", "federal", "united",
                               "nation", "fourth", "world", "affairs", "deputy"})));
  EXPECT_TRUE(v.AddList("name-opener", Items({"the", "deputy"})));
  EXPECT_TRUE(v.AddList("name-apposition", Items({"nominee", "officer", "professor"})));
  EXPECT_TRUE(
      v.AddList("head-organization",
                Items({"ministry", "league", "group", "court", "council", "office", "committee",
                       "bureau", "department", "institute", "service", "board", "college"})));
  EXPECT_TRUE(v.AddList("head-event", Items({"conference"})));
  EXPECT_TRUE(v.AddList("head-agreement", Items({"agreements"})));
  EXPECT_TRUE(v.AddList("name-given",
                        Items({"wolfgang", "annegret", "jennifer", "wally", "nancy", "eric"})));
  const auto find = [&v](std::string_view text, std::vector<std::string_view> known) {
    return FindWith(v, text, known);
  };
  const struct {
    std::string_view text;
    std::vector<std::string_view> known;
    std::vector<std::string> names;
  } kCases[] = {
      // An office (a title or person noun, then stop words only) before the connector.
      {"and Wolfgang Schmidt, State Secretary of the German Ministry of Finance, met",
       {},
       {"organization:German Ministry of Finance"}},
      {"and White House Director of the Office of Public Engagement, said",
       {"White House"},
       {"organization:Office of Public Engagement"}},
      // The office word ends the words before the connector.
      {"their General Security of Military Information Agreements",
       {},
       {"agreement:General Security of Military Information Agreements"}},
      {"he is the Chief Investment Officer of Coastal Construction Group, one of",
       {},
       {"organization:Coastal Construction Group"}},
      {"Nancy Abudu: Nominee for the Court of Appeals for the Eleventh Circuit",
       {},
       {"organization:Court of Appeals for the Eleventh Circuit"}},
      // A title after the run's first word may start a person's name; a name is no office.
      {"met Federal Minister of Defense Annegret Kramp-Karrenbauer of Germany",
       {"Germany"},
       {"person:Annegret Kramp-Karrenbauer [minister of defense]"}},
      {"and Wynne Mayor Jennifer Hobbs of Arkansas",
       {"Arkansas"},
       {"person:Jennifer Hobbs [mayor]"}},
      {"Deputy Secretary of the Treasury Wally Adeyemo spoke",
       {},
       {"person:Wally Adeyemo [secretary of the treasury]"}},
      // A singular's possessive names an owner, not a part of the name: a title's (texts write
      // the name without it too), an organisation's, a place's, a known one's.
      {"the President's Council of Advisors on Science and Technology met",
       {},
       {"organization:Council of Advisors on Science and Technology"}},
      {"DOE's Office of Science funds it", {}, {"organization:Office of Science"}},
      {"the United Nation's Fourth World Conference on Women",
       {},
       {"event:Fourth World Conference on Women"}},
      {"Biden's National Security Council", {"Biden"}, {"organization:National Security Council"}},
      // A plural's possessive opens a name ("'s" after a plural that takes it); a singular's
      // names an owner.
      {"with the Children's Oncology Group (COG) and",
       {},
       {"organization:Children's Oncology Group (COG)"}},
      {"on the Board of the Women's Sports Group", {}, {"organization:Women's Sports Group"}},
      // A possessive in a head's tail: the name ends before the tail's last connector.
      {"on the Board of Trustees of the Women's Sports Group",
       {},
       {"organization:Board of Trustees", "organization:Women's Sports Group"}},
      {"the Office of Women's Health said", {}, {"organization:Office of Women's Health"}},
      {"a Council on Security and Women's Empowerment",
       {},
       {"organization:Council on Security and Women's Empowerment"}},
      {"the Council of the Communist Party of Vietnam's Central Commission",
       {"Vietnam"},
       {"organization:Council of the Communist Party of Vietnam"}},
      {"State's Diplomatic Security Service (DSS) completed",
       {},
       {"organization:Diplomatic Security Service (DSS)"}},
      // "and" in a head's tail: "the" and one or two common nouns, or a known place's or
      // people's name that other words of the name follow; never a head noun, a title, an
      // organisation or a known mention after it.
      {"at the Committee on Education and the Workforce in the House",
       {},
       {"organization:Committee on Education and the Workforce"}},
      {"the Bureau of East Asian and Pacific Affairs said",
       {"Pacific"},
       {"organization:Bureau of East Asian and Pacific Affairs"}},
      {"the Ministry of Foreign Affairs and the Ministry of Defense met",
       {},
       {"organization:Ministry of Foreign Affairs", "organization:Ministry of Defense"}},
      {"the Office of Pandemic Policy and Centers for Disease Control Prevention met",
       {"Centers for Disease Control"},
       {"organization:Office of Pandemic Policy"}},
      {"the Department of Justice and the FBI", {"FBI"}, {"organization:Department of Justice"}},
      {"at the Command and General Staff College in",
       {},
       {"organization:Command and General Staff College"}},
      {"Professor of Physics and Director of the Institute for Quantum Information said",
       {},
       {"organization:Institute for Quantum Information"}},
      // "Dr." before a name ends a headed run as a title does.
      {"said the Director of the Office of Science and Technology Policy Dr. Eric Lander.",
       {},
       {"organization:Office of Science and Technology Policy", "person:Eric Lander [dr]"}},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string(c.text));
    EXPECT_EQ(find(c.text, c.known), c.names);
  }
}

TEST(FindShapedNamesTest, OfficeTitlesHyphensAndBodiesOfEvents) {
  // More of rules/core/names.rules than Vocabulary(): the office titles of judges, members,
  // trustees and officers; stop words that are nouns of a name's tail ("law").
  NameVocabulary v;
  EXPECT_TRUE(v.AddList(
      "name-title",
      Items({"president", "president-elect", "judge", "chief judge", "member", "trustee", "cfo",
             "secretary", "secretary of state", "secretary of health and human services"})));
  EXPECT_TRUE(v.AddList("name-stopword", Items({"the", "national", "security", "state", "law",
                                                "member", "fellow", "united", "states", "today"})));
  EXPECT_TRUE(v.AddList("name-opener", Items({"the", "today"})));
  EXPECT_TRUE(v.AddList("name-apposition", Items({"professor", "fellow"})));
  EXPECT_TRUE(v.AddList(
      "head-organization",
      Items({"court", "council", "department", "association", "center", "task force", "board",
             "service", "office", "committee", "institute", "university", "college"})));
  EXPECT_TRUE(v.AddList("head-event", Items({"conference", "negotiations"})));
  EXPECT_TRUE(v.AddList("head-place", Items({"islands"})));
  EXPECT_TRUE(v.AddList("name-given", Items({"mary", "james", "kathleen"})));
  const std::string other = "She teaches law and works with the state and the county.";
  DocumentWords words;
  words.AddUnit(other, Tokenize(other));
  const struct {
    std::string_view text;
    std::vector<std::string_view> known;
    std::vector<std::string> names;
  } kCases[] = {
      // A judge's title before a name, alone or before "of"/"on" and the court.
      {"a law clerk for Judge James Best of the Judicial District Court in",
       {},
       {"person:James Best [judge]", "organization:Judicial District Court"}},
      {"Chief Judge Mary Schroeder on the Court of Appeals for the Ninth Circuit",
       {},
       {"person:Mary Schroeder [chief judge]",
        "organization:Court of Appeals for the Ninth Circuit"}},
      {"the Court of Appeals for the Ninth Circuit and Judge Mary Schroeder said",
       {},
       {"organization:Court of Appeals for the Ninth Circuit", "person:Mary Schroeder [judge]"}},
      // Offices the title lists hold start no organisation.
      {"is a Member of the Council of Economic Advisers",
       {},
       {"organization:Council of Economic Advisers"}},
      {"as the CFO of the Metropolitan Police Department,",
       {},
       {"organization:Metropolitan Police Department"}},
      // No name starts inside a hyphenated word or inside a title before its connector.
      {"is also President-Elect of the Grand Rapids Bar Association and",
       {},
       {"organization:Grand Rapids Bar Association"}},
      {"the Secretary of Health and Human Services, the Administrator", {}, {}},
      // An organisation's head before "of the"/"for the": a body of what follows, whatever
      // event or place head that has.
      {"the Census Task Force for the United States Conference of Mayors and",
       {"United States"},
       {"organization:Census Task Force for the United States Conference of Mayors"}},
      {"the Superior Court of the Virgin Islands ruled",
       {},
       {"organization:Superior Court of the Virgin Islands"}},
      {"the Conference of the Parties met", {}, {"event:Conference of the Parties"}},
      // "and the" and a stop word that opens no sentence ends a name's tail, before "and" and a
      // lower-case word too.
      {"a Fellow at the Center on National Security and the Law and a Professor",
       {},
       {"organization:Center on National Security and the Law"}},
      // A stop word that says person (a member, a fellow) needs a given name or initials too.
      {"and Kathleen Kavalec, a member of the Senior Foreign Service, served",
       {},
       {"person:Kathleen Kavalec", "organization:Senior Foreign Service"}},
      {"including Google Cloud, a member of the Alliance, and", {}, {}},
      // "and" right after a head before another headed name joins two names.
      {"the Gender Policy Council and Office of Science Policy met",
       {},
       {"organization:Gender Policy Council", "organization:Office of Science Policy"}},
      {"the Metropolitan Police Department and Fire Department",
       {},
       {"organization:Metropolitan Police Department", "organization:Fire Department"}},
      // Not before a stop word alone and the head, nor a head that other words follow.
      {"the Virginia Polytechnic Institute and State University said",
       {},
       {"organization:Virginia Polytechnic Institute and State University"}},
      {"the New Hampshire College and University Council said",
       {},
       {"organization:New Hampshire College and University Council"}},
      // A known person's name before the run's first "of"/"on"/"for" starts no name.
      {"with Jared Bernstein of the Council of Economic Advisers",
       {"person:Jared Bernstein"},
       {"organization:Council of Economic Advisers"}},
      {"then-Senator Joe Biden on the Senate Judiciary Committee",
       {"person:Joe Biden"},
       {"organization:Senate Judiciary Committee"}},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string(c.text));
    EXPECT_EQ(FindWith(v, c.text, c.known, &words), c.names);
  }
}

TEST(FindShapedNamesTest, CommonWordsOfTheDocumentAreNotNames) {
  const std::string other = "The county sent a bunker to the border.";
  DocumentWords words;
  words.AddUnit(other, Tokenize(other));
  EXPECT_EQ(Find("Ambassador Bunker arrived.", {}, &words), std::vector<std::string>{});
  EXPECT_EQ(Find("Ambassador Dobrynin arrived.", {}, &words),
            std::vector<std::string>{"person:Dobrynin [ambassador]"});
}

TEST(DocumentWordsTest, KeptAsVocabularyIdsTheSameAsByText) {
  const std::string other = "The county sent a bunker and an iPhone to the border near Zorvia.";
  const std::vector<Token> tokens = Tokenize(other);
  TokenTable vocabulary;
  for (const char* word : {"bunker", "county", "iphone", "energy"}) vocabulary.Intern(word);
  const std::string lower = AsciiLower(other);
  std::vector<uint32_t> ids;
  for (const Token& t : tokens)
    ids.push_back(vocabulary.Find(lower.substr(t.begin, t.end - t.begin)));
  DocumentWords by_text;
  by_text.AddUnit(other, tokens);
  DocumentWords by_id(&vocabulary);
  by_id.AddUnit(other, lower, tokens, ids);
  TokenTable other_vocabulary;
  other_vocabulary.Intern("bunker");
  for (const char* word :
       {"bunker", "county", "iphone", "energy", "border", "near", "sent", "zorvia", "the"}) {
    SCOPED_TRACE(word);
    const bool written = by_text.Contains(word);
    EXPECT_EQ(by_id.Contains(word, vocabulary.Find(word), &vocabulary), written);
    EXPECT_EQ(by_id.Contains(word), written);
    EXPECT_EQ(by_id.Contains(word, other_vocabulary.Find(word), &other_vocabulary), written);
  }
  // "iPhone" is written with a capital: no lower-case "iphone" (by text as by id).
  EXPECT_FALSE(by_id.Contains("iphone", vocabulary.Find("iphone"), &vocabulary));
  EXPECT_TRUE(by_id.Contains("bunker", vocabulary.Find("bunker"), &vocabulary));
  EXPECT_TRUE(by_id.Contains("border"));
}

TEST(FindShapedNamesTest, GivenNameAndSurnameTheDocumentUsesAlone) {
  const std::string other =
      "Later, Truman and Byrnes encouraged the talks. Visit Normandy Beach. Talks with Bunker and "
      "Hodge, to extend Medicare for Studies with Bowes and Kim. Moreover, Davies faced it.";
  DocumentWords words;
  words.AddUnit(other, Tokenize(other));
  const struct {
    std::string_view text;
    bool title_like;
    std::vector<std::string> names;
  } kCases[] = {
      {"His Secretary of State, James F. Byrnes, agreed.", false, {"person:James F. Byrnes"}},
      {"Ellsworth Bunker arrived in Panama.", false, {"person:Ellsworth Bunker"}},
      // After a comma a surname is written alone too ("Moreover, Davies faced").
      {"Roosevelt sent businessman Joseph E. Davies to Moscow.",
       false,
       {"person:Joseph E. Davies"}},
      // Initials inside the name stand for a given name the lists lack.
      {"and then Langston W. Bowes spoke.", false, {"person:Langston W. Bowes"}},
      // A surname the document never writes alone, or a sentence opener, is no evidence.
      {"Yahya Sinwar died.", false, {}},
      {"Omaha Beach was quiet.", false, {}},
      // Title case without a given name: a heading's verb, a field, a body.
      {"The bill would Extend Medicare for all.", false, {}},
      {"a chair of African Studies at Yale", false, {}},
      // A heading or title-like line yields no person without a title.
      {"Statement by Adam Hodge on the Visit", true, {}},
      {"Remarks by Ambassador Ellsworth Bunker", true, {"person:Ellsworth Bunker [ambassador]"}},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string(c.text));
    EXPECT_EQ(Find(c.text, {}, &words, c.title_like), c.names);
  }
}

TEST(CleanPersonNameTest, Table) {
  const NameVocabulary v = Vocabulary();
  const std::string other = "climate policy and economy";
  DocumentWords words;
  words.AddUnit(other, Tokenize(other));
  const struct {
    std::string_view label;
    std::string clean;
  } kCases[] = {
      {"Meg Whitman", "Meg Whitman"},
      {"The Honorable Meg Whitman", "Meg Whitman"},
      {"His Excellency Cho Hyundong", "Cho Hyundong"},
      {"Climate Secretary Ali Zaidi", "Ali Zaidi"},
      {"Economy Tatiana Clouthier", "Tatiana Clouthier"},
      {"Intergovernmental Affairs Tom Perez", "Tom Perez"},
      {"KISHIDA Fumio", "Fumio Kishida"},
      {"F.W. de Klerk", "F.W. de Klerk"},
      {"President", ""},
      {"Extraordinary", ""},
      {"County", ""},
      {"Secretary", ""},
      {"General", ""},
      {"Dr", ""},
      {"Sudip S", ""},
      {"Economy", ""},
      {"Tufts University", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string(c.label));
    EXPECT_EQ(CleanPersonName(v, c.label, &words).label, c.clean);
  }
}

TEST(CleanPersonNameTest, SurfaceIsTheNameAsWritten) {
  const NameVocabulary v = Vocabulary();
  const CleanName name = CleanPersonName(v, "Prime Minister KISHIDA Fumio", nullptr);
  EXPECT_EQ(name.label, "Fumio Kishida");
  EXPECT_EQ(name.surface, "KISHIDA Fumio");
}

TEST(TransliterationKeyTest, VariantsMeet) {
  EXPECT_EQ(TransliterationKey("Shoigu"), TransliterationKey("Shoygu"));
  EXPECT_EQ(TransliterationKey("Zelenskyy"), TransliterationKey("Zelensky"));
  EXPECT_EQ(TransliterationKey("Mikhail Gorbachev"), TransliterationKey("Mikail Gorbachev"));
  EXPECT_NE(TransliterationKey("Kim Jong Un"), TransliterationKey("Kim Jong Il"));
}

}  // namespace
}  // namespace parley::internal
