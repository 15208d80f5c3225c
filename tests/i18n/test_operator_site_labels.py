"""The operator site (Django's admin at /operator/) in the operator's language: every column header, filter and
form label it shows for Confide's own models comes from a translatable verbose_name with Spanish, never from a
field name Django turned into English ("submitted on")."""

import html

import pytest
from django.contrib import admin
from django.contrib.admin.options import InlineModelAdmin, ModelAdmin
from django.db import models
from django.test import Client
from django.utils import translation
from django.utils.functional import Promise

from confide.accounts.services.language import staff_language_set
from tests.helpers.reports import submit_report
from tests.helpers.staff import make_staff, staff_login

# Not labels: the row's own text, and the tick box of the bulk actions.
NOT_LABELS = {"__str__", "action_checkbox"}


def _confide_admins() -> list[ModelAdmin]:
    return [
        model_admin for model, model_admin in admin.site._registry.items() if model.__module__.startswith("confide.")
    ]


def _names(options: ModelAdmin | InlineModelAdmin) -> list[str]:
    names: list[object] = [*getattr(options, "list_display", ()), *options.readonly_fields]
    names += [item[0] if isinstance(item, tuple) else item for item in getattr(options, "list_filter", ())]
    names += [lookup.lstrip("^=@").split("__")[0] for lookup in getattr(options, "search_fields", ())]
    for _title, section in options.fieldsets or ():
        names += section["fields"]
    names += options.fields or ()
    if isinstance(options, InlineModelAdmin) and not options.fields and not options.fieldsets:
        names += [
            field.name
            for field in options.model._meta.get_fields()
            if getattr(field, "editable", False) and not field.auto_created
        ]
    flat: list[str] = []
    for name in names:
        flat += list(name) if isinstance(name, tuple) else [name]  # a fieldset line may hold several fields
    return [name for name in dict.fromkeys(flat) if isinstance(name, str) and name not in NOT_LABELS]


def _label(options: ModelAdmin | InlineModelAdmin, name: str) -> object:
    method = getattr(options, name, None)
    if callable(method):
        return getattr(method, "short_description", None)
    field = options.model._meta.get_field(name)
    if isinstance(field, models.ForeignObjectRel):
        return None  # a reverse relation has no label of its own: the admin would show its name
    return field.verbose_name


def _labels() -> list[tuple[str, object]]:
    labels: list[tuple[str, object]] = []
    for model_admin in _confide_admins():
        for options in [model_admin, *(inline(model_admin.model, admin.site) for inline in model_admin.inlines)]:
            meta = options.model._meta
            labels += [
                (f"{meta.label} (model)", meta.verbose_name),
                (f"{meta.label} (plural)", meta.verbose_name_plural),
            ]
            labels += [(f"{meta.label}.{name}", _label(options, name)) for name in _names(options)]
    return labels


LABELS = _labels()


def _spanish(label: Promise) -> tuple[str, str]:
    with translation.override("en"):
        english = str(label)
    with translation.override("es"):
        return english, str(label)


def test_the_operator_sites_labels_were_read():
    """Guards the test itself: every operator page's model and its shown fields, inlines included."""
    where = {where for where, _label in LABELS}
    assert {
        "reports.Report.submitted_on",
        "reports.Report.status",
        "tenants.Organization.created_at",
        "tenants.Membership.user",
        "hotline.HotlineSettings.organization",
        "accounts.Invitation.used_by",
        "accounts.User.role",
        "accounts.User.has_keys",
        "verification.RosterEntry (model)",
        "verification.AllowedDomain.organization",
    } <= where
    assert len(LABELS) > 60


@pytest.mark.parametrize(("where", "label"), LABELS, ids=[where for where, _label in LABELS])
def test_every_operator_site_label_is_translated(where, label):
    assert isinstance(label, Promise), f"{where}: {label!r} is not a translatable verbose_name or description"
    english, spanish = _spanish(label)
    assert spanish != english, f"{where}: no Spanish for {english!r}"


@pytest.fixture
def spanish_operator(db) -> Client:
    operator = make_staff("otto", role="operator")
    staff_language_set(user=operator, language="es")
    return staff_login(Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.5"), operator)


def _page(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    return html.unescape(response.content.decode())


def test_a_spanish_operator_reads_the_reports_columns_and_filters_in_spanish(org, spanish_operator):
    submit_report(org)
    page = _page(spanish_operator, "/operator/reports/report/")
    for spanish in [
        "Referencia",
        "Organización",
        "Estado",
        "Categoría",
        "Enviada el",
        'data-filter-title="Estado"',
        "Seleccione denuncia",
    ]:
        assert spanish in page, spanish
    for english in ["Reference", "Submitted on", "Status", "Category", "Select report"]:
        assert english not in page, english


def test_a_spanish_operator_reads_an_organizations_form_and_memberships_in_spanish(org, handler, spanish_operator):
    listing = _page(spanish_operator, "/operator/tenants/organization/")
    assert "Fecha de creación" in listing and "Created at" not in listing
    form = _page(spanish_operator, f"/operator/tenants/organization/{org.pk}/change/")
    for spanish in ["Pertenencias", "Miembro del personal", "Puesto", "Dirección de recepción"]:
        assert spanish in form, spanish
    for english in ["Memberships", "Staff member", "User:"]:
        assert english not in form, english
