"""Writes on the organizations' questions: every change saves a new version; none is ever changed."""

from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from confide.accounts.models import User
from confide.audit.services import Action, audit_record
from confide.core.clock import today
from confide.questions.content import FormChanged, form_clean
from confide.questions.models import FormVersion
from confide.questions.selectors.forms import form_current
from confide.tenants.models import Organization

Questions = list[dict[str, Any]]


def form_version_create(
    *, organization: Organization, user: User, questions: object, base: int | None = None
) -> FormVersion:
    """Save `questions` (validated whole by form_clean) as the organization's next version. `base` is the
    version number the editor started from: when someone else saved since, FormChanged, and nothing is saved,
    so that no edit quietly undoes another. Raises FormRefused for a malformed description."""
    cleaned = form_clean(questions)
    current = form_current(organization_id=organization.pk)
    number = current.number if current else 0
    if base is not None and base != number:
        raise FormChanged(_("Someone changed these questions since you opened the page. Look again and redo it."))
    if current is not None and current.questions == cleaned:
        return current  # nothing changed: no new version
    try:
        with transaction.atomic():
            version = FormVersion.objects.create(
                organization=organization,
                number=number + 1,
                questions=cleaned,
                created_on=today(),
                created_by=user,
            )
            audit_record(actor=user, action=Action.QUESTIONS_CHANGED, obj=organization)
    except IntegrityError:  # two saves at once from the same version: the second loses, saying so
        raise FormChanged(
            _("Someone changed these questions since you opened the page. Look again and redo it.")
        ) from None
    return version


def form_edit(
    *, organization: Organization, user: User, base: int | None, change: Callable[[Questions], Questions]
) -> FormVersion:
    """Apply `change` to the current questions and save the result as the next version."""
    current = form_current(organization_id=organization.pk)
    questions = [dict(q) for q in (current.questions if current else [])]
    return form_version_create(organization=organization, user=user, questions=change(questions), base=base)
