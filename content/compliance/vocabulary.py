"""The words health claims are made of, shared by every market.

Each entry is a regular-expression fragment that spells out a word's forms ("treat(?:s|ed)?"),
matched case-insensitively on whole words. The checker (``content.compliance.patterns``) joins
them into patterns; the market tables (``content.compliance.rules``) say which claims each
market forbids and why.
"""

#: Verbs (and their nouns) that claim an effect on a disease or symptom when one follows them.
#: "help", "ease" and "reduce" only count with a condition next to them, like all the others.
CLAIM_VERBS: tuple[str, ...] = (
    r"treat(?:s|ed|ing|ment|ments)?",
    r"cur(?:e|es|ed|ing|ative)",
    r"heal(?:s|ed|ing)?",
    r"prevent(?:s|ed|ing|ion|ive|ative)?",
    r"remed(?:y|ies)",
    r"reliev(?:e|es|ed|ing)",
    r"relief",
    r"alleviat(?:e|es|ed|ing|ion)",
    r"attenuat(?:e|es|ed|ing)",
    r"eas(?:e|es|ed|ing)",
    r"sooth(?:e|es|ed|ing)",
    r"calm(?:s|ed|ing)?",
    r"reduc(?:e|es|ed|ing|tion)",
    r"lower(?:s|ed|ing)?",
    r"improv(?:e|es|ed|ing)",
    r"fight(?:s|ing)?",
    r"combat(?:s|ed|ing|ting)?",
    r"tackl(?:e|es|ed|ing)",
    r"beat(?:s|ing)?",
    r"banish(?:es|ed|ing)?",
    r"revers(?:e|es|ed|ing)",
    r"eliminat(?:e|es|ed|ing)",
    r"stop(?:s|ped|ping)?",
    r"manag(?:e|es|ed|ing)",
    r"clear(?:s|ed|ing)? up",
    r"get(?:s|ting)? rid of",
    r"got rid of",
    r"ward(?:s|ed|ing)? off",
    r"protect(?:s|ed|ing)? (?:you )?against",
    r"(?:say|kiss) goodbye to",
    r"soak(?:s|ing)? away",
    r"melt(?:s|ing)? away",
    r"help(?:s|ed|ing)?",
    r"(?:good|great|ideal|perfect|brilliant|excellent|recommended(?: \w+)?) for",
    r"(?:the |an? |nature'?s )?answers? (?:to|for)",
    r"work(?:s|ed)? wonders (?:on|for)",
    r"(?:the )?best (?:thing |remedy |cure )?for",
    r"quieten(?:s|ed|ing)?",
    r"effective (?:against|for|at)",
    r"settl(?:e|es|ed|ing)",
)

#: Words that claim an effect when they come straight after a condition: "pain relief",
#: "pain-relieving", "cramp-free", "cramps at bay", "cramps treated in minutes".
CLAIM_RIGHT_AFTER_CONDITION: tuple[str, ...] = (
    r"relieving",
    r"relievers?",
    r"killers?",
    r"killing",
    r"free",
    r"reducing",
    r"at bay",
    r"in check",
    r"under control",
    r"treated",
    r"cured",
    r"healed",
    r"relieved",
    r"soothed",
    r"banished",
    r"gone",
)

#: Words that claim an effect a few words after a condition: "pain or cramp relief",
#: "period pain, can be alleviated", "attacks decreased".
CLAIM_NEAR_CONDITION: tuple[str, ...] = (
    r"relief",
    r"remed(?:y|ies)",
    r"cures?",
    r"treatments?",
    r"(?:can|could|may|might|will|is|are|was|were|be|been|gets?|got)\s+(?:\w+\s+)?(?:be\s+)?"
    r"(?:treated|cured|healed|prevented|relieved|alleviated|eased|reduced|improved|soothed"
    r"|banished|attenuated)",
    r"(?:can|could|may|will)\s+(?:\w+\s+)?(?:improve|ease|subside|disappear)",
    r"(?:decreased|declined|subsided|disappeared|reduced|improved|eased)",
)

#: Words that call the product or its ingredient a medicine by what it does.
PHARMACOLOGICAL_PROPERTIES: tuple[str, ...] = (
    r"anti-?inflammator(?:y|ies)",
    r"analgesics?",
    r"neuroprotective",
    r"neuro-protective",
    r"anti-?depressants?",
    r"anti-?convulsants?",
    r"anti-?spasmodics?",
    r"muscle relaxants?",
    r"sedatives?",
    r"pain-?killing",
    r"healing (?:properties|powers?|effects?|benefits)",
    r"medicinal (?:properties|effects?|benefits|bath|soak)",
)

#: Effects on how the body works: a medicine's (or a food's) job, not a cosmetic's.
BODY_FUNCTION_VERBS: tuple[str, ...] = (
    r"boost(?:s|ed|ing)?",
    r"support(?:s|ed|ing)?",
    r"improv(?:e|es|ed|ing)",
    r"promot(?:e|es|ed|ing)",
    r"restor(?:e|es|ed|ing)",
    r"regulat(?:e|es|ed|ing)",
    r"balanc(?:e|es|ed|ing)",
    r"increas(?:e|es|ed|ing)",
    r"rais(?:e|es|ed|ing)",
    r"replenish(?:es|ed|ing)?",
    r"top(?:s|ped|ping)? up",
    r"strengthen(?:s|ed|ing)?",
    r"calm(?:s|ed|ing)?(?: down)?",
    r"relax(?:es|ed|ing)?",
    r"relaxation of",
    r"dilat(?:e|es|ed|ing)",
    r"deliver(?:s|ed|ing)?",
    r"lower(?:s|ed|ing)?",
    r"reduc(?:e|es|ed|ing)",
    r"speed(?:s|ing)? up",
    r"sped up",
    r"aid(?:s|ed|ing)?",
    r"help(?:s|ed|ing)?(?: to)?",
    r"encourag(?:e|es|ed|ing)",
    r"induc(?:e|es|ed|ing)",
    r"enhanc(?:e|es|ed|ing)",
    r"optimi[sz](?:e|es|ed|ing)",
    r"correct(?:s|ed|ing)?",
    r"rebalanc(?:e|es|ed|ing)",
)

#: What those verbs act on when the claim is about the body rather than the skin.
BODY_FUNCTIONS: tuple[str, ...] = (
    r"immune (?:system|response|function|health)",
    r"immunity",
    r"(?:the |your )?nervous system",
    r"nerve (?:function|health|signals)",
    r"brain (?:function|health)",
    r"blood vessels",
    r"(?:the )?vascular system",
    r"arteries",
    r"circulation",
    r"blood flow",
    r"blood pressure",
    r"blood sugar",
    r"heart (?:health|rate|rhythm)",
    r"metabolism",
    r"hormones?",
    r"hormone balance",
    r"cortisol",
    r"serotonin",
    r"melatonin",
    r"magnesium levels?",
    r"magnesium stores",
    r"magnesium (?:to|into) (?:your |the )?(?:cells|body|bloodstream)",
    r"energy(?: levels?)?",
    r"(?:muscle )?recovery(?: time)?",
    r"(?:your |the )?body'?s magnesium",
    r"(?:sound|better|deeper|restful|quality|good|restorative|natural) sleep",
    r"sleep quality",
    r"(?:bone|joint) (?:health|density)",
    r"digestion",
    r"(?:better|low) mood",
    r"focus",
    r"concentration",
    r"memory",
    r"stress response",
)

#: Body-function claims that need no verb: detox, absorption through the skin, sleeping better.
BODY_FUNCTION_PHRASES: tuple[str, ...] = (
    r"detox(?:es|ing|ify|ifies|ifying|ification)?",
    r"draws? out toxins",
    r"flush(?:es)? out toxins",
    r"transdermal(?:ly)?",
    r"absorb(?:s|ed)? (?:\w+ )?(?:through|via|into) (?:the |your )?skin",
    r"absorption (?:through|via) (?:the |your )?skin",
    r"help(?:s)? you sleep",
    r"sleep (?:better|soundly|deeply|through the night)",
    r"better night'?s sleep",
    r"recover(?:s|y)? (?:faster|quicker|more quickly)",
    r"(?:faster|quicker) recovery",
)

#: The EU/UK register's authorised health claims for magnesium, as food wording goes.
FOOD_HEALTH_CLAIMS: tuple[str, ...] = (
    r"(?:a )?reduction (?:of|in) tiredness and fatigue",
    r"reduc(?:e|es|ing) tiredness and fatigue",
    r"electrolyte balance",
    r"(?:normal )?energy-? ?yielding metabolism",
    r"(?:normal )?function(?:ing)? of the nervous system",
    r"(?:normal |healthy )?nervous system function",
    r"(?:normal |healthy )?muscle function",
    r"(?:normal )?protein synthesis",
    r"(?:normal )?psychological function",
    r"(?:maintenance of )?(?:normal|healthy) (?:bones|teeth)",
    r"(?:the )?process of cell division",
)

#: Openings that borrow a food claim's grammar: "contributes to", "supports", "maintains".
FOOD_CLAIM_LEADS: tuple[str, ...] = (
    r"contribut(?:e|es|ed|ing) to",
    r"support(?:s|ed|ing)?",
    r"maintain(?:s|ed|ing)?",
    r"promot(?:e|es|ed|ing)",
    r"help(?:s)? (?:to )?maintain",
    r"for",
)

#: Claims that prove themselves: wording that needs a named study beside it.
PROOF_CLAIMS: tuple[str, ...] = (
    r"(?:clinically|scientifically|medically) (?:proven|proved|shown|validated)",
    r"proven to \w+",
    r"proven (?:effective|results|formula|relief)",
    r"(?:doctor|physician|gp|pharmacist)[- ]recommended",
    r"recommended by (?:doctors|physicians|gps|pharmacists|experts)",
    r"science[- ]backed",
    r"backed by (?:science|research|studies)",
    r"research proves",
    r"studies prove",
)

#: Claims that in the US make a cosmetic an over-the-counter drug (21 CFR parts 350 and 358),
#: though the same product is a cosmetic in the UK, the EU and Australia.
US_DRUG_CLAIMS: tuple[str, ...] = (
    r"anti-?perspirants?",
    r"(?:stops?|reduc(?:e|es|ing)|control(?:s|ling)?|prevent(?:s|ing)?) (?:\w+ )?"
    r"(?:sweating|perspiration)",
    r"anti-?dandruff",
    r"(?:reduc(?:e|es|ing)|control(?:s|ling)?|fight(?:s|ing)?|prevent(?:s|ing)?) dandruff",
)

#: The FDA's notice for dietary supplements, which a bath product has no business carrying.
SUPPLEMENT_NOTICE = (
    r"(?:these|this) statements? (?:has|have) not been evaluated by the "
    r"(?:food and drug administration|fda)"
)

#: What a shopper says a product did for them: "cured my", "got rid of my", "helped my".
TESTIMONIAL_VERBS: tuple[str, ...] = (
    r"cured",
    r"healed",
    r"fixed",
    r"sorted(?: out)?",
    r"got rid of",
    r"cleared(?: up)?",
    r"stopped",
    r"ended",
    r"eased",
    r"relieved",
    r"helped(?: with)?",
    r"helps?(?: with)?",
    r"took away",
    r"knocked",
    r"takes? away",
    r"banished",
    r"(?:worked|works|did|does) wonders (?:on|for)",
    r"worked (?:on|for)",
    r"saved me from",
)

#: How a shopper says a condition went away: "my migraines have gone".
CONDITION_GONE: tuple[str, ...] = (
    r"gone",
    r"disappeared",
    r"vanished",
    r"cleared(?: up)?",
    r"stopped",
    r"improved",
    r"eased",
    r"better",
    r"went away",
    r"less frequent",
    r"a thing of the past",
    r"(?:has |have )?(?:come|gone) down",
    r"back to normal",
    r"under control",
    r"calmed(?: \w+)? down",
    r"settled(?: down)?",
)

#: Everyday phrases that use a condition's name without meaning it ("take the pain out of").
IDIOMS: tuple[str, ...] = (
    r"takes? the pain out of",
    r"taking the pain out of",
    r"growing pains",
    r"a pain in the neck",
    r"no pain,? no gain",
    r"headache-free (?:checkout|returns|delivery|ordering)",
)
