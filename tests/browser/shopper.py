"""A person's hands on the browser: open pages, follow links, fill and send forms.

``Shopper`` counts the pages the browser loads and checks every form just before it is sent:
with JavaScript off a form must work on its own (a real ``<form>``, no script handlers, nothing
the browser would hold back), and the same holds with JavaScript on, where scripts only enhance.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

GUEST_EMAIL = "guest@example.com"


def starting_with(text):
    """Return a pattern for an accessible name that starts with the words ``text``."""
    return re.compile(rf"^{re.escape(text)}\b")


#: The delivery address a guest types in, box by box.
GUEST_ADDRESS = [
    ("First name", "Ada"),
    ("Last name", "Lovelace"),
    ("First line of address", "1 Bath Street"),
    ("City", "Bristol"),
    ("Post/Zip-code", "BS1 1AA"),
]


def fill_guest_address(page) -> None:
    """Type the guest's delivery address into the address form ``page`` shows."""
    for label, value in GUEST_ADDRESS:
        page.get_by_label(label, exact=True).fill(value)


def choose_size(page, size: str) -> None:
    """Choose ``size``, as its button reads ("2 kg £11.50"), on the product page on show."""
    page.get_by_role("group", name="Size").get_by_role("radio", name=size, exact=True).check()


@dataclass(frozen=True)
class SentForm:
    """A form the shopper sent, as the browser had it just before the click."""

    page: str
    button: str
    in_a_form: bool
    method: str
    action: str | None
    script_handlers: tuple[str, ...]
    invalid_fields: tuple[str, ...]

    def problems(self):
        """Return why this form could not be sent without JavaScript (empty when it can)."""
        if not self.in_a_form:
            return [f"the {self.button!r} button is not inside a form"]
        found = [f"it has {handler}" for handler in self.script_handlers]
        if self.method != "post" and not self.action:
            found.append("it is neither a POST nor sent to a URL of its own")
        found += [f"the browser holds it back: {name!r} is invalid" for name in self.invalid_fields]
        return found


class Shopper:
    """Chromium in a person's hands, counting the pages it loads and noting every form sent."""

    def __init__(self, page, javascript=False):
        self.page = page
        self.javascript = javascript
        self.pages_loaded = []
        self.forms_sent = []
        page.on("load", lambda loaded: self.pages_loaded.append(loaded.url))

    def open(self, path):
        """Type ``path`` into the address bar."""
        return self.page.goto(path)

    def follow(self, link_name, then, within=None):
        """Click the link ``link_name`` and wait for the page at ``then``."""
        link = (within or self.page).get_by_role("link", name=link_name, exact=True)
        with self.page.expect_navigation(url=then):
            link.click()

    def open_basket(self):
        """Follow the header's basket link, which reads "Basket", the count and the total."""
        basket = self.page.locator("#mini-basket")
        self.follow(starting_with("Basket"), then="**/basket/", within=basket)

    def press(self, button_name, then, within=None):
        """Click the submit button ``button_name`` and wait for the page at ``then``.

        Return the response of the page landed on. The form is checked first, so a form that
        would need JavaScript fails the test with its reasons instead of a timeout.
        """
        button = self.button(button_name, within)
        with self.page.expect_navigation(url=then) as navigation:
            button.click()
        return navigation.value

    def button(self, button_name, within=None):
        """Return the submit button ``button_name``, its form checked and noted as sent."""
        button = (within or self.page).get_by_role("button", name=button_name, exact=True)
        sent = self.describe(button_name, button)
        self.forms_sent.append(sent)
        assert not sent.problems(), f"{sent.page}: {sent.problems()}"
        return button

    def describe(self, button_name, button):
        """Return the form ``button`` belongs to, as the browser has it now."""
        page = urlsplit(self.page.url).path
        form = button.locator("xpath=ancestor::form")
        if form.count() != 1:
            return SentForm(page, button_name, False, "", None, (), ())
        handlers = tuple(
            f"{tag} {attribute}"
            for tag, element in (("form", form), ("button", button))
            for attribute in ("onsubmit", "onclick")
            if element.get_attribute(attribute) is not None
        )
        invalid = form.locator("input:invalid, select:invalid, textarea:invalid")
        return SentForm(
            page=page,
            button=button_name,
            in_a_form=True,
            method=(form.get_attribute("method") or "get").lower(),
            action=form.get_attribute("action"),
            script_handlers=handlers,
            invalid_fields=tuple(field.get_attribute("name") for field in invalid.all()),
        )

    def text(self):
        """Return the text of the page as a person reads it."""
        return self.page.locator("body").inner_text()

    def path(self):
        """Return the path of the page the browser shows."""
        return urlsplit(self.page.url).path

    def paths_loaded(self, prefix="/"):
        """Return the paths of the pages loaded under ``prefix``, in order."""
        paths = [urlsplit(url).path for url in self.pages_loaded]
        return [path for path in paths if path.startswith(prefix)]
