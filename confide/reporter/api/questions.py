"""The organization's own questions, for an API client building its report form."""

from typing import Literal

from django.http import HttpRequest
from django.utils.translation import get_language
from ninja import Query, Router, Schema
from pydantic import Field

from confide.questions.selectors.forms import form_current
from confide.tenants.selectors import organization_for_intake_get
from confide.web.schemas import Problem
from confide.web.schemas_questions import FormOut, form_out

router = Router(tags=["reporter"])


class FormQuery(Schema):
    lang: Literal["en", "es"] | None = Field(None, description="The texts' language; else the request's.")


@router.get(
    "/orgs/{org_slug}/form",
    operation_id="org_form_get",
    response={200: FormOut, 404: Problem},
    summary="The organization's own questions for the report form, in the language asked for",
)
def get_form(request: HttpRequest, org_slug: str, query: Query[FormQuery]):
    organization = organization_for_intake_get(slug=org_slug)
    language = query.lang or (get_language() or "en").split("-")[0]
    if language not in ("en", "es"):
        language = "en"
    return form_out(slug=organization.slug, version=form_current(organization_id=organization.pk), language=language)
