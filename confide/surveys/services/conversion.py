"""Turning a free-text answer into a report: only its author can, with its receipt (TextAccess). The answer
leaves the survey when it becomes a report, so the handlers do not read it twice and it converts once."""

from django.db import transaction
from django.utils.translation import gettext as _

from confide import crypto
from confide.reports.content import content_build
from confide.reports.selectors.reporter import intake_target_get
from confide.reports.services.submit import SubmittedReport, report_submit
from confide.surveys.access import TextAccess
from confide.surveys.content import SurveyRefused
from confide.surveys.models import SurveyText
from confide.surveys.selectors.reporter import text_read


def survey_text_to_report(
    *, access: TextAccess, category: str, language: str = crypto.DEFAULT_RECEIPT_LANGUAGE
) -> SubmittedReport:
    target = intake_target_get(slug=access.text.round.survey.organization.slug)
    if target is None:
        raise SurveyRefused(_("This organization does not take reports at the moment."))
    content = content_build(what_happened=text_read(access=access), category=category)
    with transaction.atomic():
        deleted, _rows = SurveyText.objects.filter(pk=access.text.pk).delete()
        if not deleted:
            raise SurveyRefused(_("This answer has been turned into a report already."))
        return report_submit(target=target, content=content, language=language)
