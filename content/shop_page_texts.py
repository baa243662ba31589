"""The first words of the shop's own pages (``content.shop_pages``), for editors to build on.

``manage.py seed_content`` publishes each page whose slot has none yet. The words are the
shop's own and hold no fact that changes without them: the trader's name, address, email,
phone and VAT number, the delivery methods and their prices, and the trader the cancellation
form is addressed to are shown beside the text by the page's template, read as it is served.
The text says "below" where it means them.
"""

from dataclasses import dataclass

from content.shop_pages import ShopPageSlot


@dataclass(frozen=True)
class ShopPageSpec:
    """A shop page's first version: its slot names the page and gives its address."""

    slot: ShopPageSlot
    title: str
    summary: str
    body: str
    meta_description: str = ""


ABOUT = ShopPageSpec(
    slot=ShopPageSlot.ABOUT,
    title="About us",
    summary="A small UK company that packs magnesium bath flakes and magnesium oils.",
    body="""
<p>We are a small UK company that sells one thing and takes care over it: magnesium chloride,
as flakes for the bath and as a solution for the skin.</p>
<h2>What we sell</h2>
<ul>
<li><strong>Bath flakes</strong> from the Zechstein deposit under the Netherlands and from the
Dead Sea, plain or scented with an essential oil, in bags of several sizes.</li>
<li><strong>Magnesium oils</strong>: magnesium chloride dissolved in water, to spray or roll
onto the skin. Despite the name they contain no oil.</li>
</ul>
<p>Each product page gives the ingredients, the sizes and how to use the product.</p>
<h2>What we write</h2>
<p>Our articles sum up what published studies have looked at, with the sources named so you can
read them yourself. They are general reading, not advice about your own health: for that,
please ask your doctor or pharmacist.</p>
<h2>The company</h2>
<p>The company's registered details are below. To reach us, see the
<a href="/contact/">contact page</a>.</p>
""",
    meta_description="Who we are, what we sell and the company behind the shop.",
)

CONTACT = ShopPageSpec(
    slot=ShopPageSlot.CONTACT,
    title="Contact us",
    summary="Email or call us about an order, a product or anything else; we read every message.",
    body="""
<p>The quickest way to reach us is by email; our address and phone number are below. We answer
on working days, Monday to Friday, and aim to reply within two working days.</p>
<h2>About an order</h2>
<p>Please give your order number (it is in your confirmation email) and the email address you
ordered with, so we can find your order straight away.</p>
<h2>To cancel or return an order</h2>
<p>You can tell us by email or by post. The <a href="/returns/">returns and cancellation
page</a> explains how, and has a form you may use.</p>
<h2>If something is wrong</h2>
<p>If an item arrives damaged or faulty, or is not what you ordered, email us with your order
number and, if you can, a photograph. We will put it right: a replacement or a refund, as you
prefer.</p>
<h2>Complaints</h2>
<p>If you are unhappy with how we have dealt with you, write to us at the email or postal
address below, and we will look into it and reply in full.</p>
""",
    meta_description="How to reach us by email, phone or post, and what to include.",
)

TERMS = ShopPageSpec(
    slot=ShopPageSlot.TERMS,
    title="Terms and conditions",
    summary="The terms on which we sell to you: ordering, prices, payment, delivery, cancelling.",
    body="""
<p>These terms apply to every order placed on this website. Please read them before you order;
they do not affect your rights in law as a consumer.</p>
<h2>1. Who we are</h2>
<p>The shop is run by the company named below, with its registered address and contact
details. "We" and "us" in these terms mean that company.</p>
<h2>2. Your order and our contract</h2>
<p>When you place an order we send you an email confirming it. The contract between us is made
when we send that email. If we cannot supply an item, for example because it has sold out, we
tell you and refund anything you paid for it.</p>
<h2>3. Prices</h2>
<p>The price of each item is the one shown when you place your order, with any tax included as
the page says. The delivery cost depends on the method you choose and is shown before you
place the order; the <a href="/delivery/">delivery page</a> lists every method and its price.
If we have made an obvious mistake in a price, we will tell you and you may cancel.</p>
<h2>4. Paying</h2>
<ul>
<li><strong>By card</strong>: you pay on a secure page run by Stripe, our card payment provider.
We never see or keep your full card number.</li>
<li><strong>By bank transfer</strong>: after you place the order we show you our bank details
and a payment reference. We send the goods once the money has arrived. If it has not arrived
after several days, we cancel the order and you owe us nothing.</li>
</ul>
<h2>5. Delivery</h2>
<p>We deliver to the address you give us, by the method you choose. The goods are your
responsibility once they are delivered to you or to someone you name.</p>
<h2>6. Your right to cancel</h2>
<p>You may cancel your order within 14 days of receiving it, without giving a reason. The
<a href="/returns/">returns and cancellation page</a> explains how, what you pay, and how we
refund you.</p>
<h2>7. Faulty goods</h2>
<p>Under the Consumer Rights Act 2015, goods must be as described, fit for purpose and of
satisfactory quality. If they are not, you may reject them for a full refund within 30 days
of delivery; after that you are entitled to a repair or replacement and, failing that, a refund.
Please <a href="/contact/">contact us</a> first.</p>
<h2>8. Using our products</h2>
<p>Please read the directions and warnings on each product page and pack before use, try a
little on a small area of skin first, and keep all products out of reach of children.</p>
<h2>9. Our responsibility to you</h2>
<p>We are responsible for loss or damage you suffer that is a foreseeable result of our
breaking these terms or of our failing to take reasonable care. We do not exclude or limit
our liability where the law does not allow it. Our products are for household and private use
only.</p>
<h2>10. Law and disputes</h2>
<p>These terms are governed by the law of England and Wales. If you live in Scotland or
Northern Ireland, you may also bring proceedings there. Please <a href="/contact/">tell us</a>
about any problem first: we would much rather put it right.</p>
<h2>11. Changes to these terms</h2>
<p>We may update these terms from time to time. The terms that apply to your order are those
shown here when you placed it.</p>
""",
    meta_description="The terms on which we sell: orders, prices, payment, delivery and refunds.",
)

PRIVACY = ShopPageSpec(
    slot=ShopPageSlot.PRIVACY,
    title="Privacy notice",
    summary="What personal information we keep about you, why, for how long, and your rights.",
    body="""
<p>This notice explains what we do with your personal information when you shop with us or
read our site. The company named below is responsible for it (the "controller" under UK data
protection law).</p>
<h2>What we collect</h2>
<ul>
<li><strong>When you order</strong>: your name, delivery and billing addresses, email address,
phone number if you give one, and what you bought.</li>
<li><strong>If you open an account</strong>: your sign-in details, saved addresses, order
history, wish lists and any reviews you write.</li>
<li><strong>When you pay by card</strong>: Stripe, our card payment provider, handles your card
details on its own page. It tells us whether the payment succeeded and the amount; we never
see or keep your full card number.</li>
<li><strong>When you pay by bank transfer</strong>: the payment as it reaches our bank account,
with the name on it.</li>
<li><strong>When you sign in</strong>: to protect accounts, we record failed sign-in attempts
with the internet address they came from.</li>
</ul>
<h2>Why we use it</h2>
<ul>
<li>To take, send and, if needed, refund your order: this is needed for our contract with
you.</li>
<li>To keep the records that tax and company law require.</li>
<li>To keep the shop and your account secure, which is in our and your legitimate
interests.</li>
</ul>
<p>We do not sell your information, and we send you no marketing unless you have asked for
it.</p>
<h2>Who we share it with</h2>
<p>Only those who help us run the shop: Stripe for card payments, the carrier who delivers your
parcel, and the companies that host our website and send our emails. Each may use your
information only to do that work for us.</p>
<h2>Cookies</h2>
<p>We use only the cookies the shop needs to work: they keep you signed in, protect our forms
from misuse, and remember your basket and the products you looked at recently. We use no
advertising or tracking cookies.</p>
<h2>How long we keep it</h2>
<p>We keep order records for six years after the end of the tax year they fall in, as UK tax
law requires. We keep your account until you ask us to close it.</p>
<h2>Your rights</h2>
<p>You may ask for a copy of the information we hold about you, ask us to correct or delete
it, object to how we use it, or ask us to restrict its use. Email us at the address below. If
you are not happy with our answer, you may complain to the Information Commissioner's Office
(<a href="https://ico.org.uk/">ico.org.uk</a>).</p>
""",
    meta_description="What personal information the shop keeps, why, for how long, your rights.",
)

DELIVERY = ShopPageSpec(
    slot=ShopPageSlot.DELIVERY,
    title="Delivery",
    summary="Where we deliver, how much it costs and how long it takes.",
    body="""
<p>We pack orders on working days, Monday to Friday. A card order is packed once the payment
has gone through; an order paid by bank transfer once the money has reached us.</p>
<p>The methods we offer, their prices and the order totals from which they are free are listed
below. At checkout you see only the methods that deliver to your address, and the delivery cost
of your order is shown before you place it.</p>
<h2>When your parcel arrives</h2>
<p>If your parcel arrives damaged, or has not arrived within a few working days of the time the
method promises, please <a href="/contact/">contact us</a> with your order number and we will
sort it out with the carrier.</p>
<h2>Changing your mind</h2>
<p>You may cancel within 14 days of receiving your order: see
<a href="/returns/">returns and cancellation</a>.</p>
""",
    meta_description="Our delivery methods, what they cost and when delivery is free.",
)

RETURNS = ShopPageSpec(
    slot=ShopPageSlot.RETURNS,
    title="Returns and cancellation",
    summary="You may cancel your order within 14 days of receiving it, without giving a reason.",
    body="""
<h2>Your right to cancel</h2>
<p>You may cancel your order, or any item in it, within 14 days of the day you receive the goods,
without giving us a reason. If your order comes in more than one parcel, the 14 days start on
the day the last one arrives. You may also cancel before we send your order.</p>
<h2>How to cancel</h2>
<p>Tell us clearly, before the 14 days are up, that you want to cancel: by email or by a letter
to the address below. You may use the model cancellation form at the foot of this page, but
you do not have to. Please give your order number. We will confirm by email that we have your
cancellation.</p>
<h2>Sending the goods back</h2>
<p>Send the goods back to the address below within 14 days of telling us you are cancelling.
You pay the postage for returning them, unless they are faulty or not what you ordered; then
we pay, and we will tell you how. We suggest a tracked service, as the goods remain your
responsibility until they reach us.</p>
<p>You may handle the goods as you could in a shop, to see what they are. If they have been
used beyond that, we may take the loss in their value off your refund.</p>
<h2>Your refund</h2>
<p>We refund what you paid for the goods, and for standard delivery, within 14 days of the day
the goods reach us or you show us proof that you sent them back, whichever comes first. If you
cancel before we send your order, we refund within 14 days of your telling us. If you chose a
dearer delivery method than our cheapest, we refund the cost of the cheapest only.</p>
<p>We pay the refund the way you paid: to your card for card payments, or to the account you
paid from for bank transfers. We charge no fee for refunding.</p>
<h2>Faulty goods</h2>
<p>Your right to cancel is on top of your rights when goods are faulty or not as described; see
our <a href="/terms/">terms</a> and <a href="/contact/">contact us</a>.</p>
""",
    meta_description="How to cancel within 14 days, return goods and get your refund.",
)

#: The shop's pages, in the footer's order.
SHOP_PAGES = (DELIVERY, RETURNS, TERMS, PRIVACY, CONTACT, ABOUT)
