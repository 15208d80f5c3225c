"""One way to hand an unlocked report's attachment to its reader, for the pages and the API alike."""

import uuid

from django.http import Http404, StreamingHttpResponse

from confide.http import attachment_response
from confide.reports.access import CaseAccess, ReporterAccess
from confide.reports.attachments import attachment_open
from confide.reports.selectors import ReportNotFound, attachment_get_for


def attachment_download(*, access: ReporterAccess | CaseAccess, attachment_id: uuid.UUID) -> StreamingHttpResponse:
    try:
        attachment = attachment_get_for(access=access, attachment_id=attachment_id)
    except ReportNotFound:
        raise Http404 from None
    meta, chunks = attachment_open(attachment=attachment, report_key=access.report_key)
    return attachment_response(meta, chunks)
