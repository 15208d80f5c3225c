"""Other ways to report are in sight on every reporter page: the organization's hotline, the outside-options
page (its operator's text or the general one), and a quick exit that works without JavaScript."""

import re

import pytest
from django.test import Client

from confide.hotline.models import HotlineSettings
from tests.helpers.reports import submit_report
from tests.helpers.staff import csrf_from, make_staff, staff_login
from tests.helpers.thread import thread_open

pytestmark = pytest.mark.django_db

REPORTER_PAGES = ["/r/acme/", "/r/acme/return/", "/r/acme/vault/", "/r/acme/letters/", "/r/acme/options/"]


def test_every_reporter_page_has_a_quick_exit_first_and_the_options_link(csrf_client, org, handler):
    pages = {url: csrf_client.get(url).content.decode() for url in REPORTER_PAGES}
    pages["thread"] = thread_open(csrf_client, submit_report(org).receipt)
    for name, html in pages.items():
        header = html.split('<header class="site">')[1].split("</header>")[0]
        assert header.lstrip().startswith('<a class="quick-exit" href="/exit/" rel="noreferrer">'), name
        assert 'href="/r/acme/options/"' in html, name
        assert "history" in html, f"{name}: the limits of the quick exit are not explained"
        assert "<script" not in html, name


def test_the_quick_exit_leaves_at_once_and_clears_this_sites_cookies(csrf_client, settings):
    settings.CONFIDE_QUICK_EXIT_URL = "https://weather.example/"
    response = csrf_client.get("/exit/")
    assert response.status_code == 303 and response["Location"] == "https://weather.example/"
    assert response["Clear-Site-Data"] == '"cache", "cookies"'
    assert response["Referrer-Policy"] == "no-referrer"


def test_the_hotline_number_and_hours_show_only_for_their_organization(csrf_client, org, other_org):
    assert "Call the reporting line" not in csrf_client.get("/r/acme/").content.decode()
    HotlineSettings.objects.create(organization=org, phone_number="+1 202 555 0143", open_days="135")
    HotlineSettings.objects.create(organization=other_org, phone_number="+1 202 555 0199")
    html = csrf_client.get("/r/acme/").content.decode()
    assert "+1 202 555 0143" in html and "Mon, Wed, Fri, 09:00 to 17:00 (UTC time)" in html
    assert "+1 202 555 0199" not in html


def test_a_hotline_without_a_number_is_not_shown(csrf_client, org):
    HotlineSettings.objects.create(organization=org, phone_number="")
    assert "Call the reporting line" not in csrf_client.get("/r/acme/").content.decode()


def test_the_general_outside_options_name_the_eeoc_unions_lawyers_and_emergency_help(csrf_client, org):
    html = csrf_client.get("/r/acme/options/").content.decode()
    for words in ["EEOC", "fair employment", "Directive 2019/1937", "union", "lawyer", "911", "988", "RAINN"]:
        assert words in html, words


def test_the_operators_text_replaces_the_general_list_escaped_with_links(csrf_client, org):
    org.outside_options = "Call the Labour Inspectorate.\n\nSee https://inspector.example/report <b>now</b>"
    org.save()
    html = csrf_client.get("/r/acme/options/").content.decode()
    assert "<p>Call the Labour Inspectorate.</p>" in html
    assert '<a href="https://inspector.example/report" rel="nofollow">' in html
    assert "&lt;b&gt;now&lt;/b&gt;" in html and "<b>now</b>" not in html
    assert "EEOC" not in html, "the operator's text replaces the general one"
    assert "911" in html, "emergency help is always shown"


def test_the_operator_edits_the_outside_options_of_an_organization(org):
    client = staff_login(Client(), make_staff("otto", role="operator"))
    url = f"/operator/tenants/organization/{org.pk}/change/"
    page = client.get(url)
    assert 'name="outside_options"' in page.content.decode()
    form = {
        "name": org.name,
        "slug": org.slug,
        "intake_open": "on",
        "acknowledge_days": "7",
        "feedback_months": "3",
        "retention_days": "730",
        "outside_options": "Ask the works council.",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "csrfmiddlewaretoken": csrf_from(page),
    }
    assert client.post(url, form).status_code == 302
    assert "Ask the works council." in Client().get("/r/acme/options/").content.decode()


def test_the_site_root_explains_how_to_find_an_organizations_page_without_listing_any(csrf_client, org, other_org):
    html = csrf_client.get("/").content.decode()
    assert "/r/" in html and "does not list them" in html
    assert 'href="/options/"' in html and 'href="/exit/"' in html
    for name in [org.name, org.slug, other_org.name, other_org.slug]:
        assert not re.search(rf"\b{name}\b", html), name
    general = csrf_client.get("/options/")
    assert general.status_code == 200 and "EEOC" in general.content.decode()
