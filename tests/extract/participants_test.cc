// Collective and implicit actors (extract/participants.h), end to end and table-driven: each
// case is a small document (title, address, date, Markdown text) extracted with the default
// rules; the statements must include (and must not include) the given ones, written as
// "SUBJECT PREDICATE [OBJECT]" with an optional "rcpt=ID".
#include "extract/participants.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "extract/extractor.h"

namespace parley {
namespace {

const Extractor& Default() {
  static const std::unique_ptr<Extractor> extractor = [] {
    Result<std::unique_ptr<Extractor>> e = Extractor::Create(ExtractorOptions());
    EXPECT_TRUE(e.ok()) << e.status().message();
    return std::move(*e);
  }();
  return *extractor;
}

std::string Brief(const Statement& st) {
  std::string out = st.subject.id + " " + st.predicate;
  if (st.object) out += " " + st.object->id;
  if (st.recipient) out += " rcpt=" + st.recipient->id;
  return out;
}

struct Case {
  std::string name;
  std::string title, url, date, text;
  std::vector<std::string> has, has_not;
};

TEST(ParticipantsTest, CollectiveAndImplicitActors) {
  const std::string wh = "https://www.whitehouse.gov/briefing-room/statements-releases/x/";
  const Case cases[] = {
      {"the leaders: the persons the title names",
       "Readout of President Biden's Call with Chancellor Scholz of Germany",
       wh,
       "2022-02-07",
       "The leaders condemned Russia's attacks on Ukraine.",
       {"person:joe-biden condemned state:russia", "person:olaf-scholz condemned state:russia"},
       {}},
      {"the office of another country than the document's: the one person it names with it",
       "Readout of President Biden's Call with Prime Minister Ardern of New Zealand",
       wh,
       "2022-05-31",
       "President Biden spoke with Prime Minister Jacinda Ardern of New Zealand. The Prime "
       "Minister condemned Russia's attacks on Ukraine.",
       {"person:jacinda-ardern condemned state:russia"},
       {}},
      {"\"The President and Prime Minister\": the office after \"and\" shares the \"the\"",
       "Readout of President Biden's Call with Prime Minister Ardern of New Zealand",
       wh,
       "2022-05-31",
       "President Biden spoke with Prime Minister Jacinda Ardern of New Zealand. The President "
       "and Prime Minister condemned Russia's attacks on Ukraine.",
       {"person:joe-biden condemned state:russia", "person:jacinda-ardern condemned state:russia"},
       {}},
      {"\"the Prime Minister\" with two prime ministers named: nobody",
       "Readout of President Biden's Call with Prime Ministers",
       wh,
       "2022-05-31",
       "President Biden spoke with Prime Minister Jacinda Ardern of New Zealand and Prime "
       "Minister Fumio Kishida of Japan. The Prime Minister condemned Russia's attacks.",
       {},
       {"person:jacinda-ardern condemned state:russia", "person:fumio-kishida condemned"}},
      {"\"all states\" is every state; \"all three countries\" the document's",
       "Joint Statement of the Leaders of Japan, South Korea and the United States",
       wh,
       "2023-08-18",
       "All states must condemn Russia's attacks on Ukraine. All three countries condemned "
       "North Korea's missile launches.",
       {"state:japan condemned state:north-korea",
        "state:united-states condemned state:north-korea"},
       {"state:japan condemned state:russia", "state:united-states condemned state:russia"}},
      {"\"the Presidents\" of participants that are no persons: the states among them",
       "Joint Statement of France and the United States",
       wh,
       "2024-06-08",
       "France and the United States met with the OECD in Paris. The Presidents welcomed the "
       "new agreement on plastics.",
       {"state:france welcomed", "state:united-states welcomed"},
       {"organization:oecd welcomed"}},
      {"the author of a statement is no participant",
       "Statement by Press Secretary Jen Psaki on President Biden's Call with President "
       "Zelenskyy of Ukraine",
       wh,
       "2022-01-02",
       "The leaders condemned Russia's military build-up.",
       {"person:joe-biden condemned state:russia",
        "person:volodymyr-zelenskyy condemned state:russia"},
       {"person:jen-psaki condemned state:russia"}},
      {"a meeting sentence establishes them; the number must agree",
       "",
       "",
       "2023-05-01",
       "President Biden met with President Yoon Suk Yeol in Washington. The two leaders "
       "condemned North Korea's missile launches. The three leaders condemned Russia.",
       {"person:joe-biden condemned state:north-korea",
        "person:yoon-suk-yeol condemned state:north-korea"},
       {"person:joe-biden condemned state:russia"}},
      {"the two alone: that many participants, or that many persons the sentence names",
       "",
       "",
       "2023-05-01",
       "President Biden met with President Yoon Suk Yeol in Washington. The two condemned North "
       "Korea's missile launches. The three condemned Russia. Vice President Walter Mondale "
       "worked with President Jimmy Carter as the two sought to end the war.",
       {"person:joe-biden condemned state:north-korea",
        "person:yoon-suk-yeol condemned state:north-korea", "person:walter-mondale ended",
        "person:jimmy-carter ended"},
       {"person:joe-biden condemned state:russia", "person:joe-biden ended"}},
      {"the two alone: an owner named before it is none of them",
       "",
       "",
       "2023-05-01",
       "Jake Sullivan praised President Biden's leadership, and the two condemned Iran.",
       {},
       {"person:joe-biden condemned state:iran", "person:jake-sullivan condemned state:iran"}},
      {"the two countries: the participants' states",
       "Readout of President Biden's Meeting with President Macron of France",
       wh,
       "2022-12-01",
       "The two countries condemned Iran's attacks.",
       {"state:united-states condemned state:iran", "state:france condemned state:iran"},
       {"person:joe-biden condemned state:iran"}},
      {"an apposition names who we are, for the sentences after it too",
       "",
       "",
       "2023-08-18",
       "We, the leaders of Japan, the Republic of Korea and the United States, condemn North "
       "Korea's missile launches.\n\nWe welcome Australia's support.",
       {"state:japan condemned state:north-korea", "state:south-korea condemned state:north-korea",
        "state:united-states condemned state:north-korea", "state:japan welcomed state:australia"},
       {}},
      {"the President ending another's title is not the President",
       "",
       "",
       "2023-05-01",
       "President Biden spoke today.\n\nMelissa Rogers, Special Assistant to the President, "
       "Director of the Domestic Policy Council, welcomed the plan. The President thanked Japan.",
       {"person:joe-biden thanked state:japan"},
       {"person:joe-biden holds_office organization:domestic-policy-council"}},
      {"they: the last plural subject",
       "",
       "",
       "2021-11-16",
       "President Biden and President Xi met virtually. They condemned terrorism in all its "
       "forms and discussed Afghanistan.",
       {"person:joe-biden discussed person:xi-jinping",
        "person:xi-jinping discussed person:joe-biden"},
       {}},
      {"they opening a sentence with no plural subject near: the meeting's participants",
       "",
       "",
       "2022-04-22",
       "Jake Sullivan met with Prime Minister Fumio Kishida at the White House. Sullivan "
       "thanked Japan for its support. In addition, they condemned Russia's attacks.",
       {"person:jake-sullivan condemned state:russia",
        "person:fumio-kishida condemned state:russia"},
       {}},
      {"they after a sentence adverb without a comma: the participants",
       "",
       "",
       "2022-04-22",
       "Jake Sullivan met with Prime Minister Fumio Kishida at the White House. Together they "
       "condemned Russia's attacks.",
       {"person:jake-sullivan condemned state:russia",
        "person:fumio-kishida condemned state:russia"},
       {}},
      {"a bare 'leaders' opening a clause: the participants of the title or the first sentences",
       "",
       "",
       "2022-04-22",
       "Jake Sullivan met with Prime Minister Fumio Kishida at the White House. In the "
       "discussion, leaders condemned Russia's attacks.",
       {"person:jake-sullivan condemned state:russia",
        "person:fumio-kishida condemned state:russia"},
       {}},
      {"they: the first main clause's plural subject, not a relative clause's after it",
       "",
       "",
       "2024-08-29",
       "Jake Sullivan met with President Xi Jinping. The two sides discussed the commitments "
       "President Biden and President Xi made at the Woodside Summit. They also discussed "
       "Russia's war.",
       {"state:united-states discussed state:china"},
       {"person:joe-biden discussed person:xi-jinping"}},
      {"a host's and a guest's spouse are no party to the leaders' talks",
       "",
       "",
       "2024-05-20",
       "President Joe Biden and First Lady Jill Biden will host President William Ruto and "
       "First Lady Rachel Ruto of Kenya for a State Visit. The leaders will discuss trade.",
       {"person:joe-biden hosted person:william-ruto",
        "person:jill-biden hosted person:rachel-ruto",
        "person:joe-biden discussed person:william-ruto"},
       {"person:jill-biden discussed", "person:rachel-ruto discussed"}},
      {"the three Allied leaders: a determiner, a number and capitalised adjectives",
       "",
       "",
       "",
       "The Tehran Conference was a meeting between Franklin Roosevelt, Winston Churchill and "
       "Joseph Stalin. At Tehran, the three Allied leaders also discussed Germany.",
       {"person:winston-churchill discussed person:joseph-stalin"},
       {}},
      {"a bare 'participants': only states; nor leaders of a meeting late in the document",
       "",
       "",
       "2022-04-22",
       "The Domestic Policy Council and the Gender Policy Council hosted a roundtable. "
       "Participants condemned Iran. The United States thanked Canada. Japan thanked Korea. "
       "Canada thanked France. Jake Sullivan met with Prime Minister Fumio Kishida. Leaders "
       "condemned Syria.",
       {},
       {"organization:domestic-policy-council condemned state:iran",
        "person:jake-sullivan condemned state:syria"}},
      {"they after a plural subject naming no two actors, or after an organization: not them",
       "",
       "",
       "2022-04-22",
       "Jake Sullivan met with Prime Minister Fumio Kishida at the White House. The programs "
       "will grow. They condemned Russia's attacks. Jake Sullivan met with Prime Minister "
       "Fumio Kishida. General Townsend, and Mr. Maier visited Kenya. They condemned Iran. Jake "
       "Sullivan met with Prime Minister Fumio Kishida. The World Bank lends money. They "
       "condemned Syria.",
       {},
       {"person:jake-sullivan condemned state:russia", "person:jake-sullivan condemned state:iran",
        "person:jake-sullivan condemned state:syria"}},
      {"it opening what a state or organization says or plans: that subject; not after hope",
       "",
       "",
       "2022-02-22",
       "Germany announced that it would halt certification of the pipeline. Russia hoped it "
       "would condemn Ukraine.",
       {"state:germany halted"},
       {"state:russia condemned state:ukraine"}},
      {"It opening a sentence: the last sentence's main subject, one state, body or agreement",
       "",
       "",
       "2022-02-22",
       "Japan reaffirmed its support for the talks. It condemned Russia's attacks. The Treaty of "
       "Versailles was signed in 1919. It required Germany to cede territory.",
       {"state:japan condemned state:russia",
        "agreement:treaty-of-versailles required rcpt=state:germany"},
       {}},
      {"It of a copula or of seeming, or after a person or a sentence between, names nothing",
       "",
       "",
       "2022-02-22",
       "Japan reaffirmed its support for the talks. It is time to condemn Russia. President Biden "
       "spoke with reporters. It condemned Iran. Germany hosted the talks. The rain stopped. It "
       "condemned Iran.",
       {},
       {"state:japan condemned state:russia", "person:joe-biden condemned state:iran",
        "state:germany condemned state:iran"}},
      {"they with no plural subject in the last two sentences gives nothing",
       "",
       "",
       "2021-11-16",
       "President Biden spoke with reporters. The weather was fine. The rain stopped. They "
       "condemned Russia.",
       {},
       {"person:joe-biden condemned state:russia"}},
      {"speaker labels: I and we in a speaker's turn",
       "Remarks by President Biden and President Zelenskyy",
       wh,
       "2024-06-15",
       "PRESIDENT ZELENSKYY: I thank the United States.\n\n"
       "PRESIDENT BIDEN: We support Ukraine.\n\nQ: Do you condemn Russia? We condemn Russia.",
       {"person:volodymyr-zelenskyy thanked state:united-states",
        "state:united-states supported state:ukraine"},
       {"state:united-states condemned state:russia"}},
      {"you in a speaker's turn: the other of two participants; I also want to",
       "Remarks by President Biden and President Zelenskyy",
       wh,
       "2024-06-15",
       "PRESIDENT ZELENSKYY: I thank you, Mr. President, for your support. And I also want to "
       "thank the U.S. Congress.\n\nPRESIDENT BIDEN: Thank you.",
       {"person:volodymyr-zelenskyy thanked person:joe-biden",
        "person:volodymyr-zelenskyy thanked organization:us-congress"},
       {}},
      {"you and I: both, each resolved; last is an adverb before a verb",
       "Remarks by President Biden and President Zelenskyy",
       wh,
       "2024-06-15",
       "PRESIDENT ZELENSKYY: You and I last met in Italy.",
       {"person:volodymyr-zelenskyy met_with person:joe-biden",
        "person:joe-biden met_with person:volodymyr-zelenskyy"},
       {}},
      {"you and I with more than two participants: no one",
       "Remarks by President Biden, President Macron and President Zelenskyy",
       wh,
       "2024-06-15",
       "PRESIDENT ZELENSKYY: You and I last met in Italy.",
       {},
       {"person:volodymyr-zelenskyy met_with person:joe-biden"}},
      {"you with more than two participants is no one",
       "Remarks by President Biden, President Macron and President Zelenskyy",
       wh,
       "2024-06-15",
       "PRESIDENT ZELENSKYY: I thank you for your support.",
       {},
       {"person:volodymyr-zelenskyy thanked person:joe-biden",
        "person:volodymyr-zelenskyy thanked person:emmanuel-macron"}},
      {"an official's we is the document's country",
       "Background Press Call by a Senior Administration Official",
       wh,
       "2022-02-12",
       "SENIOR ADMINISTRATION OFFICIAL: Thanks. We condemn Hamas.",
       {"state:united-states condemned organization:hamas"},
       {}},
      {"the President: the office holder of the document's country at its date",
       "Statement from National Security Advisor Jake Sullivan",
       wh,
       "2023-02-26",
       "The President condemned Russia's strikes on Kyiv.",
       {"person:joe-biden condemned state:russia"},
       {}},
      {"a name in the text beats the office's dates",
       "",
       wh,
       "2022-05-01",
       "President Trump met Kim Jong Un in Singapore. The President condemned Iran.",
       {"person:donald-trump condemned state:iran"},
       {"person:joe-biden condemned state:iran"}},
      {"the President of another country is not the document's",
       "",
       wh,
       "2023-02-26",
       "The President of Russia condemned Ukraine.",
       {},
       {"person:joe-biden condemned state:ukraine"}},
      {"without an address or a name, the President is no one",
       "",
       "",
       "2023-02-26",
       "The President condemned Russia.",
       {},
       {"person:joe-biden condemned state:russia"}},
      {"I in a statement by a person is its author",
       "Statement by President Biden on the Attack in Israel",
       wh,
       "2023-10-07",
       "I condemn Hamas. We stand with Israel.",
       {"person:joe-biden condemned organization:hamas"},
       {}},
      {"he and she: the nearest subject of that gender",
       "",
       "",
       "2022-01-01",
       "Ms. Kaja Kallas met reporters. President Biden condemned Russia. She condemned Iran.",
       {},
       {"person:joe-biden condemned state:iran"}},
      {"he: the nearest subject",
       "",
       "",
       "2022-01-01",
       "President Biden spoke with President Putin. He condemned Iran.",
       {"person:joe-biden condemned state:iran"},
       {"person:vladimir-putin condemned state:iran"}},
      {"he: a subject before it in its own sentence beats the earlier sentences'",
       "",
       "",
       "2022-01-01",
       "President Biden met President Macron. When Chancellor Scholz arrived in Paris, he "
       "condemned Russia.",
       {"person:olaf-scholz condemned state:russia"},
       {"person:joe-biden condemned state:russia"}},
      {"a pronoun coordinated with names: he and X",
       "",
       "",
       "2021-10-30",
       "President Biden arrived in Rome. On Saturday, he and President Xi met in Rome.",
       {"person:joe-biden met_with person:xi-jinping",
        "person:xi-jinping met_with person:joe-biden"},
       {}},
      {"we in a joint statement of states: the states its title lists",
       "Joint Statement of the Leaders of India, Israel, United Arab Emirates, and the United "
       "States",
       wh,
       "2022-07-14",
       "We condemn Russia's attacks.",
       {"state:india condemned state:russia", "state:israel condemned state:russia",
        "state:united-arab-emirates condemned state:russia",
        "state:united-states condemned state:russia"},
       {}},
      {"a document quoting others: its we is theirs, not the document's country",
       "What They Are Saying: Advocates Welcome the Executive Order",
       wh,
       "2022-07-08",
       "We will not stop organizing until our freedoms are safe. We also ask the Department of "
       "Health and Human Services to act with urgency.",
       {},
       {"state:united-states requested",
        "state:united-states requested "
        "rcpt=organization:us-department-of-health-and-human-services"}},
      {"a sentence about the participants keeps them: a co-chaired dialogue in it is no meeting",
       "Joint Statement Following Meeting Between President Biden and President Sisi",
       wh,
       "2022-07-16",
       "President Joe Biden met with Egyptian President Abdel Fattah Al Sisi today. The two "
       "leaders renewed their commitment to the U.S.-Egypt Strategic Dialogue co-chaired by "
       "Secretary of State Antony J. Blinken and Minister of Foreign Affairs Sameh Shoukry. The "
       "leaders welcomed the recent U.S. trade mission to Egypt.",
       {"person:abdel-fattah-el-sisi welcomed state:united-states"},
       {"person:antony-blinken welcomed state:united-states",
        "person:sameh-shoukry welcomed state:united-states"}},
      {"the leaders of A and B: the states the of-phrase names",
       "",
       "",
       "2023-05-01",
       "The leaders of Japan and India condemned Russia's attacks.",
       {"state:japan condemned state:russia", "state:india condemned state:russia"},
       {}},
      {"a body the title's states form is no participant beside them",
       "U.S.-EU Trade and Technology Council Inaugural Joint Statement",
       wh,
       "2021-09-29",
       "We condemn Russia's attacks on Ukraine.",
       {"state:united-states condemned state:russia",
        "organization:european-union condemned state:russia"},
       {"organization:trade-and-technology-council condemned state:russia"}},
      // A list "X will:" or "X decided to:" introduces: its items' opening verbs are X's.
      {"a list's items do what its introduction's subject will do",
       "",
       "",
       "2023-05-01",
       "The United States and Japan will:\n\n-   **Condemn Russia's attacks on Ukraine**: the "
       "attacks must stop.\n-   Support Ukraine's recovery.\n\nJapan and India decided to:\n\n"
       "-   Condemn Iran's attacks on Israel.\n",
       {"state:united-states condemned state:russia", "state:japan condemned state:russia",
        "state:united-states supported state:ukraine", "state:japan supported state:ukraine",
        "state:japan condemned state:iran", "state:india condemned state:iran"},
       {"state:united-states condemned state:iran"}},
      {"a list ends at a paragraph that opens with no verb; no introduction, no list",
       "",
       "",
       "2023-05-01",
       "Japan will:\n\n-   Condemn Russia's attacks on Ukraine.\n\nThe talks ended.\n\n-   "
       "Condemn Iran's attacks on Israel.\n\nJapan welcomed the plan. The plan will:\n\n-   "
       "Condemn North Korea's missile launches.\n",
       {"state:japan condemned state:russia"},
       {"state:japan condemned state:iran", "state:japan condemned state:north-korea"}},
      {"they after ', where': the plural direct object of the verb before it, or no one",
       "",
       "",
       "1998-10-20",
       "Israel and Egypt signed the treaty. In October 1998, Clinton hosted Netanyahu and Arafat "
       "at the Wye River Plantation, where they negotiated an agreement.\n\nPresident Biden "
       "hosted the leaders of Japan and India at the White House, where they discussed trade.",
       {"person:benjamin-netanyahu negotiated", "person:yasser-arafat negotiated"},
       {"state:israel negotiated", "state:egypt negotiated",
        "person:benjamin-netanyahu discussed person:yasser-arafat"}},
      {"a participant does not act on its own country",
       "Joint Statement by President Biden and President Zelenskyy",
       wh,
       "2024-07-09",
       "We will provide Ukraine with air defense systems.",
       {"person:joe-biden provided rcpt=state:ukraine"},
       {"person:volodymyr-zelenskyy provided rcpt=state:ukraine"}},
      {"a joint document of one body speaks for it",
       "G7 Leaders' Statement",
       wh,
       "2024-06-14",
       "We condemn Russia.",
       {"organization:g7 condemned state:russia"},
       {"state:united-states condemned state:russia"}},
      // A name found by shape in the title that holds a known entity is the document naming
      // itself: the body and the joint words inside it stay visible.
      {"a joint document whose title is a name of its own",
       "G7 Hiroshima Leaders' Communiqué",
       wh,
       "2023-05-20",
       "We condemn Russia.",
       {"organization:g7 condemned state:russia"},
       {"state:united-states condemned state:russia"}},
      {"a title's name the body writes again still says the document is joint",
       "2023 APEC Leaders' Golden Gate Declaration",
       wh,
       "2023-11-17",
       "The commitments found within this Golden Gate Declaration build upon the work of "
       "previous hosts. We condemn Russia.",
       {"organization:apec condemned state:russia"},
       {"state:united-states condemned state:russia"}},
      {"a title's organisation name that holds the participants: they speak",
       "Joint Statement of the Quad Senior Cyber Group",
       wh,
       "2023-05-20",
       "We condemn Russia.",
       {"organization:quad condemned state:russia"},
       {"state:united-states condemned state:russia"}},
      {"counter: a title that is no joint document keeps the document's country",
       "Statement on the G7 Hiroshima Leaders' Communiqué",
       wh,
       "2023-05-20",
       "We condemn Russia.",
       {"state:united-states condemned state:russia"},
       {"organization:g7 condemned state:russia"}},
      {"an owner: the Israeli side, U.S. participants",
       "",
       "",
       "2024-04-18",
       "U.S. participants condemned Hamas.",
       {"state:united-states condemned organization:hamas"},
       {}},
      // A possessive pronoun before a nominalisation acts, resolved as its subject form.
      {"a possessive pronoun: 'our deliveries of'",
       "Background Press Call by a Senior Administration Official",
       wh,
       "2022-02-12",
       "SENIOR ADMINISTRATION OFFICIAL: Our deliveries of security assistance to Ukraine have "
       "continued in recent days.",
       {"state:united-states provided rcpt=state:ukraine"},
       {}},
      {"a possessive pronoun: 'his visit to'",
       "",
       wh,
       "2022-02-07",
       "President Biden met Chancellor Scholz on Monday. During his visit to Berlin, the two "
       "discussed trade.",
       {"person:joe-biden visited place:berlin"},
       {"person:olaf-scholz visited place:berlin"}},
      // A possessive right after a person and for/on/about/over/and is that person's.
      {"'thanked X for his commitment to': X's commitment",
       "",
       wh,
       "2022-02-07",
       "President Biden met Chancellor Scholz on Monday. President Biden thanked Prime Minister "
       "Kishida for his commitment to strengthening the alliance.",
       {"person:fumio-kishida pledged"},
       {"person:joe-biden pledged"}},
      {"'welcomed X and his commitment to': X's commitment",
       "",
       wh,
       "2022-02-07",
       "President Biden met Chancellor Scholz on Monday. The President welcomed Prime Minister "
       "Modi and his commitment to expand cooperation.",
       {"person:narendra-modi pledged"},
       {"person:joe-biden pledged"}},
      {"a person of the other gender is not the possessor",
       "",
       wh,
       "2022-02-07",
       "President Biden met Chancellor Scholz on Monday. President Biden thanked Vice President "
       "Harris for his commitment to defend Ukraine.",
       {"person:joe-biden pledged"},
       {"person:kamala-harris pledged"}},
      {"no person right before it: the subject's",
       "",
       wh,
       "2022-02-07",
       "President Biden met Chancellor Scholz on Monday. President Biden reaffirmed his "
       "commitment to defend Ukraine.",
       {"person:joe-biden pledged"},
       {"person:olaf-scholz pledged"}},
      {"a support verb's subject before a possessive pronoun",
       "",
       "",
       "1983-01-01",
       "The Contras launched their first major attack against the Sandinistas.",
       {"organization:contras attacked organization:sandinistas"},
       {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Document d;
    d.info.id = "doc";
    d.info.format = "markdown";
    d.info.title = c.title;
    d.info.url = c.url;
    d.info.date = c.date;
    d.text = c.text;
    Result<Extraction> x = Default().Extract(d);
    ASSERT_TRUE(x.ok()) << x.status().message();
    std::string all;
    for (const Statement& st : x->statements) all += "  " + Brief(st) + "\n";
    auto has = [&](const std::string& want) {
      for (const Statement& st : x->statements) {
        if (Brief(st) == want) return true;
      }
      return false;
    };
    for (const std::string& want : c.has)
      EXPECT_TRUE(has(want)) << "missing: " << want << "\n" << all;
    for (const std::string& bad : c.has_not)
      EXPECT_FALSE(has(bad)) << "unexpected: " << bad << "\n" << all;
  }
}

}  // namespace
}  // namespace parley
