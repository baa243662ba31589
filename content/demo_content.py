"""The demo content: one article on magnesium and pain, its sources and five condition pages.

Every row is named by a key that does not change (a citation key or a page slug), so
``manage.py seed_content`` can find what it made before. Products are the demo catalogue's own
specs, named by their UPC, so a page links the very products ``manage.py seed_shop`` creates.

The wording is ours. Claims stay with what the sources report ("studies have looked at",
"some people find"); baths and oils are described as how people use them, never as a cure.
The article's title and each condition page's neutral title name no condition, as
``content.claims`` asks: product pages link to them as related reading in markets where naming
a condition beside a product is a medicinal claim.
"""

import datetime
from dataclasses import dataclass

from content.sources import SOURCES
from store.storefront.demo_catalogue import PRODUCTS, ProductSpec

#: Who checked the condition pages: a placeholder that must be replaced before going live.
DEMO_REVIEWER = "Demo reviewer (replace before going live), MPharm"
DEMO_REVIEWED_ON = datetime.date(2025, 6, 2)


@dataclass(frozen=True)
class ArticleSpec:
    """An article; ``citations`` are citation keys, in the order of the reference list."""

    slug: str
    title: str
    summary: str
    body: str
    byline: str
    seo_title: str
    meta_description: str
    citations: tuple[str, ...]


@dataclass(frozen=True)
class ProductUse:
    """A demo catalogue product shown on a condition page, with how people use it there."""

    product: ProductSpec
    usage_note: str


@dataclass(frozen=True)
class ConditionSpec:
    """A condition page; its position in lists is its place in CONDITIONS.

    ``neutral_title`` is how product pages link to it where they may not name the condition.
    """

    slug: str
    title: str
    neutral_title: str
    summary: str
    body: str
    mechanism: str
    citations: tuple[str, ...]
    products: tuple[ProductUse, ...]
    seo_title: str = ""
    meta_description: str = ""


_CATALOGUE = {spec.upc: spec for spec in PRODUCTS}


def _catalogue_product(upc: str) -> ProductSpec:
    """Return the demo catalogue's product ``upc``; fail on import if the catalogue lost it."""
    return _CATALOGUE[upc]


ZECHSTEIN_FLAKES = _catalogue_product("MW-FLAKES-ZECHSTEIN")
DEAD_SEA_FLAKES = _catalogue_product("MW-FLAKES-DEADSEA")
LAVENDER_FLAKES = _catalogue_product("MW-FLAKES-LAVENDER")
EUCALYPTUS_FLAKES = _catalogue_product("MW-FLAKES-EUCALYPTUS")
OIL_SPRAY = _catalogue_product("MW-OIL-SPRAY")
OIL_ROLL_ON = _catalogue_product("MW-OIL-ROLLON")
GENTLE_OIL_SPRAY = _catalogue_product("MW-OIL-GENTLE")

THOMAS_2000 = "thomas-2000"
SHIN_2020 = "shin-2020"
LIBAKO_2010 = "libako-2010"

CITATIONS = SOURCES

ARTICLE = ArticleSpec(
    slug="magnesium-what-the-research-says",
    title="Magnesium: what the research says",
    summary=(
        "How magnesium helps keep nerve signals in check, which painful conditions researchers "
        "have studied it in, and how people use magnesium baths and oils alongside their "
        "usual care."
    ),
    byline="The Magnesium Works team (demo content)",
    seo_title="Magnesium and pain: a plain-language look at the research",
    meta_description=(
        "What research says about magnesium and nerve signalling, the pain conditions studied "
        "so far, typical daily intakes, and how people use magnesium baths and oils."
    ),
    citations=(THOMAS_2000, SHIN_2020, LIBAKO_2010),
    body="""\
<p>Magnesium takes part in hundreds of chemical reactions in the body, and one of its quieter
jobs is stopping the nervous system from running too hot. This article sets out, in plain
words, what researchers have found about magnesium and pain, where the evidence is still thin,
and how people use magnesium flakes and oils at home.</p>

<h2>A brake on over-excited nerves</h2>
<p>Nerve cells pass signals to each other with chemical messengers. Glutamate is the main
"go" messenger: the more of it is released, the more readily nerve cells fire and the more
excitable the whole system becomes. Much of glutamate's effect runs through the NMDA receptor,
a gate in the nerve cell's surface that lets calcium rush in once it opens.</p>
<p>Magnesium works against this at several points. It opposes the NMDA receptor, so glutamate
has less effect; it limits the calcium that floods into nerve cells as they fire; and it
supports GABA, the messenger that tells nerves to settle. Together these help the body come
down from a stress response to its resting, "rest and digest" state. Researchers have
suggested that when magnesium runs low, nerves can stay excited for longer than they need to,
producing extra free radicals that may inflame and harm nerve tissue over time.</p>

<h2>Conditions researchers have looked at</h2>
<ul>
<li><strong>Migraine.</strong> Lower magnesium levels have been measured in people who get
migraines, and magnesium has been studied both to prevent attacks and, in hospital, as a
drip to treat one.</li>
<li><strong>Neuropathic pain.</strong> Pain from damaged or misfiring nerves, including
diabetic neuropathy and pain after shingles, has been studied with magnesium for many
years.</li>
<li><strong>Fibromyalgia.</strong> The cause of this long-term pain condition is still unclear;
one idea links it to substance P, a pain messenger that low magnesium may raise.</li>
<li><strong>Period pain.</strong> Magnesium's relaxing and anti-inflammatory effects have made
it a subject of study for painful periods.</li>
<li><strong>Surgery.</strong> Some anaesthetists give magnesium by drip during operations, and
trials have measured pain and painkiller use afterwards.</li>
</ul>
<p>Each condition has its own page, with the sources behind it.</p>

<h2>How researchers think magnesium acts</h2>
<p>Reviews of the research usually group magnesium's effects on pain under four headings:</p>
<ul>
<li><strong>Damping the NMDA receptor.</strong> In the spinal cord, an active NMDA receptor
makes the nervous system more sensitive, so pain feels stronger and lingers. Magnesium acts
against that receptor.</li>
<li><strong>Controlling calcium.</strong> Magnesium blocks calcium channels and adjusts
potassium channels, helping cell membranes stay stable, blood flow freely and arteries stay
supple.</li>
<li><strong>Inflammation.</strong> In studies of rats, immune cells from
magnesium-deficient animals were primed to react and made more reactive oxygen species, even
with nothing to set them off; more magnesium had the opposite effect.</li>
<li><strong>The nitric oxide pathway.</strong> Magnesium switches on the nitric oxide pathway,
which lets blood vessels relax and widen.</li>
</ul>

<h2>How much magnesium?</h2>
<p>To keep magnesium at a normal level, researchers suggest around 400 mg a day. Some
researchers suggest that people recovering from an injury may need more, in the region of
1,000 mg a day, but amounts like that are for a doctor to advise on, especially if you have
kidney problems or take regular medicines.</p>

<h2>Baths and oils</h2>
<p>Magnesium can also be used on the skin. Many people dissolve magnesium chloride flakes in a
warm bath or a foot soak, or spray or roll magnesium oil onto the skin and massage it in,
choosing how much to use and how strong. Some prefer this to tablets, particularly when illness
or stress has upset their digestion, and many say a magnesium bath helps them unwind and sleep
well. How much magnesium passes through the skin is still debated, so treat baths and oils as
part of a relaxing routine, not as a treatment, and keep taking anything you have been
prescribed.</p>
<p>This article is general information, not medical advice. If you live with ongoing pain,
talk to your GP or pharmacist.</p>
""",
)

CONDITIONS = (
    ConditionSpec(
        slug="migraine-headaches",
        title="Migraine headaches",
        neutral_title="Magnesium, nerve cells and blood vessels",
        summary=(
            "Migraines have been linked with low magnesium. What studies have looked at, how "
            "magnesium is thought to act, and how some people use magnesium oil and baths."
        ),
        seo_title="Migraine and magnesium: what studies have looked at",
        body="""\
<p>A migraine is more than a bad headache. An attack builds over hours, can bring nausea,
vomiting and a strong dislike of light, and may last for days. Some people first see an aura:
flashes or zigzags at the edge of their vision before the pain starts.</p>
<p>Studies have reported lower magnesium in people with all kinds of migraine, and in people
with cluster headaches too. In one study of 29 migraine patients and 18 people without
migraine, the patients had less magnesium inside their red and white blood cells. After two
weeks of drinking a mineral water rich in magnesium, the magnesium inside those cells went up
(Thomas et al., 2000).</p>
<p>A 2020 review of magnesium and pain describes hospital treatment of migraine attacks with
magnesium given by drip, which compared well with other treatments for an acute attack in some
trials, with fewer attacks reported afterwards (Shin et al., 2020). That is a medical
treatment, quite different from anything done at home.</p>
<p>Some people who get migraines like to make magnesium part of their routine, for example a
little magnesium oil rolled onto the back of the neck, or an evening bath with magnesium
flakes. If your migraines are frequent, change in pattern or come with new symptoms, see your
GP.</p>
""",
        mechanism="""\
<p>A migraine involves a surge of excitatory messengers in the brain. Magnesium is thought to
help by opposing the NMDA receptor, so glutamate has less effect, by limiting the calcium that
enters firing nerve cells, and through the nitric oxide pathway.
When magnesium is low, these brakes are weaker.</p>
""",
        citations=(THOMAS_2000, SHIN_2020),
        products=(
            ProductUse(
                OIL_ROLL_ON,
                "Roll a little onto the back of the neck and the temples, well away from the "
                "eyes; rinse off after 20 minutes if it tingles.",
            ),
            ProductUse(
                LAVENDER_FLAKES,
                "Two cups in a warm bath for 20 minutes in the evening, in a dim, quiet room.",
            ),
        ),
    ),
    ConditionSpec(
        slug="neuropathic-pain",
        title="Neuropathic pain",
        neutral_title="Magnesium and nerve signalling",
        summary=(
            "Nerve pain has been studied with magnesium for many years. What the studies "
            "looked at, how magnesium may calm over-sensitive nerves, and how some people use "
            "magnesium oil."
        ),
        seo_title="Nerve pain and magnesium: what studies have looked at",
        body="""\
<p>Neuropathic pain comes from nerves that are damaged or misfiring, rather than from an injury
to the tissue around them. People describe it as burning, shooting or like an electric shock,
and a light touch can set it off. It covers many conditions, among them diabetic neuropathy,
pain after shingles (postherpetic neuralgia), trigeminal neuralgia, pain after an amputation
or a stroke, nerve pain linked to cancer, and pain from an irritated nerve root in the
spine.</p>
<p>Researchers have studied magnesium for nerve pain over many years. A 2020 review reports
that in people whose low back pain had a nerve component, a course of magnesium lowered pain
scores and let them bend and move the lower back further, and that nerve pain and disability
after a spinal cord injury improved with magnesium treatment (Shin et al., 2020).</p>
<p>Those studies used medical doses given under supervision. Some people with nerve pain also
like to massage magnesium oil into areas that feel tight or sore, as part of a self-care
routine alongside the treatment their doctor recommends.</p>
""",
        mechanism="""\
<p>Nerve pain is kept going partly by central sensitisation: after repeated signals, NMDA
receptors in the spinal cord make the nervous system over-respond, so pain is amplified.
Magnesium opposes the NMDA receptor and limits calcium entry into nerve cells, which is
thought to turn that amplification down.</p>
""",
        citations=(SHIN_2020,),
        products=(
            ProductUse(
                OIL_SPRAY,
                "Spray four to six times onto the skin, massage in and leave for 20 minutes; "
                "not on broken skin.",
            ),
            ProductUse(
                GENTLE_OIL_SPRAY,
                "Half strength, for skin that tingles easily: spray and massage in once or "
                "twice a day.",
            ),
        ),
    ),
    ConditionSpec(
        slug="fibromyalgia",
        title="Fibromyalgia",
        neutral_title="Magnesium, muscles and rest",
        summary=(
            "Fibromyalgia brings widespread pain, tiredness and poor sleep. What researchers "
            "have proposed about magnesium and substance P, and how some people use magnesium "
            "baths."
        ),
        seo_title="Fibromyalgia and magnesium: what researchers have proposed",
        body="""\
<p>Fibromyalgia is a common long-term condition with pain in many parts of the body, often
together with tiredness, low mood and broken sleep. Its cause is still not understood, and
there is no single test for it.</p>
<p>One line of research concerns substance P, a messenger that carries pain signals and turns
up their volume. Higher levels of substance P have been linked with fibromyalgia. Low magnesium
can push substance P up, and researchers have proposed that restoring magnesium may bring it
down. Fibromyalgia is among the conditions in which reviewers report
magnesium has been tried (Shin et al., 2020), though there are still only a handful of
trials.</p>
<p>Because fibromyalgia so often disturbs sleep, many people build a calming evening routine.
Some find a warm bath with magnesium flakes helps them relax before bed; others prefer a
gentle magnesium spray on aching muscles.</p>
""",
        mechanism="""\
<p>Magnesium is thought to help in two ways: by keeping substance P, which heightens pain, in
check, and by opposing the NMDA receptor, which holds the nervous system in a sensitised
state. Its relaxing effect on muscles may also play a part.</p>
""",
        citations=(SHIN_2020,),
        products=(
            ProductUse(
                ZECHSTEIN_FLAKES,
                "Two cups in a warm bath for 20 minutes in the evening, two or three times a week.",
            ),
            ProductUse(
                GENTLE_OIL_SPRAY,
                "Spray onto aching shoulders or legs and massage in; the half-strength oil "
                "suits sensitive skin.",
            ),
        ),
    ),
    ConditionSpec(
        slug="period-pain",
        title="Period pain",
        neutral_title="Magnesium and muscle relaxation",
        summary=(
            "Painful periods are common. Why researchers have looked at magnesium's effects on "
            "muscle and on inflammation, and how some people use a magnesium bath or oil."
        ),
        seo_title="Period pain and magnesium: what studies have looked at",
        body="""\
<p>Period pain, known to doctors as dysmenorrhoea, is cramping pain low in the tummy that can
spread to the back and thighs. It comes from the muscle of the womb tightening, and from
inflammatory substances released around the time of a period.</p>
<p>Studies have looked at magnesium for painful periods because of two of its effects: it
helps muscles relax, and it has an anti-inflammatory action. A review of magnesium and pain
lists period pain among the conditions in which magnesium has been reported to help
(Shin et al., 2020). Laboratory work showing that low magnesium primes immune cells to
over-react helps explain the interest in its anti-inflammatory side (Libako et al., 2010).</p>
<p>Many people reach for warmth when cramps start. A warm bath with magnesium flakes, or
magnesium oil massaged into the lower back or tummy, is one way some people combine the two.
If your period pain is severe, getting worse or stopping you from doing everyday things, see
your GP, as it can have causes that need treatment.</p>
""",
        mechanism="""\
<p>A review of magnesium and pain (Shin et al., 2020) describes magnesium controlling calcium,
which muscle needs in order to contract. Laboratory work links low magnesium with immune cells
primed to over-react (Libako et al., 2010).</p>
""",
        citations=(SHIN_2020, LIBAKO_2010),
        products=(
            ProductUse(
                DEAD_SEA_FLAKES,
                "Two or three cups in a warm bath for 20 minutes.",
            ),
            ProductUse(
                OIL_SPRAY,
                "Spray onto the lower back or tummy and massage in gently; rinse off after 20 "
                "minutes if it tingles.",
            ),
        ),
    ),
    ConditionSpec(
        slug="surgery-and-post-operative-pain",
        title="Surgery and post-operative pain",
        neutral_title="Magnesium and recovery",
        summary=(
            "Some anaesthetists give magnesium during operations. What the studies found, and "
            "how some people use magnesium baths while they recover at home."
        ),
        seo_title="Magnesium during surgery and for pain afterwards",
        body="""\
<p>Strong opioid painkillers are widely used to control pain after surgery, and over the past
decade concern about them has grown, with rising misuse, dependence and overdose deaths. For
many people an operation is their first contact with opioids, so ways of needing less of them
are of real interest to anaesthetists.</p>
<p>One approach under study is to give magnesium by drip alongside the usual anaesthetic, so
that less anaesthetic is needed. Trials have found that magnesium given during a general
anaesthetic can lower pain after the operation without raising the risk of side effects
(Shin et al., 2020), and some report a quicker recovery.</p>
<p>That is a hospital treatment, decided by your surgical team. At home, once your wound has
healed and you have been told bathing is fine, some people find a warm magnesium bath or foot
soak a pleasant way to relax while they get moving again.</p>
""",
        mechanism="""\
<p>An operation sends a burst of pain signals that can sensitise the spinal cord through the
NMDA receptor, making pain afterwards stronger and longer-lasting. Magnesium given during the
operation is thought to oppose this receptor and so limit the sensitisation, much as other
NMDA-blocking drugs used in anaesthesia do.</p>
""",
        citations=(SHIN_2020,),
        products=(
            ProductUse(
                ZECHSTEIN_FLAKES,
                "Once your surgical team has cleared you to bathe: two cups in a warm bath for "
                "20 minutes.",
            ),
            ProductUse(
                EUCALYPTUS_FLAKES,
                "A small handful in a bowl of warm water for a 15-minute foot soak while you rest.",
            ),
        ),
    ),
)
