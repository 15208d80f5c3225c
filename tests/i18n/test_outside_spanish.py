"""The new reporter frame and the outside-options page read in Spanish once Spanish is chosen."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_outside_options_page_reads_in_spanish(spanish_client):
    html = spanish_client.get("/r/acme/options/").content.decode()
    assert 'lang="es"' in html
    assert "Otras formas de denunciar" in html and "Salida rápida" in html
    assert "Si está en peligro ahora" in html and "abogado" in html
    assert "Other ways to report" not in html and "If you are in danger now" not in html


def test_the_site_root_reads_in_spanish(spanish_client):
    html = spanish_client.get("/").content.decode()
    assert "Cómo encontrar la página de denuncias de su organización" in html
    assert "Finding your organization" not in html


def test_an_organizations_own_text_shows_in_spanish_when_the_operator_wrote_one(org, spanish_client, client):
    org.outside_options = "Call the party's ethics line at 555-0100."
    org.save()
    # No Spanish text yet: the English one shows, marked as English for screen readers.
    html = spanish_client.get("/r/acme/options/").content.decode()
    assert '<div class="outside-options" lang="en">' in html and "ethics line" in html
    org.outside_options_es = "Llame a la línea ética del partido al 555-0100."
    org.save()
    html = spanish_client.get("/r/acme/options/").content.decode()
    assert "línea ética" in html and "ethics line" not in html
    assert '<div class="outside-options">' in html  # in the page's own language now
    english = client.get("/r/acme/options/").content.decode()
    assert "ethics line" in english and "línea ética" not in english
    assert '<div class="outside-options">' in english
