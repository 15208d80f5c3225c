"""Reads on the organizations' questions: the current version (public: the report form shows it) and who may
edit them."""

import uuid
from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet

from confide.accounts.models import User
from confide.questions.content import FormNotFound, answers_clean, answers_filed
from confide.questions.models import FormVersion
from confide.tenants.models import Membership, Organization


def form_current(*, organization_id: uuid.UUID) -> FormVersion | None:
    """The organization's latest version, or None while it has never had questions."""
    return FormVersion.objects.filter(organization_id=organization_id).order_by("-number").first()


def organizations_editable(*, user: User) -> QuerySet[Organization]:
    """Whose questions this staff member may edit: the operator every organization's; a case handler those
    they handle (the third party's own staff). Nobody else: not the organization's contacts (its leaders, whom
    reporters may be reporting about), not call-takers, counselors or any other role."""
    if not user.is_active:
        return Organization.objects.none()
    if user.role == User.Role.OPERATOR:
        return Organization.objects.all()
    if user.role != User.Role.HANDLER:
        return Organization.objects.none()
    return Organization.objects.filter(
        memberships__user_id=user.pk, memberships__role=Membership.Role.HANDLER
    ).distinct()


def organization_editable_get(*, user: User, slug: str) -> Organization:
    """The organization at `slug` if `user` may edit its questions; FormNotFound otherwise, whether it exists
    or not (G3)."""
    organization = organizations_editable(user=user).filter(slug=slug).first()
    if organization is None:
        raise FormNotFound()
    return organization


def answers_for_report(
    *,
    organization_id: uuid.UUID,
    given: Mapping[str, object],
    prefix: str = "answers.",
    language: str | None = None,
    unknown_refused: bool = True,
    has_questions: bool = True,
) -> dict[str, Any]:
    """What a new report keeps of the organization's questions: the current version, its questions and the
    answers checked against them (answers_clean, which raises AnswerRefused naming the field). Nothing for an
    organization without questions; an answer sent to one is refused like any unknown key. `has_questions`
    False (the intake target knows the organization never had any) skips the lookup."""
    version = form_current(organization_id=organization_id) if has_questions else None
    questions = version.questions if version is not None else []
    values = answers_clean(questions, given, prefix=prefix, language=language, unknown_refused=unknown_refused)
    if version is None or not questions:
        return {}
    return answers_filed(version_id=str(version.id), number=version.number, questions=questions, values=values)
