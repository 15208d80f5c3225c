"""Records: "for myself, for now", dated to the day and readable only with the vault's receipt."""

import json
import uuid

from confide import crypto
from confide.core.clock import today
from confide.core.throttle import receipt_write_allow
from confide.escrow.access import VaultAccess
from confide.escrow.content import text_clean
from confide.escrow.keys import ad_record
from confide.escrow.models import Record


def _body(access: VaultAccess, *, record_id: uuid.UUID, text: str, became: str) -> bytes:
    raw = json.dumps({"text": text, "became": became}, ensure_ascii=False).encode()
    return crypto.aead_encrypt(access.vault_key, raw, ad=ad_record(record_id))


def record_create(*, access: VaultAccess, text: str) -> Record:
    text = text_clean(text)
    receipt_write_allow(holder_id=access.vault.pk)
    record_id = uuid.uuid4()
    return Record.objects.create(
        id=record_id,
        vault=access.vault,
        created_on=today(),
        body=_body(access, record_id=record_id, text=text, became=""),
    )


def record_mark(*, access: VaultAccess, record: Record, text: str, became: str) -> None:
    Record.objects.filter(pk=record.pk, vault=access.vault).update(
        body=_body(access, record_id=record.pk, text=text, became=became)
    )


def record_delete(*, access: VaultAccess, record_id: uuid.UUID) -> bool:
    deleted, _rows = Record.objects.filter(pk=record_id, vault=access.vault).delete()
    return deleted > 0
