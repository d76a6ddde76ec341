#include "extract/sentences.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley {
namespace {

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> out;
  for (const TextRange& r : SplitSentences(text)) {
    out.emplace_back(text.substr(r.begin, r.end - r.begin));
  }
  return out;
}

std::string Join(const std::vector<std::string>& sentences) {
  std::string out;
  for (const std::string& s : sentences) {
    if (!out.empty()) out += ' ';
    out += s;
  }
  return out;
}

// Real sentences from tests/data/corpus (milestones/, wh-readouts/) and the sample article,
// normalised as extract/normalize.h does. Each case is run as one paragraph: the splitter must
// recover exactly these sentences.
const std::vector<std::vector<std::string>> kCases = {
    // Titles and initials.
    {"The Alliance for Progress, signed in 1961 by President John F. Kennedy, was designed to "
     "prevent the spread of socialism throughout the hemisphere.",
     "A key element of the Alliance was U.S. military assistance to friendly regimes in the "
     "region, an aspect that gained prominence with the ascension of President Lyndon B. Johnson "
     "to power in late 1963 (as the other components of the Alliance were downplayed)."},
    {"In the wake of the World War I, a report by Senator Gerald P. Nye, a Republican from North "
     "Dakota, fed this belief by claiming that American bankers and arms manufacturers had pushed "
     "for U.S. involvement for their own profit.",
     "In 1957, President Dwight D. Eisenhower had promised that the United States would treat "
     "the closure of the Straits as an act of war."},
    {"When Thomas Jefferson succeeded Franklin in 1785, French Foreign Minister Vergennes asked: "
     "\"It is you who replace Dr. Franklin?\"",
     "In the summer of 1946, Truman established a special cabinet committee under the "
     "chairmanship of Dr. Henry F. Grady, an Assistant Secretary of State, who entered into "
     "negotiations with a parallel British committee to discuss the future of Palestine."},
    {"With the administration of George H. W. Bush focused primarily on the Soviet Union, "
     "Germany, and the crisis in the Persian Gulf, Yugoslavia had lost the geostrategic "
     "importance it enjoyed during the Cold War.",
     "U.S. financier J. P. Morgan floated the loan on the U.S. market, which was quickly "
     "oversubscribed.",
     "U.S. President Harry S. Truman recognized the new nation on the same day."},
    {"He had been disappointed by the lack of support given native peoples struggling for "
     "independence from colonial rule at the Versailles Conference that ended World War I.",
     "In the 1940s, he made repeated requests for American aid and campaigned for independence."},
    {"Meanwhile, U.S. Generals Ulysses S. Grant and Philip Henry Sheridan bypassed Seward and "
     "began covert support of Juarez along the Texas-Mexico border.",
     "When the talks began, the United States was represented by U.S. Ambassador to "
     "Czechoslovakia U. Alexis Johnson, and the Chinese side by Chinese Ambassador to Poland Wang "
     "Bingnan."},
    // St., No., Gov., Gen., Jr., Sen.
    {"Prior to its independence, Haiti was a French colony known as St. Domingue.",
     "St. Domingue's slave-based sugar and coffee industries had been fast-growing and "
     "successful, and by the 1760s it had become the most profitable colony in the Americas.",
     "Prior to and after U.S. independence, American merchants enjoyed a healthy trade with St. "
     "Domingue."},
    {"St. Petersburg, however, lacked the financial resources to support major settlements or a "
     "military presence along the Pacific coast of North America and permanent Russian settlers "
     "in Alaska never numbered more than four hundred.",
     "Between 1945 and 1952, the U.S. occupying forces, led by General Douglas A. MacArthur, "
     "enacted widespread military, political, economic, and social reforms."},
    {"The Prime Minister met with Gov. Janet Mills of Maine and Sen. Susan Collins.",
     "The meeting took place at No. 10 Downing Street.", "Gen. Mark Milley also attended."},
    {"Readout of President Joseph R. Biden, Jr. Call with Prime Minister Justin Trudeau of "
     "Canada.",
     "President Joseph R. Biden, Jr. spoke today with Prime Minister Justin Trudeau of Canada."},
    {"The meeting was chaired by Joseph R. Biden, Jr.",
     "The two leaders discussed the COVID-19 pandemic."},
    // U.S. at the end of a sentence: split only before a typical sentence starter.
    {"That same day, Kennedy sent a letter to Khrushchev declaring that the United States would "
     "not permit offensive weapons to be delivered to Cuba, and demanded that the Soviets "
     "dismantle the missile bases already under construction or completed, and return all "
     "offensive weapons to the U.S.S.R.",
     "The letter was delivered the next morning."},
    {"She also convened legislators from Montana, Indiana, Florida, South Dakota, and Nebraska "
     "in Washington D.C.",
     "They discussed efforts to protect reproductive rights."},
    // An initial before a name with a non-ASCII letter ("A" of "Año" is no sentence starter).
    {"National Security Advisor Jake Sullivan spoke yesterday with Philippine National Security "
     "Advisor Eduardo M. Año.",
     "Mr. Sullivan and Mr. Año discussed shared concerns."},
    {"National Security Advisor Jake Sullivan met today with People's Republic of China Director "
     "of the Office of the Foreign Affairs Commission and Foreign Minister Wang Yi in "
     "Washington, D.C.",
     "This meeting was part of ongoing efforts to maintain open lines of communication."},
    {"Beijing would benefit from the reduction of U.S. troops stationed in Japan as a result of "
     "a potential Moscow-Tokyo deal.",
     "Analysts tend to ignore the fact that the Russian president made his unconditional peace "
     "treaty proposal to Prime Minister Abe in the presence of Chinese president Xi Jinping at "
     "the forum."},
    {"The other condition seeks to secure guarantees by both Tokyo and Washington that the "
     "returned islands would be exempt from the 1960 U.S.-Japan Security Treaty, which grants the "
     "United States the right to use some facilities and areas in Japan to deploy its armed "
     "forces on a permanent basis."},
    {"In response to these reported incidents, President Lyndon B. Johnson requested permission "
     "from the U.S. Congress to increase the U.S. military presence in Indochina.",
     "Three weeks later, U.S. President John F. Kennedy was also assassinated, and the war "
     "continued under new leadership in both countries."},
    // Decimals, percentages, numbers, dates.
    {"The arbitration commission, which issued its decision in September 1872, rejected "
     "American claims for indirect damages, but did order Britain to pay the United States "
     "$15.5 million as compensation for the Alabama claims.",
     "In the spring of 1921, the Commission set the final bill at 132 billion gold marks, "
     "approximately $31.5 billion."},
    {"Opinion polls in Russia indicate that only 14% of the population believe that it is worth "
     "surrendering a few outposts at sea in order to improve relations with Japan.",
     "Despite the cooperative spirit and official statements of the Putin-Abe negotiations, the "
     "Kremlin has dispatched top officials to visit the Kurils and has continued to reinforce "
     "Russia's defense installations on the disputed islands."},
    {"In the treaty, the powers agreed to a 5:5:3:1.75:1.75 ratio of naval tonnage and "
     "restrictions with regard to new building of both ships and bases.",
     "Growth reached 14.5% in 2019."},
    {"The Continental Congress voted on Jan 10, 1781, to establish a Department of Foreign "
     "Affairs; on Aug 10 of that year, it elected Robert R. Livingston as Secretary of Foreign "
     "Affairs.",
     "TOKYO, Aug. 22 (Reuters) - Japan's foreign minister said on Sept. 3 that talks would "
     "resume."},
    {"At 9:10 a.m., Allende made his final broadcast from the presidential palace, announcing "
     "that he would not resign the presidency."},
    // Quotes and parentheses around sentence ends.
    {"From 1909 to 1913, President William Howard Taft and Secretary of State Philander C. Knox "
     "followed a foreign policy characterized as \"dollar diplomacy.\"",
     "Taft shared the view held by Knox."},
    {"In 1793, competing factions battled for control of the then-capital of St. Domingue, "
     "Cap-Francais (now Cap-Haitien.)",
     "The growing xenophobia, along with temporarily improved political stability in France and "
     "St. Domingue, convinced many of the refugees to return home."},
    {"(See Chinese Immigration and the Chinese Exclusion Acts.)",
     "Republican President Rutherford B. Hayes vetoed the bill because it violated U.S. treaty "
     "agreements with China."},
    {"Vitaly Kozyrev, professor at Endicott College and research fellow at Russian National "
     "University, explains that \"The majority of the Japanese public disapproves of any deal "
     "being signed until the four disputed islands are returned.\"",
     "In this time of strategic uncertainty as well as the return to sovereignty discourse in "
     "international politics, Russia and Japan have embarked on a complex negotiation process."},
    {"In his press conference at the East Asian Summit in Singapore in November 2018, Putin "
     "acknowledged that the 1956 joint declaration \"neither mentions a basis for returning "
     "Habomai and Shikotan nor clarifies which country has sovereignty over the islands,\" thus "
     "making the issue a subject of further negotiations."},
    {"When war broke out in Europe in September 1939, President Franklin D. Roosevelt declared "
     "that while the United States would remain neutral in law, he could \"not ask that every "
     "American remain neutral in thought as well.\"",
     "\"Since 1919, the Nation has been at peace,\" he added."},
    {"On June 13, 1948, the administrator of U.S.-occupied Germany General Lucius Clay reported "
     "to Washington that \"There is no practicability in maintaining our position in Berlin and "
     "it must not be evaluated on that basis...\"",
     "Clay was overruled."},
    {"Q Thank you very much.", "Did I get that right?", "(Laughter.)", "Yeah, no problem."},
    {"MODERATOR: Great.", "Thanks so much."},
    // Ellipses, question and exclamation marks.
    {"\"Long live Chile!", "Long live the people!\"", "Those were his final words."},
    {"Are these primary care?", "What breakdown are they?", "Thank you."},
    // Roe v. Wade and other lower-case abbreviations.
    {"The participants stressed the urgency of other states taking action to protect abortion "
     "access following the Supreme Court overturning Roe v. Wade.",
     "The Vice President applauded the leaders for their bipartisan leadership."},
    {"The Casablanca Conference was a meeting between U.S. President Franklin D. Roosevelt and "
     "British Prime Minister Winston Churchill in the city of Casablanca, Morocco that took place "
     "from January 14-24, 1943."},
    {"George F. Kennan, a career Foreign Service Officer, formulated the policy of "
     "\"containment,\" the basic United States strategy for fighting the cold war (1947-1989) "
     "with the Soviet Union.",
     "Kennedy appointed W. Averell Harriman as Ambassador at Large in the first days of his "
     "administration."},
    {"The United States, through the DFC, will work with Biological E Ltd., to finance increased "
     "capacity to support Biological E's effort to produce at least 1 billion doses of COVID-19 "
     "vaccines by the end of 2022."},
};

TEST(SplitSentencesTest, RealSentences) {
  size_t sentences = 0;
  for (const std::vector<std::string>& expected : kCases) {
    const std::string paragraph = Join(expected);
    SCOPED_TRACE(paragraph);
    EXPECT_EQ(Split(paragraph), expected);
    sentences += expected.size();
  }
  EXPECT_GE(sentences, 60u);
}

TEST(SplitSentencesTest, EdgeCases) {
  struct Case {
    std::string text;
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      {"", {}},
      {"   ", {}},
      {"No terminal punctuation", {"No terminal punctuation"}},
      {"  Padded.  ", {"Padded."}},
      {"One. Two.", {"One.", "Two."}},
      {"Lower. case continues", {"Lower. case continues"}},
      {"Wait... What happened?", {"Wait...", "What happened?"}},
      {"It grew 2.5 percent. Then it fell.", {"It grew 2.5 percent.", "Then it fell."}},
      {"See http://example.com/a.b. Next.", {"See http://example.com/a.b.", "Next."}},
      {"He said \"Stop.\" She left.", {"He said \"Stop.\"", "She left."}},
      {"Really?! Yes.", {"Really?!", "Yes."}},
      {"Talks with the U.S. Navy went well.", {"Talks with the U.S. Navy went well."}},
      {"It met at 3 p.m. The talks ended.", {"It met at 3 p.m.", "The talks ended."}},
      {"Acme Inc. The firm grew.", {"Acme Inc.", "The firm grew."}},
      {"Acme Inc. Chairman Lee spoke.", {"Acme Inc. Chairman Lee spoke."}},
      // A full stop without its space before a sentence starter.
      {"They rejected informational warfare.The Presidents look forward to it.",
       {"They rejected informational warfare.", "The Presidents look forward to it."}},
      {"It serves a large community.The site is open.",
       {"It serves a large community.", "The site is open."}},
      {"Visit ChildTaxCredit.Gov today.", {"Visit ChildTaxCredit.Gov today."}},
      {"See whitehouse.gov/briefing.The rest.", {"See whitehouse.gov/briefing.The rest."}},
      {"The pandemic.Extending relief helps.", {"The pandemic.Extending relief helps."}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Split(c.text), c.expected);
  }
}

TEST(SplitSentencesTest, LongUnitsAreCutAtSpaces) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "word ";
  const std::vector<TextRange> ranges = SplitSentences(text, 42);
  ASSERT_FALSE(ranges.empty());
  size_t covered = 0;
  for (const TextRange& r : ranges) {
    EXPECT_LE(r.end - r.begin, 42u);
    EXPECT_NE(text[r.begin], ' ');
    EXPECT_NE(text[r.end - 1], ' ');
    covered += r.end - r.begin;
  }
  EXPECT_EQ(covered + ranges.size() - 1, text.size() - 1);
}

TEST(SplitSentencesTest, LongRunWithoutSpacesIsCutOnCharacterBoundaries) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "\xC3\xA9.";  // "é." repeated, no spaces
  for (const TextRange& r : SplitSentences(text, 10)) {
    EXPECT_LE(r.end - r.begin, 10u);
    EXPECT_NE(static_cast<unsigned char>(text[r.begin]) & 0xC0, 0x80);
  }
}

TEST(IsSentenceStarterTest, Words) {
  EXPECT_TRUE(IsSentenceStarter("The"));
  EXPECT_TRUE(IsSentenceStarter("However"));
  EXPECT_FALSE(IsSentenceStarter("Navy"));
  EXPECT_FALSE(IsSentenceStarter("the"));
}

}  // namespace
}  // namespace parley
