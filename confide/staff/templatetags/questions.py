from django import template
from django.utils import translation

from confide.web.questions import answers_rows

register = template.Library()


@register.filter
def answered(answers: dict) -> list[dict[str, object]]:
    """A report's own questions as they were when it was filed, with the answers, in the page's language."""
    return answers_rows(answers, translation.get_language())
