"""Playwright steps that leave a page."""


def follow(page, locator) -> None:
    """Click what leaves the page and return once the next document has loaded.

    A bare click returns as soon as the event is dispatched; reading the page then can catch the blank
    document between two loads (no title, no lang), which a slow machine does now and then."""
    with page.expect_navigation(wait_until="load"):
        locator.click()
