import os
import shutil
from pathlib import Path

import pytest

from tests.helpers.axe import Audit

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# `npm ci` at the repository root puts it there (package.json pins the version; `make install` runs it).
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
# Playwright's sync API runs an event loop in this thread; Django's ORM calls in the test then look "async".
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _missing(what: str, how: str) -> None:
    """Skip where it is not installed (a laptop offline), fail in CI, which installs it."""
    if os.environ.get("CONFIDE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{what} is required ({how}) but missing")
    pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="session")
def chromium_path():
    if not os.path.exists(CHROMIUM):
        _missing("Debian's chromium", "apt-get install chromium")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


def no_js_context(browser, **options):
    """A context as a Tor Browser user at the safest setting has it: no JavaScript at all, a phone's screen."""
    context = browser.new_context(java_script_enabled=False, viewport=PHONE, **options)
    context.set_default_timeout(10_000)
    return context


@pytest.fixture
def no_js_page(browser):
    """A page as a Tor Browser user at the safest setting sees it: no JavaScript at all."""
    context = no_js_context(browser)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_JS.exists():
        _missing("axe-core", "make install, or npm ci at the repository root")
    return AXE_JS.read_text()


@pytest.fixture(scope="session")
def axe_copy(browser, axe_source):
    """The one script-running page each audited copy is loaded into (see tests/helpers/axe.py)."""
    context = browser.new_context(viewport=PHONE)
    context.set_default_timeout(10_000)
    context.add_init_script(script=axe_source)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def audit(axe_copy):
    """Audits, at the phone's and a desktop's width, what JavaScript-off pages show; see tests/helpers/axe.py."""
    return Audit(copy=axe_copy, viewports=[PHONE, DESKTOP])
