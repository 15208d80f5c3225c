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
