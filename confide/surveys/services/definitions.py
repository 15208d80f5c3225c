"""The third party's side: surveys of an organization, and the rounds it opens and closes."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from confide.core.clock import today
from confide.surveys.content import SurveyRefused, questions_clean
from confide.surveys.models import Round, Survey
from confide.surveys.services.tally import round_tally
from confide.tenants.models import Organization


def survey_create(
    *, organization: Organization, kind: str, title: str, questions: list[str], free_text_prompt: str = ""
) -> Survey:
    title = " ".join(title.split())
    if not title:
        raise SurveyRefused(_("Give the survey a title."), field="title")
    if kind not in Survey.Kind.values:
        raise SurveyRefused(_("Choose the kind of survey."), field="kind")
    return Survey.objects.create(
        organization=organization,
        kind=kind,
        title=title[:200],
        questions=questions_clean(questions),
        free_text_prompt=" ".join(free_text_prompt.split())[:300],
        created_on=today(),
    )


def round_open(*, survey: Survey) -> Round:
    try:
        with transaction.atomic():
            return Round.objects.create(survey=survey, opened_on=today())
    except IntegrityError:
        raise SurveyRefused(_("This survey has a round open already: close it first.")) from None


def round_close(*, survey_round: Round) -> Round:
    """Closing adds what waits to the tallies (as one batch of at least k) and publishes the round's figures."""
    with transaction.atomic():
        locked = Round.objects.select_for_update().get(pk=survey_round.pk)
        if locked.closed_on is not None:
            raise SurveyRefused(_("This round is closed already."))
        locked.closed_on = today()
        locked.save(update_fields=["closed_on"])
        round_tally(survey_round=locked, closing=True)
    return locked
