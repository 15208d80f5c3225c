"""The script and the console in English and Spanish; the language spoken is recorded inside the report."""

from confide import crypto
from confide.reports import keys
from confide.reports.content import ReportContent
from confide.reports.models import KeyWrap, Report
from tests.helpers.hotline import file_call, hidden_fields, post, read_back


def test_the_spanish_script_renders_in_spanish(org, call_taker, login):
    page = login(call_taker).get("/staff/hotline/acme/?lang=es").content.decode()
    assert "¿Es un momento seguro para hablar?" in page
    assert "Esta llamada no se graba." in page
    assert "Gracias por llamar. Esta línea la gestiona un tercero independiente, no Acme for America." in page
    assert 'lang="es"' in page
    assert "Is this a safe time to talk?" not in page


def test_the_english_script_is_the_default(org, call_taker, login):
    page = login(call_taker).get("/staff/hotline/acme/").content.decode()
    assert "Is this a safe time to talk?" in page
    assert "¿Es un momento seguro para hablar?" not in page


def test_the_console_follows_the_language_chosen(org, call_taker, login):
    page = login(call_taker).get("/staff/hotline/?lang=es").content.decode()
    assert "Consola de la línea" in page and "Denuncia nueva" in page


def test_the_language_stays_spanish_through_the_call_and_is_recorded(org, handler, call_taker, login, unlock):
    client = login(call_taker)
    page = read_back(client, lang="es")
    assert "Lectura y consentimiento" in page.content.decode()
    assert hidden_fields(page)["lang"] == "es"
    filed = file_call(client, lang="es")
    assert "Lea el recibo, palabra por palabra" in filed.content.decode()
    report = Report.objects.get()
    key = crypto.unseal(unlock(handler).secret_key, bytes(KeyWrap.objects.get(report=report, user=handler).sealed_key))
    content = ReportContent.from_bytes(crypto.aead_decrypt(key, bytes(report.content), ad=keys.ad_report(report.id)))
    assert content.language == "es"
    case = login(handler).get(f"/staff/cases/{report.pk}/").content.decode()
    assert "Phone, in Spanish" in case


def test_the_language_cannot_be_switched_between_read_back_and_filing(org, handler, call_taker, login):
    client = login(call_taker)
    page = read_back(client, lang="es")

    response = post(client, "/staff/hotline/acme/file/", page, {**hidden_fields(page), "lang": "en", "consent": "yes"})
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_an_unknown_language_falls_back_to_english(org, call_taker, login):
    page = login(call_taker).get("/staff/hotline/acme/?lang=xx").content.decode()
    assert "Is this a safe time to talk?" in page
