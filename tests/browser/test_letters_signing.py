"""Signing a collective letter in a real browser with JavaScript off: verify by email code, sign, save the
receipt, come back with it, see the count (never another signer's name) and one's own signature, withdraw."""

import pytest

from confide.letters.models import Signature
from confide.verification.services import roster_upload
from tests.helpers.letters import sign
from tests.helpers.receipts import browser_type_back
from tests.helpers.verification import code_sent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_colleague_signs_and_withdraws_without_javascript(live_server, no_js_page, org, circulating, tmp_path):
    roster_upload(organization=org, emails=["dana@acme.org"])
    page = no_js_page
    page.goto(f"{live_server.url}/r/acme/letters/i/{circulating.token}/")
    assert "0 of 2 needed" in page.content()
    page.fill("input[name=email]", "dana@acme.org")
    page.click("form[action$='/verify/'] button[type=submit]")

    code = code_sent()
    page.fill("input[name=code]", code)
    page.fill("input[name=name]", "Dana Doe")
    page.fill("input[name=role]", "Field organizer")
    page.fill("input[name=cohort]", "2016 campaign, field")
    page.check("input[name=visibility][value=verified]")
    page.screenshot(path=str(tmp_path / "sign.png"), full_page=True)
    page.click("form[action$='/sign/'] button[type=submit]")

    receipt = page.inner_text(".receipt").strip()
    assert len(receipt.split()) == 8
    assert Signature.objects.filter(letter=circulating.letter).count() == 1
    browser_type_back(page)
    assert page.url.endswith("/letters/saved/")

    page.goto(f"{live_server.url}/r/acme/letters/")
    page.fill("input[name=receipt]", receipt)
    page.click("form[action$='/return/'] button[type=submit]")
    content = page.content()
    assert "1 of 2 needed" in content
    assert "Dana Doe" in page.inner_text("#own-signature") and "2016 campaign, field" in content
    sign(circulating.token, org, "eve@acme.org", name="Eve Elsewhere")
    page.reload()
    assert "2 of 2 needed" in page.content() and "Eve Elsewhere" not in page.content()
    page.goto(f"{live_server.url}/r/acme/letters/i/{circulating.token}/")
    assert "Dana Doe" not in page.content() and "Eve Elsewhere" not in page.content()
    page.goto(f"{live_server.url}/r/acme/letters/mine/")
    page.click("form[action$='/withdraw/'] button[type=submit]")
    assert "withdrawn" in page.content()
    assert Signature.objects.filter(letter=circulating.letter).count() == 1
