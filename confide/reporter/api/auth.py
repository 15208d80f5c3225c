"""The reporter's API credentials: the receipt of a report, a vault or a letter, each under its own scheme."""

from django.utils.translation import gettext_lazy as _

from confide.escrow.access import VaultAccess
from confide.escrow.selectors.reporter import vault_access_get
from confide.letters.access import ParticipantAccess
from confide.letters.selectors.reporter import participant_access_get
from confide.reports.access import ReporterAccess
from confide.reports.selectors.reporter import reporter_access_get
from confide.web.api_auth import ApiRequest, ReceiptHeaderAuth

ReporterRequest = ApiRequest[ReporterAccess]
VaultRequest = ApiRequest[VaultAccess]
ParticipantRequest = ApiRequest[ParticipantAccess]

report_receipt = ReceiptHeaderAuth(
    scheme="Receipt", opener=reporter_access_get, rejected=_("This receipt does not match a report.")
)
vault_receipt = ReceiptHeaderAuth(
    scheme="Vault",
    opener=vault_access_get,
    rejected=_("This receipt does not open a vault."),
    missing=_("Send `Authorization: Vault <receipt words>`."),
)
letter_receipt = ReceiptHeaderAuth(
    scheme="Receipt", opener=participant_access_get, rejected=_("This receipt does not match a letter.")
)
