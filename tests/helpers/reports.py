"""Reports for tests, filed through report_submit so the rows are encrypted like production."""

from confide.reports.content import content_build
from confide.reports.selectors.reporter import intake_target_get
from confide.reports.services.submit import SubmittedReport, report_submit


def sample_content(**overrides):
    values = {
        "what_happened": "Something happened at the field office.",
        "category": "sexual_harassment",
        "when": "Last spring",
        "where": "Field office",
        "people_involved": "A regional director",
    }
    values.update(overrides)
    return content_build(**values)


def submit_report(org, **content) -> SubmittedReport:
    return report_submit(target=intake_target_get(slug=org.slug), content=sample_content(**content))
