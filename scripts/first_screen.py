"""Weigh what a phone with JavaScript off downloads to show the first screen of a page.

That is the page's HTML, its stylesheets and the pictures that sit, at least in part, on the
first 390 x 844 screen (at three device pixels a CSS pixel, so the sharpest pictures the
srcset offers). Pictures further down that the browser fetches early all the same are left
out, as are scripts, which a browser with JavaScript off never runs. Bytes are as served,
before any compression on the wire.
"""

from playwright.sync_api import sync_playwright

PHONE = {"width": 390, "height": 844}
#: The pictures shown, at least in part, on the first screen.
ON_FIRST_SCREEN = """() => [...document.images]
    .filter(image => {
        const box = image.getBoundingClientRect();
        return image.currentSrc && box.width > 0 && box.top < innerHeight && box.bottom > 0;
    })
    .map(image => image.currentSrc)"""


def first_screen_bytes(url: str, *, chrome: str, cookie: str = "") -> int:
    """Return the bytes of ``url``'s HTML, stylesheets and first-screen pictures."""
    bodies: dict[str, tuple[str, int]] = {}

    def note(response) -> None:
        kind = response.request.resource_type
        if kind in {"document", "stylesheet", "image"} and response.ok:
            bodies[response.url] = (kind, len(response.body()))

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chrome)
        try:
            context = browser.new_context(
                java_script_enabled=False,
                viewport=PHONE,
                device_scale_factor=3,
                extra_http_headers={"Cookie": cookie} if cookie else {},
            )
            page = context.new_page()
            page.on("response", note)
            page.goto(url, wait_until="load")
            shown = set(page.evaluate(ON_FIRST_SCREEN))
        finally:
            browser.close()
    return sum(
        size for address, (kind, size) in bodies.items() if kind != "image" or address in shown
    )
