"""The reporter door's openers: where a new report goes, and a receipt's report. Access control for a
reporter lives here and only here; the staff openers are in staff.py, which the reporter door never imports."""

import functools
import uuid

from django.db import connection
from django.db.models import Exists, OuterRef

from confide import crypto
from confide.accounts.models import User
from confide.core import keyfiles
from confide.core.receipts import receipt_normalise_or_decoy
from confide.questions.models import FormVersion
from confide.reports import keys
from confide.reports.access import IntakeTarget, ReporterAccess
from confide.reports.models import Report
from confide.tenants.models import Membership, Organization

_SLUG_PARAM = "\x00slug\x00"


@functools.cache
def _intake_target_sql(vendor: str) -> tuple[str, tuple]:
    """The intake query, compiled by the ORM once per process and database: intake is the hot path, and
    compiling it on every submission cost more CPU than running it."""
    # Whether the organization ever had questions rides along: most have none, and asking it apart was one more
    # round trip on every submission.
    has_questions = Exists(FormVersion.objects.filter(organization_id=OuterRef("organization_id")))
    query = (
        Membership.objects.annotate(has_questions=has_questions)
        .filter(
            organization__slug=_SLUG_PARAM,
            organization__intake_open=True,
            role=Membership.Role.HANDLER,
            # The user's role too: membership_add makes any role without a membership role of its own (operator,
            # counselor) a handler member, and neither may receive a report key (as accounts.selectors's
            # key_holders_eligible, which this query is, by slug, with the columns intake needs).
            user__role=User.Role.HANDLER,
            user__is_active=True,
            user__public_key__isnull=False,
        )
        .values_list(
            "organization_id",
            "organization__name",
            "organization__acknowledge_days",
            "user_id",
            "user__username",
            "user__first_name",
            "user__last_name",
            "user__public_key",
            "has_questions",
        )
    )
    return query.query.sql_with_params()


def intake_target_get(*, slug: str) -> IntakeTarget | None:
    """The organization at an intake address and every handler a new report key is sealed to: active,
    holding a key pair, a handler of that organization."""
    sql, params = _intake_target_sql(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, tuple(slug if p == _SLUG_PARAM else p for p in params))
        rows = cursor.fetchall()
    if rows:
        handler_keys = [(row[3], bytes(row[7])) for row in rows]
        names = {row[3]: (row[4], row[5], row[6]) for row in rows}
        organization_id, name, acknowledge_days = rows[0][:3]
        return IntakeTarget(
            organization_id=uuid.UUID(str(organization_id)),
            slug=slug,
            name=name,
            handler_keys=handler_keys,
            acknowledge_days=acknowledge_days,
            handler_names=names,
            has_questions=bool(rows[0][8]),
        )
    # No eligible handler yet: the report is still taken (the recovery key holds it until one is granted).
    organization = Organization.objects.filter(slug=slug, intake_open=True).first()
    if organization is None:
        return None
    return IntakeTarget(
        organization_id=organization.pk,
        slug=slug,
        name=organization.name,
        handler_keys=[],
        acknowledge_days=organization.acknowledge_days,
    )


def reporter_access_get(*, receipt: str, organization: Organization | None = None) -> ReporterAccess | None:
    """The report a receipt opens (in `organization`, when given), or None: malformed, wrong and foreign
    receipts alike, a malformed one looked up as a decoy so that it costs what a wrong one costs."""
    given = receipt_normalise_or_decoy(receipt)
    lookup = crypto.receipt_lookup(given.normalised, pepper=keyfiles.pepper())
    report = Report.objects.select_related("organization").filter(receipt_lookup=lookup).first()
    if not given.valid or report is None:
        return None
    if organization is not None and report.organization_id != organization.pk:
        return None
    try:
        report_key = keys.report_key_for_receipt(
            report_id=report.id, receipt_wrap=bytes(report.receipt_wrap), normalised_receipt=given.normalised
        )
    except crypto.DecryptionError:
        return None
    return ReporterAccess(report=report, report_key=report_key)
