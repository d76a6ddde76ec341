#!/usr/bin/env python3
"""Generates rules/lexicon/verbs.rules, the verb lexicon of the clause layer.

Input: the verbs of the CAMEO verb pattern dictionary (tools/data/petrarch2/CAMEO.2.0.txt,
MIT; LICENSE beside it): every single-word verb line of its VERB PATTERNS section, with the
irregular forms it lists in braces ("SPEED {SPEEDING SPEEDS SPED}"). Verbs the dictionary lacks
but diplomatic text uses often are added from EXTRA_VERBS below.

Output: one `verbs` block whose lines are `LEMMA 3SG ING ED`, every form explicit, so that the
engine needs no morphology for the verbs listed; a slot may hold alternatives separated by `|`
(ED holds the past and the participle: `see sees seeing saw|seen`; British and American
spellings: `cancel cancels canceling|cancelling canceled|cancelled`). Forms come from the
dictionary's braces, the table of irregular verbs below, the list of verbs whose final
consonant doubles, and regular English morphology (the rules the engine applies to lemmas in no
lexicon, extract/lexicon.cc RegularForms). A brace list without a past form means the past is
the lemma ("PUT {PUTS PUTTING}").

Usage: tools/gen_verbs.py [--cameo PATH] [--out PATH] [--check]
  --check  compare with the committed file instead of writing (exit 1 when stale).
"""

import argparse
import pathlib
import re
import sys

from gen_output import write_or_check

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Verbs diplomatic text uses that the CAMEO dictionary has no line for.
EXTRA_VERBS = """
adhere chair co-chair co-host co-lead co-sponsor convey deploy engage facilitate host
participate reaffirm reiterate sanction underline urge try underscore strengthen deepen
coordinate commemorate congratulate designate convene attend discuss explore highlight
""".split()

# Irregular verbs: lemma -> (past, participle). Used where the dictionary lists no forms.
IRREGULAR = {
    "arise": ("arose", "arisen"), "be": ("was", "been"), "bear": ("bore", "borne"),
    "beat": ("beat", "beaten"), "become": ("became", "become"), "begin": ("began", "begun"),
    "bend": ("bent", "bent"), "bet": ("bet", "bet"), "bid": ("bid", "bid"),
    "bind": ("bound", "bound"), "bite": ("bit", "bitten"), "bleed": ("bled", "bled"),
    "blow": ("blew", "blown"), "break": ("broke", "broken"), "breed": ("bred", "bred"),
    "bring": ("brought", "brought"), "broadcast": ("broadcast", "broadcast"),
    "build": ("built", "built"), "burn": ("burned", "burnt"), "burst": ("burst", "burst"),
    "buy": ("bought", "bought"), "cast": ("cast", "cast"), "catch": ("caught", "caught"),
    "choose": ("chose", "chosen"), "cling": ("clung", "clung"), "come": ("came", "come"),
    "cost": ("cost", "cost"), "creep": ("crept", "crept"), "cut": ("cut", "cut"),
    "deal": ("dealt", "dealt"), "dig": ("dug", "dug"), "do": ("did", "done"),
    "draw": ("drew", "drawn"), "drink": ("drank", "drunk"), "drive": ("drove", "driven"),
    "eat": ("ate", "eaten"), "fall": ("fell", "fallen"), "feed": ("fed", "fed"),
    "feel": ("felt", "felt"), "fight": ("fought", "fought"), "find": ("found", "found"),
    "flee": ("fled", "fled"), "fly": ("flew", "flown"), "forbid": ("forbade", "forbidden"),
    "forecast": ("forecast", "forecast"), "foresee": ("foresaw", "foreseen"),
    "forget": ("forgot", "forgotten"), "forgive": ("forgave", "forgiven"),
    "freeze": ("froze", "frozen"), "get": ("got", "gotten"), "give": ("gave", "given"),
    "go": ("went", "gone"), "grind": ("ground", "ground"), "grow": ("grew", "grown"),
    "hang": ("hung", "hung"), "have": ("had", "had"), "hear": ("heard", "heard"),
    "hide": ("hid", "hidden"), "hit": ("hit", "hit"), "hold": ("held", "held"),
    "hurt": ("hurt", "hurt"), "keep": ("kept", "kept"), "know": ("knew", "known"),
    "lay": ("laid", "laid"), "lead": ("led", "led"), "leave": ("left", "left"),
    "lend": ("lent", "lent"), "let": ("let", "let"), "lie": ("lay", "lain"),
    "light": ("lit", "lit"), "lose": ("lost", "lost"), "make": ("made", "made"),
    "mean": ("meant", "meant"), "meet": ("met", "met"), "mislead": ("misled", "misled"),
    "overcome": ("overcame", "overcome"), "override": ("overrode", "overridden"),
    "oversee": ("oversaw", "overseen"), "overtake": ("overtook", "overtaken"),
    "overthrow": ("overthrew", "overthrown"), "pay": ("paid", "paid"), "put": ("put", "put"),
    "quit": ("quit", "quit"), "read": ("read", "read"), "rebuild": ("rebuilt", "rebuilt"),
    "redo": ("redid", "redone"), "rend": ("rent", "rent"), "rethink": ("rethought", "rethought"),
    "ride": ("rode", "ridden"), "ring": ("rang", "rung"), "rise": ("rose", "risen"),
    "run": ("ran", "run"), "say": ("said", "said"), "see": ("saw", "seen"),
    "seek": ("sought", "sought"), "sell": ("sold", "sold"), "send": ("sent", "sent"),
    "set": ("set", "set"), "shake": ("shook", "shaken"), "shed": ("shed", "shed"),
    "shine": ("shone", "shone"), "shoot": ("shot", "shot"), "show": ("showed", "shown"),
    "shrink": ("shrank", "shrunk"), "shut": ("shut", "shut"), "sing": ("sang", "sung"),
    "sink": ("sank", "sunk"), "sit": ("sat", "sat"), "slay": ("slew", "slain"),
    "sleep": ("slept", "slept"), "slide": ("slid", "slid"), "speak": ("spoke", "spoken"),
    "speed": ("sped", "sped"), "spend": ("spent", "spent"), "spin": ("spun", "spun"),
    "split": ("split", "split"), "spread": ("spread", "spread"), "spring": ("sprang", "sprung"),
    "stand": ("stood", "stood"), "steal": ("stole", "stolen"), "stick": ("stuck", "stuck"),
    "sting": ("stung", "stung"), "strike": ("struck", "struck"), "strive": ("strove", "striven"),
    "swear": ("swore", "sworn"), "sweep": ("swept", "swept"), "swim": ("swam", "swum"),
    "swing": ("swung", "swung"), "take": ("took", "taken"), "teach": ("taught", "taught"),
    "tear": ("tore", "torn"), "tell": ("told", "told"), "think": ("thought", "thought"),
    "throw": ("threw", "thrown"), "thrust": ("thrust", "thrust"),
    "undergo": ("underwent", "undergone"), "understand": ("understood", "understood"),
    "undertake": ("undertook", "undertaken"), "undo": ("undid", "undone"),
    "uphold": ("upheld", "upheld"), "upset": ("upset", "upset"), "wake": ("woke", "woken"),
    "wear": ("wore", "worn"), "weep": ("wept", "wept"), "win": ("won", "won"),
    "wind": ("wound", "wound"), "withdraw": ("withdrew", "withdrawn"),
    "withhold": ("withheld", "withheld"), "withstand": ("withstood", "withstood"),
    "write": ("wrote", "written"),
}

# Verbs of more than one syllable whose final consonant doubles ("regretted", "occurred").
DOUBLING = set("""
abet acquit admit allot commit compel concur confer control defer deter dispel emit embed
equip excel expel extol forget format incur infer kidnap omit outbid patrol permit prefer
propel rebel recur refer regret remit repel submit transfer transmit upset
""".split())

VOWELS = set("aeiou")


def _doubles(lemma):
    """True when the final consonant doubles before -ed/-ing: a word ending in a single vowel
    and a consonant other than w, x, y that has one syllable ("stop", "plan") or is in
    DOUBLING."""
    if lemma in DOUBLING and lemma[-1] not in VOWELS:
        return True
    if len(lemma) < 3 or lemma[-1] in VOWELS or lemma[-1] in "wxy":
        return False
    if lemma[-2] not in VOWELS or lemma[-3] in VOWELS:
        return False
    if lemma in DOUBLING:
        return True
    groups = len(re.findall(r"[aeiouy]+", lemma))
    return groups == 1


def regular_forms(lemma):
    """(3sg, ing, past) by regular English morphology; mirrors extract/lexicon.cc."""
    if re.search(r"(s|x|z|ch|sh|o)$", lemma):
        third = lemma + "es"
    elif re.search(r"[^aeiou]y$", lemma):
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("ie"):
        ing = lemma[:-2] + "ying"
    elif lemma.endswith("e") and not re.search(r"(ee|ye|oe)$", lemma):
        ing = lemma[:-1] + "ing"
    elif _doubles(lemma):
        ing = lemma + lemma[-1] + "ing"
    else:
        ing = lemma + "ing"
    if lemma.endswith("e"):
        past = lemma + "d"
    elif re.search(r"[^aeiou]y$", lemma):
        past = lemma[:-1] + "ied"
    elif _doubles(lemma):
        past = lemma + lemma[-1] + "ed"
    else:
        past = lemma + "ed"
    return third, ing, past


def read_cameo(path):
    """{lemma: [irregular forms]} for the single-word verbs of the VERB PATTERNS section."""
    verbs = {}
    in_verbs = False
    line_re = re.compile(r"^([A-Z][A-Z'-]*)\s*(\{([^}]*)\})?")
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if not in_verbs or not line or line[0] in "-#+&" or line.startswith(" "):
            continue
        m = line_re.match(line)
        if not m:
            continue
        word = m.group(1).lower()
        if "_" in line.split()[0]:
            continue
        forms = m.group(3).lower().split() if m.group(3) else None
        if word in verbs and verbs[word] and not forms:
            continue
        verbs[word] = forms
    return verbs


def forms_for(lemma, braces):
    """(3sg, [ing forms], [ed forms]) for one lemma."""
    third, ing, past = regular_forms(lemma)
    ings, eds = [ing], [past]
    spellings_l = []  # "cancelling" beside "canceling"
    if re.search(r"[aeiou]l$", lemma) and not re.search(r"(ee|oo|ai|ea|oi|ou)l$", lemma):
        spellings_l = [lemma + "ling", lemma + "led"]
        ings.append(lemma + "ling")
        eds.append(lemma + "led")
    if lemma in IRREGULAR:
        eds = list(IRREGULAR[lemma])
    if braces is not None:
        listed_eds = []
        for f in braces:
            if f.endswith("ing") and not lemma.endswith("ing"):
                ings = [f] + [x for x in ings if x != f]
            elif f in (third, lemma + "s", lemma + "es") or (
                    f.endswith("ies") and f[:-3] == lemma[:-1]):
                third = f
            else:
                listed_eds.append(f)
        if listed_eds:
            eds = listed_eds + (list(IRREGULAR[lemma]) if lemma in IRREGULAR else [])
            if spellings_l:
                eds += [lemma + "ed", spellings_l[1]]
        elif lemma not in IRREGULAR:
            eds = [lemma]  # "PUT {PUTS PUTTING}": the past is the lemma
    def unique(xs):
        out = []
        for x in xs:
            if x not in out:
                out.append(x)
        return out
    return third, unique(ings), unique(eds)


def generate(cameo_path):
    verbs = read_cameo(cameo_path)
    for v in EXTRA_VERBS:
        verbs.setdefault(v, None)
    rows = {lemma: forms_for(lemma, verbs[lemma]) for lemma in verbs}
    # The dictionary lists some inflected forms as verbs of their own ("understood",
    # "worried"): a lemma that is a form of another lemma is dropped.
    other_forms = {}
    for lemma, (third, ings, eds) in rows.items():
        for f in [third] + ings + eds:
            if f != lemma:
                other_forms.setdefault(f, lemma)
    lines = [
        "# The verb lexicon of the clause layer (rules/README.md section 13): LEMMA 3SG ING ED, `|`",
        "# between alternatives. GENERATED by tools/gen_verbs.py from tools/data/petrarch2/CAMEO.2.0.txt",
        "# (MIT, Open Event Data Alliance; tools/data/petrarch2/LICENSE); do not edit: add verbs in",
        "# a `verbs` block of your own, or to EXTRA_VERBS in the tool, and run it again.",
        "",
        "verbs cameo",
    ]
    for lemma in sorted(verbs):
        if lemma in other_forms:
            continue
        third, ings, eds = rows[lemma]
        lines.append("  " + " ".join([lemma, third, "|".join(ings), "|".join(eds)]))
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cameo", default=ROOT / "tools/data/petrarch2/CAMEO.2.0.txt",
                        type=pathlib.Path)
    parser.add_argument("--out", default=ROOT / "rules/lexicon/verbs.rules", type=pathlib.Path)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = generate(args.cameo)
    return write_or_check(args.out, text, "tools/gen_verbs.py", args.check)


if __name__ == "__main__":
    sys.exit(main())
