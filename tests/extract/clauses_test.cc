// The clause layer (extract/clauses.h) and its lexicon (extract/lexicon.h), table-driven: each
// sentence is tagged with the default rules and analysed, and the analysis as `parley rules
// explain` prints it must hold (or not hold) the given lines.
#include "extract/clauses.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "extract/default_rules.h"
#include "extract/lexicon.h"
#include "extract/mentions.h"
#include "extract/rule_cache.h"
#include "extract/rule_compiled.h"
#include "extract/rule_set.h"
#include "extract/sectors.h"

namespace parley {
namespace {

// The built-in snapshot (tests/built_in_rules.cc): the default rules as a run reads them.
const RuleSet& Rules() {
  static const std::shared_ptr<const RuleSet> rules = [] {
    Result<std::shared_ptr<const RuleSet>> r =
        LoadRuleSet(DefaultRuleSources(), RuleCacheOptions());
    EXPECT_TRUE(r.ok()) << r.status().message();
    return *r;
  }();
  return *rules;
}

std::string Analyse(const std::string& sentence) {
  internal::DocState doc{Rules().compiled(), "2020-01-01", false, {}, {}, {}};
  internal::Tagged s;
  internal::Tag(doc, sentence, DateReference{.date = doc.doc_date}, &s);
  if (internal::ApplySectors(doc, &s)) internal::BuildUnits(&s);  // as the pipeline does
  internal::ClauseAnalysis a;
  internal::AnalyzeClauses(s, Rules().compiled().lexicon, &a);
  return internal::DescribeClauses(s, Rules().compiled().lexicon, a);
}

struct Case {
  std::string sentence;
  std::vector<std::string> has;      // lines (trimmed) the analysis must contain
  std::vector<std::string> has_not;  // substrings it must not contain
};

TEST(ClausesTest, VerbGroupsChunksAndRoles) {
  const Case cases[] = {
      {"Japan flatly rejected the proposal.",
       {"verb group \"rejected\": reject (active, asserted)",
        "subject \"Japan\" = state:japan [before the verb]",
        "object \"the proposal\" (names no entity)"},
       {}},
      {"The treaty has not yet been signed by Japan.",
       {"verb group \"has not yet been signed\": sign (passive, negated)",
        "by-agent \"Japan\" = state:japan"},
       {}},
      {"Russia is expected to visit Tokyo.",
       {"verb group \"is expected to visit\": expect (passive, asserted) visit (active, planned)"},
       {}},
      {"Obama wants to attack Switzerland.",
       {"verb group \"wants to attack\": want (active, asserted) attack (active, planned)",
        "object \"Switzerland\" = state:switzerland"},
       {}},
      {"Japan didn't sign the treaty.", {"verb group \"didn't sign\": sign (active, negated)"}, {}},
      // A lower-case adverb before a noun opens a noun phrase after a preposition; not before
      // a gerund.
      {"The G7 called for further action against Russia.",
       {"for \"further action\" (names no entity)"},
       {}},
      {"Japan committed to further strengthening the alliance.", {}, {"\"further strengthening"}},
      // A degree word before an adverb belongs to it: the subject is before both.
      {"Japan most certainly did not sign the treaty.",
       {"verb group \"did not sign\": sign (active, negated)",
        "subject \"Japan\" = state:japan [before the verb]"},
       {}},
      // Catenative adjectives after "be" (`modality ... adjective`).
      {"Quad partners are proud to announce the fellowship.",
       {"verb group \"are proud to announce\": announce (active, asserted)",
        "subject \"Quad partners\" = organization:quad [before the verb]"},
       {}},
      {"Japan is not ready to sign the treaty.",
       {"verb group \"is not ready to sign\": sign (active, negated)"},
       {}},
      {"Russia was likely to attack Ukraine.",
       {"verb group \"was likely to attack\": attack (active, hedged)"},
       {}},
      // "be about to" (issue 15: PETRARCH-2's unit tests): the imminent future.
      {"Russia is about to restore full diplomatic ties with Georgia.",
       {"verb group \"is about to restore\": restore (active, planned)",
        "subject \"Russia\" = state:russia [before the verb]"},
       {}},
      // Words the lexicon does not know between "the" and a name are adjectives of the name.
      {"France and the mighty Germany signed the treaty.",
       {"subject \"France and the mighty Germany\" = state:france, state:germany [before the "
        "verb]"},
       {}},
      // "have" before a light verb's object (a held-talks object word) is the main verb; before
      // a participle, other nouns or nothing it is an auxiliary or no group.
      {"Japan had a productive discussion with Russia.",
       {"verb group \"had\": have (active, asserted)", "with \"Russia\" = state:russia"},
       {}},
      {"Japan will have talks with Russia.",
       {"verb group \"will have\": have (active, planned)"},
       {}},
      {"Japan has agreed to talks with Russia.",
       {"verb group \"has agreed\": agree (active, asserted)"},
       {}},
      {"The Palestinian people must have a political horizon.", {}, {"verb group"}},
      {"Japan has the tools to act.", {}, {"verb group \"has\""}},
      // A present form after its subject and adverbs, or after a plural noun phrase that opens
      // the clause with a determiner, when its object or infinitive follows.
      {"Japan and Korea also reaffirm their support for ASEAN.",
       {"verb group \"reaffirm\": reaffirm (active, asserted)"},
       {}},
      {"The two leaders also agree to cooperate on infrastructure.",
       {"verb group \"agree\": agree (active, asserted)"},
       {}},
      {"Both countries pledge to create a network.", {"verb group \"pledge\""}, {}},
      {"The leaders hail progress in negotiating an agreement.", {"verb group \"hail\""}, {}},
      // A capitalised plural after its determiner, before adverbs; one opening the sentence; a
      // bare plural opening its clause. Not after "and" (a list of nouns may go on).
      {"The Leaders strongly condemn Russia's attack.",
       {"verb group \"condemn\": condemn (active, asserted)"},
       {}},
      {"Leaders discussed the situation in the Middle East.",
       {"subject \"Leaders\" (names no entity) [noun phrase]"},
       {}},
      {"In the discussion, leaders reiterated their commitment.",
       {"verb group \"reiterated\": reiterate (active, asserted)"},
       {}},
      {"They cut tariffs and duties imposed on steel.", {}, {"subject \"duties\""}},
      // A quantifier floated after the subject: "They both agreed", "We all express"; not
      // after an object ("thanked them all for").
      {"They both agreed to deepen cooperation with Japan.",
       {"verb group \"agreed\": agree (active, asserted)\n    subject \"They\""},
       {}},
      {"We all express our condolences to Poland.", {"verb group \"express\""}, {}},
      {"Japan and Korea each reaffirmed their support for Ukraine.",
       {"subject \"Japan and Korea\" = state:japan, state:south-korea"},
       {}},
      // An organization's member states stand for it, and "member states" is no verb.
      {"The GCC member states and the United States met today.",
       {"subject \"The GCC member states and the United States\" = "
        "organization:gulf-cooperation-council, state:united-states"},
       {"verb group \"states\""}},
      // A function word joined by a hyphen is one modifier of the object; "have" with it is
      // the main verb.
      {"The leaders had an in-depth discussion on trade with Japan.",
       {"verb group \"had\": have (active, asserted)",
        "object \"an in-depth discussion\" (names no entity)"},
       {}},
      // Adjectives separated by a comma in the object of "have"; not before a verb form.
      {"The leaders had a broad, strategic discussion on trade with Japan.",
       {"verb group \"had\": have (active, asserted)"},
       {}},
      {"Biden had a long, detailed discussion with Kishida.", {}, {"verb group \"had\""}},
      // A reduced relative after an adverb.
      {"Biden welcomed the release of three Americans unjustly detained by Russia.",
       {"verb group \"detained\": detain (passive, asserted)\n    subject \"three Americans\" "
        "(names no entity) [reduced relative]"},
       {}},
      // A sum after a determiner, and a noun's possessive, inside the object.
      {"Biden welcomed the $100 million commitment from the GCC.",
       {"object \"the $100 million commitment\" (names no entity)"},
       {}},
      {"Biden renewed his country's support for Ukraine.",
       {"object \"his country's support\" (names no entity)\n    for \"Ukraine\""},
       {}},
      // An adverb of order inside a noun phrase.
      {"President Biden welcomed the ROK's first Indo-Pacific Strategy.",
       {"object \"the ROK's first Indo-Pacific Strategy\" (names no entity; owner "
        "state:south-korea"},
       {}},
      // The same entity's short form in parentheses after its possessive.
      {"The United States supports the International Atomic Energy Agency's (IAEA) efforts.",
       {"object \"the International Atomic Energy Agency's (IAEA) efforts\""},
       {}},
      // A purpose infinitive after a time word or adverb: the subject of the verb before.
      {"Jake Sullivan traveled to Kyiv today to meet with President Volodymyr Zelenskyy.",
       {"subject \"Jake Sullivan\" = person:jake-sullivan [purpose of 'traveled']"},
       {}},
      {"Jake Sullivan traveled to Kyiv, Ukraine today to meet with President Zelenskyy.",
       {"subject \"Jake Sullivan\" = person:jake-sullivan [purpose of 'traveled']"},
       {}},
      // The purpose of a verb of contact takes its with-phrase: whom they met is whom they
      // discuss with, not each other.
      {"Blinken and Austin met with President Lopez Obrador to discuss border challenges.",
       {"object \"border challenges\" (names no entity)\n    with \"President Lopez Obrador\""},
       {}},
      // A delegation that is named does what the infinitive says, not its sender.
      {"President Biden announced a Presidential Delegation to Qatar to attend the ceremony.",
       {},
       {"[purpose of 'announced']"}},
      // A capitalised word before "of" inside a sentence is a title, no verb.
      {"Sullivan met President Zelenskyy, Head of the Office of the President Andriy Yermak.",
       {},
       {"verb group \"Head\""}},
      {"The leaders look forward to deepening cooperation on energy.",
       {"verb group \"look\": look (active, asserted)"},
       {}},
      // A name with a suffix set off by commas is the subject of the verb after them.
      {"President Joseph R. Biden, Jr., spoke with Prime Minister Fumio Kishida of Japan.",
       {"subject \"President Joseph R. Biden, Jr.\" = person:joe-biden [before the verb]"},
       {}},
      {"In their talks, officials' concerns remain.", {}, {"verb group \"remain"}},
      // An adjective without "to" and a verb is no group: "Japan is proud of its record."
      {"Japan is proud of its record.", {}, {"proud"}},
      // A to-infinitive coordinated with the one before it shares its subject and its verb.
      {"Japan pledged to create working groups, and to enter into a Memorandum.",
       {"subject \"Japan\" = state:japan [coordinated with 'to create']",
        "to-infinitive (coordinated)"},
       {}},
      // Two entities joined by a hyphen before a noun: the noun's phrase, owned by both.
      {"Secretary Becerra chaired the U.S.-ASEAN health ministerial meeting.",
       {"object \"the U.S.-ASEAN health ministerial meeting\" (names no entity; owner "
        "state:united-states organization:asean)"},
       {"object \"the U.S.\""}},
      {"China agreed not to discriminate against any country.",
       {"verb group \"agreed\": agree (active, asserted)", "to-infinitive"},
       {}},
      {"Israel and the PA signed the treaty.",
       {"verb group \"signed\": sign (active, asserted)"},
       {}},
      {"The United States and the United Kingdom signed and ratified the treaty.",
       {"verb group \"signed and ratified\": sign (active, asserted) ratify (active, asserted)",
        "subject \"The United States and the United Kingdom\" = state:united-states, "
        "state:united-kingdom [before the verb]"},
       {}},
      {"Biden, Macron and Scholz discussed the war, reaffirmed their support, and reiterated "
       "their commitment.",
       {"subject \"Biden, Macron and Scholz\" = person:joe-biden, person:emmanuel-macron, "
        "person:olaf-scholz [before the verb]",
        "subject \"Biden, Macron and Scholz\" = person:joe-biden, person:emmanuel-macron, "
        "person:olaf-scholz [shared with 'discussed']"},
       {}},
      {"Putin, who has never been to Tokyo, met Abe.",
       {"skipped \", who has never been to Tokyo,\" (relative clause)",
        "subject \"Putin\" = person:vladimir-putin [before a parenthetical]"},
       {}},
      {"The leader of Russia met Abe.",
       {"verb group \"met\": meet (active, asserted)"},
       {"subject \"Russia\""}},
      {"President Xi of China met Abe.",
       {"subject \"President Xi of China\" = person:xi-jinping [before the verb]"},
       {}},
      {"The proposal was rejected by Japan.",
       {"subject \"The proposal\" (names no entity) [noun phrase]",
        "by-agent \"Japan\" = state:japan"},
       {}},
      {"The PRC demanded that the US cancel its plans.",
       {"that-clause, its subject \"the US\" = state:united-states",
        "verb group \"cancel\": cancel (active, asserted) in a complement clause (reported)"},
       {}},
      {"Japan offered Russia a package of economic cooperation.",
       {"object \"Russia\" = state:russia", "second object \"a package\" (names no entity)"},
       {}},
      {"Tokyo rejected Moscow's proposal.",
       {"object \"Moscow's proposal\" (names no entity; owner place:moscow)"},
       {}},
      {"The Kuril Islands, which Russia has controlled since 1945, are disputed.",
       {"verb group \"has controlled\": control (active, asserted)",
        "object \"The Kuril Islands\" = place:kuril-islands [antecedent of a relative clause]"},
       {}},
      // After a comma, only an entity is taken as the antecedent.
      {"The four islands, which Russia has controlled since 1945, are disputed.",
       {},
       {"antecedent of a relative clause"}},
      // Issue 14's table: inflections come from the lexicon.
      {"The ministry receives the envoy.",
       {"verb group \"receives\": receive (active, asserted)",
        "subject \"The ministry\" (names no entity) [noun phrase]"},
       {}},
      {"If Russia attacks Ukraine, the United States will respond.",
       {"verb group \"attacks\": attack (active, asserted) conditional"},
       {}},
      // Nouns that look like verbs are not verbs.
      {"The proposal of Japan was discussed in Moscow.", {}, {"propose"}},
      {"The leaders held talks on key issues.",
       {"verb group \"held\": hold (active, asserted)"},
       {"verb group \"talks\"", "verb group \"issues\""}},
      {"Russia's attack on Ukraine was condemned.", {}, {"verb group \"attack\""}},
      // Complement clauses without "that": the governing verb's object is the clause's
      // subject, and the clause takes the verb's modality (`clause` lines).
      {"Officials said the United States extended the deadline.",
       {"that-clause, its subject \"the United States\" = state:united-states",
        "verb group \"extended\": extend (active, asserted) in a complement clause (reported)"},
       {"object \"the United States\""}},
      {"Japan hopes Russia accepts the offer.",
       {"verb group \"accepts\": accept (active, asserted) in a complement clause (hedged)"},
       {}},
      // After the object of a verb that takes no bare clause, a past form is a participle and a
      // present form a noun.
      {"The minister reaffirmed the U.S. extended deterrence commitment to the ROK.",
       {"object \"the U.S. extended deterrence commitment\" (names no entity; owner "
        "state:united-states)"},
       {"verb group \"extended\""}},
      {"Germany backed the EU sanctions on Russia.", {}, {"verb group \"sanctions\""}},
      {"Mr. Sullivan conveyed steadfast U.S. support for the people of Belarus.",
       {"object \"steadfast U.S. support\" (names no entity; owner state:united-states)"},
       {"verb group \"support\""}},
      // A hyphen without spaces joins a compound in a noun phrase read backwards, as forwards.
      {"Kyiv received the SAMP-T system donated by Italy.",
       {"subject \"the SAMP-T system\" (names no entity) [reduced relative]"},
       {"subject \"T system\""}},
      {"Ukraine uses long-range missiles supplied by the United Kingdom.",
       {"subject \"long-range missiles\" (names no entity) [reduced relative]"},
       {}},
      // A capitalised plural noun after a determiner opening the clause is its subject.
      {"The Leaders discussed the war in Ukraine.",
       {"verb group \"discussed\": discuss (active, asserted)",
        "subject \"The Leaders\" (names no entity) [noun phrase]"},
       {}},
      {"Both Presidents reaffirm their commitment to the alliance.",
       {"verb group \"reaffirm\": reaffirm (active, asserted)"},
       {}},
      {"Japan thanked the Allied forces.", {}, {"verb group \"forces\""}},
      // An entity before a gerund with an object of its own ends the noun phrase.
      {"India welcomed the United States joining the Leadership Group for Industry Transition.",
       {"object \"the United States\" = state:united-states"},
       {}},
      // An adverb after a comma narrows the clause before its prepositional phrase.
      {"Japan discussed global priorities, particularly in view of the crisis in Ukraine.",
       {"in \"view\" (names no entity)", "in \"Ukraine\" = state:ukraine"},
       {}},
      {"Japan discussed global priorities, especially as Russia attacked Ukraine.",
       {},
       {"as \"Russia\""}},
      // An indefinite noun phrase in apposition names what goes before it for a reduced
      // relative.
      {"Finland is linked to Estonia via the Balticonnector, a project supported by the European "
       "Commission.",
       {"subject \"the Balticonnector\" (names no entity) [reduced relative]"},
       {"subject \"a project\""}},
      {"Germany launched the guidelines in Buenos Aires, an initiative led by the United States.",
       {},
       {"subject \"Buenos Aires\""}},
      {"Japan, Korea, a partner supported by the United States, and India met.",
       {},
       {"subject \"Korea\" = state:south-korea [reduced relative]"}},
      // Adjectives separated by a comma stay in one noun phrase.
      {"Japan announced bold, new actions.",
       {"object \"bold, new actions\" (names no entity)"},
       {}},
      // A capitalised -ing word before another capitalised word begins a name, not a verb.
      {"Japan funded Oxfam, Ending Pandemics and Care International.",
       {},
       {"verb group \"Ending\""}},
      // A prepositional phrase between commas names nobody: the subject stays.
      {"Japan, in partnership with Germany, announced a new programme.",
       {"subject \"Japan\" = state:japan [before a parenthetical]"},
       {"subject \"Germany\""}},
      // A determined noun phrase that names no entity before an aside is the subject of the
      // verb after it, not the aside's actor; a name in apposition ("called ...") is.
      {"The treaty, which Russia signed, required France to cut emissions.",
       {"subject \"The treaty\" (names no entity) [before a parenthetical]"},
       {"subject \"Russia\" = state:russia [shared with 'signed']"}},
      {"In 2016, the treaty, signed by Russia, said that France would cut emissions.",
       {"verb group \"said\": say (active, asserted)"},
       {}},
      {"The second, called the Paris Agreement, stated that France would cut emissions.",
       {"subject \"the Paris Agreement\" = agreement:paris-agreement [apposition of \"The "
        "second\"]"},
       {}},
      // The leader named by a reduced relative of leading acts for the phrase it follows.
      {"After the deadline passed, the coalition led by the United States attacked Iraq.",
       {"subject \"the United States\" = state:united-states [leader of \"the coalition\"]"},
       {}},
      {"A U.S. delegation led by Secretary Blinken met President Zelenskyy.",
       {"subject \"Secretary Blinken\" = person:antony-blinken [leader of \"U.S. delegation\"]"},
       {}},
      {"Japan welcomed a project led by Australia in Fiji.", {}, {"leader of"}},
      // A demonstrative alone is the object ("offered those directly to Russia"), not the
      // start of a noun phrase; with a noun it is the noun phrase's.
      {"Japan has offered those directly to Russia.",
       {"object \"those\" (pronoun, unresolved)", "to \"Russia\" = state:russia"},
       {}},
      {"Japan welcomed these steps.", {"object \"these steps\" (names no entity)"}, {}},
      // A title's of-phrase names whom the title is of: its holder acts, named after it or
      // before it in apposition, not the organisation.
      {"Director of the North Atlantic Treaty Organization (NATO) Dr. Jens Stoltenberg warned "
       "Russia.",
       {"subject \"Jens Stoltenberg\" = person:jens-stoltenberg [holder of the title before it]"},
       {}},
      {"The official, President of the European Commission, warned Russia.",
       {},
       {"subject \"the European Commission\""}},
      // Numbers joined by colons are one word of the phrase.
      {"The conference adopted the 5:5:3 ratio.", {"object \"the 5:5:3 ratio\""}, {}},
      // A number that opens the clause after "the" is its subject, not an adjective.
      {"The two discussed joint efforts.",
       {"verb group \"discussed\": discuss (active, asserted)", "subject \"The two\""},
       {}},
      // What is talked about is nobody's act.
      {"The leaders discussed the challenges, including climate change, ending the war and "
       "cutting emissions.",
       {"subject - [a topic of 'discussed']"},
       {"[shared with 'discussed']"}},
      // A quantifier and its of-phrase are one phrase; a plural possessive joins the noun it
      // owns; "and other" continues a list of nouns.
      {"Japan welcomed each of her counterparts' leadership on sanctions and other economic "
       "measures.",
       {"object \"each of her counterparts' leadership\""},
       {"verb group \"measures\""}},
      {"Biden thanked all of the Allies.",
       {"object \"all of the Allies\" = group:allied-powers"},
       {}},
      // A list's member after a comma opens no clause.
      {"Japan works with you, your team, and the community to turn them into jobs, and "
       "restore growth.",
       {},
       {"subject \"your team\""}},
      // The phrase of a participle opening the aside names nobody.
      {"These forces, operating in coordination with the Government of France, provide air "
       "defense.",
       {"subject \"These forces\" (names no entity) [before a parenthetical]"},
       {"subject \"the Government of France\""}},
      // After a demonym inside a noun phrase a verb form is a noun.
      {"Japan supports operations conducted by European states.", {}, {"verb group \"states\""}},
      // After the object of a verb that takes no clause, a third-person form is a noun.
      {"Japan extends its warm thanks to Canada.",
       {"object \"its warm thanks\" (names no entity)"},
       {"verb group \"thanks\""}},
      {"Officials said the government plans new talks.", {"verb group \"plans\""}, {}},
      // A present form before a modal or an auxiliary is a noun.
      {"Officials hoped that U.S. support would keep Russia at bay.",
       {},
       {"verb group \"support\""}},
      // "then" before a verb is an adverb.
      {"Japan then met Russia.", {"verb group \"met\": meet (active, asserted)"}, {}},
      // A participle after "including" shares the subject of its sentence.
      {"Russia continued its campaign, including attacking Ukraine.",
       {"verb group \"attacking\"", "subject \"Russia\" = state:russia [participle clause]"},
       {}},
      // In a complement clause without a verb group of its own ("it is" + a noun phrase) whose
      // pronoun stands for the governing subject, a participle is that subject's doing.
      {"Japan has shown that it is a reliable partner through actions such as supporting "
       "Ukraine.",
       {"subject \"Japan\" = state:japan [participle clause]"},
       {}},
      {"Biden and Scholz said that they were the closest of partners, including by supporting "
       "Ukraine.",
       {"subject \"Biden and Scholz\" = person:joe-biden, person:olaf-scholz [participle clause]"},
       {}},
      // Not when the pronoun cannot stand for the subject, nor for "it is" + an adjective.
      {"Japan said that he is a reliable partner, supporting Ukraine.",
       {},
       {"[participle clause]"}},
      {"Biden said that it is important, supporting Ukraine.", {}, {"[participle clause]"}},
      // Actors coordinated with a noun phrase that names none: the subject with it; a present
      // form after such a plural noun is their verb.
      {"Japan and the journalist left for Moscow.",
       {"subject \"Japan and the journalist\" = state:japan [entity and noun phrase]"},
       {}},
      {"The United States and partners intend to provide aid.",
       {"verb group \"intend to provide\": intend (active, asserted) provide (active, planned)",
        "subject \"The United States and partners\" = state:united-states [entity and noun "
        "phrase]"},
       {}},
      {"After talks with Japan and officials, Russia left.", {}, {"[entity and noun phrase]"}},
      // An exception to the clause is what its subject did.
      {"Japan took no action other than to request talks.",
       {"verb group \"to request\": request (active, asserted) infinitive",
        "subject \"Japan\" = state:japan [exception to 'took']"},
       {}},
      // Parentheses without a verb are no boundary of a coordinated finite verb.
      {"Japan signed the Strategic Arms Reduction Treaty (START) and argued that talks should "
       "go on.",
       {"subject \"Japan\" = state:japan [shared with 'signed']"},
       {}},
      {"Japan signed the treaty (which Russia rejected) and argued that talks should go on.",
       {},
       {"[shared with 'signed']"}},
      // "including" gives examples, not the verb's roles.
      {"Japan will keep working, including with Germany, on research.", {}, {"with \"Germany\""}},
      // A stative participle without a by-agent is read in the active voice; "remain" is its
      // copula. With a by-agent it stays passive.
      {"The United States is committed to upholding Ukraine's sovereignty.",
       {"verb group \"is committed\": commit (active, asserted)",
        "subject \"The United States\" = state:united-states [before the verb]"},
       {}},
      {"Japan remains firmly opposed to the plan.",
       {"verb group \"remains firmly opposed\": oppose (active, asserted)"},
       {}},
      {"The United States will remain committed to the alliance.",
       {"verb group \"will remain committed\": commit (active, planned)"},
       {}},
      {"The plan was opposed by Japan.",
       {"verb group \"was opposed\": oppose (passive, asserted)", "by-agent \"Japan\""},
       {}},
      {"Russia remains in Crimea.", {"verb group \"remains\": remain (active, asserted)"}, {}},
      // A participle of feeling after "be" or "remain" is read in the active voice, its
      // by-phrase the cause, no agent; not in a reduced relative.
      {"Japan remains deeply concerned by the situation in Myanmar.",
       {"verb group \"remains deeply concerned\": concern (active, asserted)",
        "subject \"Japan\" = state:japan [before the verb]"},
       {"by-agent"}},
      {"Japan and Korea were alarmed by China's exercises.",
       {"verb group \"were alarmed\": alarm (active, asserted)"},
       {"by-agent"}},
      {"The parties were encouraged by Japan to sign.", {}, {"encourage (active"}},
      // After an actor that is a verb's object, a base form is a noun ("expressed U.S. support
      // for"), and a one-word abbreviation there modifies a singular noun that ends the phrase;
      // not after a verb of a bare infinitive, nor before a plural or another noun.
      {"President Biden expressed U.S. support for Ukraine.",
       {"object \"U.S. support\" (names no entity; owner state:united-states)"},
       {"verb group \"support\""}},
      {"The United States helped Ukraine defend itself.",
       {"verb group \"defend\": defend (active, asserted)"},
       {}},
      {"The Congress should provide FEMA additional resources.",
       {"object \"FEMA\" = organization:fema"},
       {}},
      {"President Biden urged G20 leaders to act.", {"object \"G20\" = organization:g20"}, {}},
      // A reduced relative whose agent comes after a date and a place; the agents of "between
      // officials of A, B and C" are what the of-phrase names.
      {"Egypt welcomed the meeting held today in Aqaba, Jordan, between senior officials of "
       "Israel, Jordan, and the United States.",
       {"verb group \"held\": hold (passive, asserted)",
        "subject \"the meeting\" (names no entity) [reduced relative]",
        "by-agent \"Israel, Jordan, and the United States\" = state:israel, state:jordan, "
        "state:united-states"},
       {}},
      {"The treaty signed in 1905 by Japan and Russia ended the war.",
       {"verb group \"signed\": sign (passive, asserted)",
        "by-agent \"Japan and Russia\" = state:japan, state:russia"},
       {}},
      // "representatives of" is a sector noun phrase (rules/core/sectors.rules): the by-agent
      // is the two states' representatives.
      {"The agreement was negotiated by representatives of Japan and Korea.",
       {"by-agent \"representatives of Japan and Korea\" = state:japan, state:south-korea"},
       {}},
      // Nominalisations of nouns frames name: who acts is the between-phrase, the owner or the
      // of-phrase (when it cannot be the object); prospective phrases give none.
      {"Talks between Israel, Jordan and Egypt resumed.",
       {"noun group \"Talks\": Talks (asserted)",
        "subject \"Israel, Jordan and Egypt\" = state:israel, state:jordan, state:egypt "
        "[between-phrase]"},
       {}},
      {"They warned of Iran's attack against Israel.",
       {"noun group \"Iran's attack\": attack (asserted)",
        "subject \"Iran's attack\" (names no entity; owner state:iran) [owner]",
        "against \"Israel\" = state:israel"},
       {}},
      {"Riots followed a visit of Prime Minister Benjamin Netanyahu to Jerusalem.",
       {"noun group \"a visit\": visit (asserted)",
        "object \"Prime Minister Benjamin Netanyahu\" = person:benjamin-netanyahu"},
       {}},
      {"Officials discussed the prospect of a summit between the United States and Russia.",
       {"noun group \"a summit\": summit (hedged)"},
       {}},
      {"Any prospective U.S. troops withdrawal from Japan would need a deal.", {}, {"noun group"}},
      {"The meeting room in Moscow was small.", {}, {"noun group"}},
      {"Negotiations on a treaty between Japan and Korea stalled.",
       {"noun group \"Negotiations\""},
       {"[between-phrase]"}},
      // A hyphenated prefix: "co-led" is "led" when no "co-lead" form is listed; the
      // reduced relative after a comma is not the object's verb phrase.
      {"We thank the Coalition, co-led by Germany and France, for its work.",
       {"verb group \"led\": lead (passive, asserted)",
        "subject \"the Coalition\" (names no entity) [reduced relative]",
        "by-agent \"Germany and France\" = state:germany, state:france"},
       {}},
      // Examples after "including", set off by dashes or commas from a subject that names no
      // entity or only a group, are who acts.
      {"Several Allies - including Canada, Norway, and the United Kingdom - will continue to "
       "condemn the attack.",
       {"subject \"Canada, Norway, and the United Kingdom\" = state:canada, state:norway, "
        "state:united-kingdom [apposition]"},
       {}},
      {"Several countries, including Japan and Korea, condemned the test.",
       {"subject \"Japan and Korea\" = state:japan, state:south-korea [apposition of \"Several "
        "countries\"]"},
       {}},
      {"The leaders discussed several issues, including Ukraine and Iran, and condemned the "
       "attack.",
       {"subject \"The leaders\" (names no entity) [shared with 'discussed']"},
       {"subject \"Ukraine and Iran\""}},
      {"The departments that enforce labor laws, including minimum wage standards, provide "
       "benefits to Japan.",
       {},
       {"verb group \"provide\""}},
      // Two subject pronouns coordinated are one chunk; "last" before a verb is an adverb.
      {"You and I last met in Munich.",
       {"verb group \"met\": meet (active, asserted)",
        "subject \"You and I\" (pronoun, unresolved) [pronoun]"},
       {}},
      {"They told us and I agreed.", {}, {"\"us and I\""}},
      // A verb form does not open a nominalisation's phrase; a plural demonym after a
      // determiner is the state.
      {"By December the Palestinians suspended talks over settlements.",
       {"noun group \"talks\": talks (asserted)",
        "subject \"the Palestinians\" = state:palestine [before the verb]"},
       {"noun group \"the Palestinians"}},
      // A support verb's subject is the agent of the event that is its direct object.
      {"In 1989, President Bush ordered an invasion of Panama.",
       {"noun group \"an invasion\": invasion (asserted)", "object \"Panama\" = state:panama"},
       {}},
      {"Japan held a meeting with Russia.", {"noun group \"a meeting\""}, {"[subject of 'held']"}},
      // A possessor before the noun phrase of a name does not hide the clause start.
      {"Carter's successor Ronald Reagan, a critic of the treaty, agreed to abide by it.",
       {"subject \"Ronald Reagan\" = person:ronald-reagan [before a parenthetical]"},
       {}},
      // A determined noun phrase at the clause start with a name in apposition: the name is
      // the subject; an actor coordinated before the phrase acts with it.
      {"His Secretary of State, Cyrus Vance, signed a treaty with Israel.",
       {"verb group \"signed\": sign (active, asserted)",
        "subject \"Cyrus Vance\" = person:cyrus-vance [apposition of \"His Secretary of "
        "State\"]"},
       {}},
      {"Truman and his Secretary of State, James Byrnes, were determined to mitigate it.",
       {"subject \"Truman and his Secretary of State, James Byrnes\" = person:harry-s-truman, "
        "person:james-byrnes [actor and the apposition of \"his Secretary of State\"]"},
       {}},
      {"Truman's Secretary of State, Cordell Hull, attended the conference.",
       {"subject \"Cordell Hull\" = person:cordell-hull [apposition of \"Truman's Secretary of "
        "State\"]"},
       {}},
      {"One of his closest advisors, Cyrus Vance, supported a treaty.",
       {"subject \"Cyrus Vance\" = person:cyrus-vance [apposition of \"One of his closest "
        "advisors\"]"},
       {}},
      // Not after a preposition: "held" is a reduced relative of the talks.
      {"After talks with the foreign minister, Sergey Lavrov, held in Beijing, Japan left.",
       {},
       {"verb group \"held\""}},
      // A past or third-person form right after "who", or after "which" and its antecedent's
      // comma, is the relative clause's verb; "which" after a verb asks.
      {"Japan thanked Biden, who signed the pact.",
       {"verb group \"signed\": sign (active, asserted)",
        "subject \"Biden\" = person:joe-biden [relative 'who']"},
       {}},
      {"They asked which states signed the treaty.", {}, {"verb group \"signed\""}},
      // A verb in the singular after coordinated actors is the last one's.
      {"President Biden and Vice President Harris, who chairs the National Space Council, met "
       "Kishida.",
       {"subject \"Vice President Harris\" = person:kamala-harris [relative 'who']",
        "subject \"President Biden and Vice President Harris\" = person:joe-biden, "
        "person:kamala-harris [before a parenthetical]"},
       {}},
      // A relative clause is no apposition naming the subject.
      {"This meeting, which follows the visits of Antony Blinken to Japan and the Republic of "
       "Korea, provides an opportunity.",
       {"verb group \"provides\""},
       {"apposition of"}},
      // A later member of a list a preposition governs is no antecedent (the MOU supports).
      {"Japan praised an MOU between the Lawrence Berkeley National Lab and the Korea Research "
       "Institute of Bioscience and Biotechnology, which supports research.",
       {"subject - [relative 'which']"},
       {}},
      // A verb coordinated after a relative clause is no verb of it.
      {"The delegations reaffirmed the vision that was laid out in 2021 and discussed the work.",
       {"subject \"The delegations\" (names no entity) [shared with 'reaffirmed']"},
       {}},
      // A noun phrase coordinated with the object (of another kind): the phrases after it are
      // still the verb's.
      {"Nixon and Brezhnev signed the ABM Treaty and interim SALT agreement on May 26, 1972, in "
       "Moscow.",
       {"object \"the ABM Treaty\" = agreement:abm-treaty", "in \"Moscow\" = place:moscow"},
       {}},
      // A passive infinitive is planned; after a noun, with its agent, a reduced relative.
      {"The treaty to be signed by Japan and Russia next year ends the war.",
       {"verb group \"to be signed\": sign (passive, planned)",
        "subject \"The treaty\" (names no entity) [reduced relative]"},
       {}},
      {"The treaty is expected to be signed by Japan.",
       {"verb group \"be signed\": sign (passive, planned)"},
       {"sign (passive, asserted)"}},
      // "co-" makes a verb of a participle only; of a list only the last member modifies a noun;
      // a participle clause's borrowed subject is no support verb's.
      {"Before the next TTC co-chairs meeting, the United States and the European Union plan to "
       "explore ways.",
       {},
       {"verb group \"chairs\""}},
      {"We have seen the launch of the Indo-Pacific Economic Framework, and the Quad meeting.",
       {"subject \"the Quad meeting\" (names no entity; owner organization:quad) [owner]"},
       {"owner organization:ipef"}},
      {"They discussed next steps, including continuing consultations with Qatar and Egypt.",
       {"noun group \"consultations\""},
       {"[subject of 'continuing']"}},
      // A participle after a noun with a place but no agent is no reduced relative.
      {"Japan welcomed the steps taken in Tokyo to curb inflation.", {}, {"reduced relative"}},
      // A possessive determines the subject of a past form; the possessor owns the subject phrase
      // (the "s" is no word of it); before a present form the phrase is a noun.
      {"Russia's new mayor left for Ukraine.",
       {"verb group \"left\": leave (active, asserted)",
        "subject \"new mayor\" (names no entity; owner state:russia) [noun phrase]"},
       {}},
      {"Japan discussed Argentina's ongoing talks with the IMF.",
       {"object \"Argentina's ongoing talks\" (names no entity; owner state:argentina)"},
       {"verb group \"talks\""}},
      // The owner of a noun before a reduced relative is no role of the relative's verb.
      {"The EU's new mission, led by France, ended.",
       {"subject \"new mission\" (names no entity) [reduced relative]"},
       {}},
      // A word the lexicon does not know before a later member of a list is its adjective; a
      // form that may be a verb is not ("and included Minister X").
      {"Japan, the awful Russia, and good China signed the treaty.",
       {"subject \"Japan, the awful Russia, and good China\" = state:japan, state:russia, "
        "state:china [before the verb]"},
       {}},
      {"The delegation was led by President Biden and included President Putin.",
       {"by-agent \"President Biden\" = person:joe-biden"},
       {}},
      // "earlier" is an adverb between a passive and its agent.
      {"The plan was opposed earlier by Russia.", {"by-agent \"Russia\" = state:russia"}, {}},
      // After a noun that takes a content clause, "that" opens one; after another noun it is a
      // relative pronoun.
      {"Japan expressed hopes that Russia would sign the treaty.",
       {"that-clause, its subject \"Russia\" = state:russia"},
       {}},
      {"Japan issued a template that Russia would use.", {}, {"that-clause"}},
      // A prefix hyphened to an entity makes it the owner of the phrase, whose noun is no verb;
      // a dash between spaces does not.
      {"Japan abandoned an anti-Russia rally on Saturday.",
       {"object \"an anti-Russia rally\" (names no entity; owner state:russia)"},
       {"verb group \"rally\""}},
      {"Climate Finance - Japan and China support the plan.",
       {"verb group \"support\": support (active, asserted)"},
       {}},
      // An aside between spaced dashes does not end a coordinated verb phrase, and a verb
      // inside it shares no subject with the verbs after it; an aside that never closes is a
      // boundary.
      {"Japan discussed the plans - including the revenues, as decided at the G7 Summit -, "
       "discussed the Victory Plan, and reiterated its resolve.",
       {"verb group \"reiterated\": reiterate (active, asserted)",
        "subject \"Japan\" = state:japan [shared with 'discussed']"},
       {"subject -"}},
      {"Japan discussed the plans - the talks that Russia wanted -, and reiterated its resolve.",
       {"subject \"Japan\" = state:japan [shared with 'discussed']"},
       {"[shared with 'wanted']"}},
      {"Japan discussed the plans - as Russia wanted, and then rejected the offer.",
       {},
       {"subject \"Japan\" = state:japan [shared with 'discussed']"}},
      // A month the date finder left alone is no title of the name after it.
      {"In December Japan suspended talks with Israel.",
       {"subject \"Japan\" = state:japan [before the verb]"},
       {}},
      // ", and" between two entities before a verb joins clauses; after a comma that opened
      // the list with words naming no entity it is a list.
      {"Israel accepted the PLO as the representative of Japan, and the PLO renounced terrorism.",
       {"subject \"the PLO\" = organization:plo [before the verb]"},
       {"Japan, and the PLO\" ="}},
      // A direct object after the to-phrase; not a time, nor the subject of a clause.
      {"The United States returned to Mexico two vases.",
       {"object \"two vases\" (names no entity)", "to \"Mexico\" = state:mexico"},
       {}},
      {"Japan presented to the White House the next day a report.", {}, {"object \""}},
      // So after a phrase of one bare noun; not after a gerund, an infinitive, a number or a
      // quantity before "a".
      {"Japan called into question the legitimacy of the vote.",
       {"object \"the legitimacy\" (names no entity)"},
       {}},
      {"Japan will discuss with stakeholders the potential for reform.",
       {"object \"the potential\" (names no entity)"},
       {}},
      {"Japan will cooperate toward ending the pandemic.", {}, {"object \""}},
      {"Japan and Russia will work together to tackle the crisis.", {}, {"object \""}},
      {"Japan worked alongside 10 other countries.", {}, {"object \""}},
      {"Japan delivered over half a billion doses.", {}, {"object \""}},
      {"Japan explained to Russia the plan would fail.", {}, {"object \"the plan\""}},
      // A comma list whose first member ends an adverbial opening the sentence; not the
      // members of a noun phrase before "of".
      {"As a result of compromises, and an agreement to make gestures to the Palestinians, the "
       "U.S. and Israel agreed to a treaty text.",
       {"subject \"the U.S. and Israel\" = state:united-states, state:israel [before the verb]"},
       {}},
      {"At Camp David, the leaders of the United States, Japan, and Korea committed to cooperate.",
       {"subject \"the leaders\" (names no entity) [noun phrase before 'of']"},
       {}},
      // Owners coordinated before a demonym; a group is a phrase of its own.
      {"The U.S. and Israeli teams agreed to a treaty text.",
       {"subject \"The U.S. and Israeli teams\" (names no entity; owner state:united-states "
        "state:israel) [noun phrase]"},
       {}},
      // A country's "side" is its government (a sector noun): the states themselves.
      {"The U.S. and Israeli sides agreed to a treaty text.",
       {"subject \"The U.S. and Israeli sides\" = state:united-states, state:israel [before the "
        "verb]"},
       {}},
      {"Fighting broke out between American forces and Filipino nationalists.",
       {},
       {"owner group:united-states-military"}},
      {"DOE, DOD, and the Department of State signed a memorandum.",
       {"subject \"DOD, and the Department of State\""},
       {}},
      // An aside in parentheses after the subject list: the present form is still its verb.
      {"Japan and the Pacific Islands Forum (PIF) agree that the talks should continue.",
       {"verb group \"agree\": agree (active, asserted)",
        "subject \"Japan and the Pacific Islands Forum\" = state:japan, "
        "organization:pacific-islands-forum [before the verb]"},
       {}},
      // Nouns coordinated after a possessive share its owner.
      {"Japan's death and injury toll has risen in the dispute with Russia.",
       {"subject \"death and injury toll\" (names no entity; owner state:japan) [noun phrase]"},
       {}},
      // Adjectives separated by a comma; a list is no such phrase.
      {"Japan will restore complete, full diplomatic ties with Russia.",
       {"object \"complete, full diplomatic ties\" (names no entity)"},
       {}},
      {"The leaders discussed trade, climate change and security with Japan.",
       {"object \"trade\" (names no entity)"},
       {}},
      {"Japan restored trade, senior officials said.", {"object \"trade\" (names no entity)"}, {}},
      // Raising verbs in the passive (`modality ... passive`), also with a perfect infinitive.
      {"Iran is believed to have attacked Russia.",
       {"verb group \"is believed to have attacked\": believe (passive, asserted) attack (active, "
        "hedged)",
        "subject \"Iran\" = state:iran [before the verb]", "object \"Russia\" = state:russia"},
       {}},
      {"Japan was seen to break into the talks with Russia.",
       {"verb group \"was seen to break\": see (passive, asserted) break (active, asserted)"},
       {}},
      {"Iran is said to have attacked Russia.",
       {"verb group \"is said to have attacked\": say (passive, asserted) attack (active, "
        "reported)"},
       {}},
      {"Iran is expected to have supplied Russia with drones.",
       {"verb group \"is expected to have supplied\": expect (passive, asserted) supply (active, "
        "planned)"},
       {}},
      // Only the passive raises.
      {"Iran knows to attack Russia.", {}, {"know (active, asserted) attack"}},
      // A time adverbial between the subject and its verb.
      {"Japan in recent days has rejected the proposal.",
       {"subject \"Japan\" = state:japan [before the verb]"},
       {}},
      {"Japan over the past two weeks has rejected the proposal.",
       {"subject \"Japan\" = state:japan [before the verb]"},
       {}},
      // Nouns coordinated after a possessive, the last with an of-phrase: each has its owner.
      {"Japan's friends and partners of Korea rejected the plan.",
       {"subject \"friends and partners\" (names no entity; owner state:japan state:south-korea) "
        "[noun phrase before 'of']"},
       {}},
      {"The friends and partners of Korea rejected the plan.", {}, {"owner state:south-korea"}},
      // A state or body right before a noun phrase read backwards owns it, as read forwards;
      // not one inside a prepositional phrase.
      {"The Japan basketball team reaffirmed its support.",
       {"subject \"basketball team\" (names no entity; owner state:japan) [noun phrase]"},
       {}},
      {"After talks with NATO teams said the plan would fail.",
       {"subject \"teams\" (names no entity) [noun phrase]"},
       {"owner organization:nato"}},
      // "neither A nor B": both, negated.
      {"Neither Japan nor Russia signed the treaty.",
       {"verb group \"signed\": sign (active, negated)",
        "subject \"Japan nor Russia\" = state:japan, state:russia [before the verb]"},
       {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sentence);
    const std::string analysis = Analyse(c.sentence);
    for (const std::string& line : c.has) {
      EXPECT_NE(analysis.find(line), std::string::npos) << "missing: " << line << "\n" << analysis;
    }
    for (const std::string& text : c.has_not) {
      EXPECT_EQ(analysis.find(text), std::string::npos) << "unexpected: " << text << "\n"
                                                        << analysis;
    }
  }
}

TEST(LexiconTest, RegularForms) {
  struct Row {
    const char* lemma;
    const char* third;
    const char* ing;
    const char* ed;
  };
  const Row rows[] = {
      {"reject", "rejects", "rejecting", "rejected"}, {"agree", "agrees", "agreeing", "agreed"},
      {"carry", "carries", "carrying", "carried"},    {"stop", "stops", "stopping", "stopped"},
      {"visit", "visits", "visiting", "visited"},     {"die", "dies", "dying", "died"},
      {"push", "pushes", "pushing", "pushed"},        {"veto", "vetoes", "vetoing", "vetoed"},
      {"play", "plays", "playing", "played"},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.lemma);
    const internal::RegularVerbForms f = internal::RegularForms(r.lemma);
    EXPECT_EQ(f.third, r.third);
    EXPECT_EQ(f.ing, r.ing);
    EXPECT_EQ(f.ed, r.ed);
  }
}

TEST(LexiconTest, DefaultLexiconKnowsIrregularFormsAndNotNouns) {
  const internal::Lexicon& lexicon = Rules().compiled().lexicon;
  struct Row {
    const char* word;
    const char* lemma;  // "" = no verb sense
    uint8_t forms;
  };
  const Row rows[] = {
      {"met", "meet", internal::kFormEd},
      {"withdrew", "withdraw", internal::kFormEd},
      {"withdrawn", "withdraw", internal::kFormEd},
      {"rejecting", "reject", internal::kFormIng},
      {"signs", "sign", internal::kFormThird},
      {"proposal", "", 0},
      {"agreement", "", 0},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.word);
    const internal::LexEntry* e = lexicon.Find(r.word);
    bool found = false;
    if (e != nullptr) {
      for (const internal::VerbSense& sense : e->senses) {
        if (lexicon.Lemma(sense.verb) == r.lemma && (sense.forms & r.forms) != 0) found = true;
      }
    }
    EXPECT_EQ(found, std::string(r.lemma).size() > 0);
    if (std::string(r.lemma).empty() && e != nullptr) {
      EXPECT_TRUE(e->senses.empty());
    }
  }
  const std::optional<uint32_t> want = lexicon.FindVerb("want");
  ASSERT_TRUE(want.has_value());
  EXPECT_EQ(lexicon.Catenative(*want), Modality::kPlanned);
}

}  // namespace
}  // namespace parley
