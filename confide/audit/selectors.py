from dataclasses import dataclass

from confide import crypto
from confide.audit.models import AuditEntry, AuditHead
from confide.audit.services import GENESIS, entry_digest


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_broken_seq: int | None = None
    reason: str = ""


def audit_chain_verify(*, batch: int = 5000) -> ChainReport:
    """Walk the chain from the start; name the first row whose link or hash does not hold."""
    prev, expected_seq, checked = GENESIS, 1, 0
    last_seq = 0
    while True:
        rows = list(AuditEntry.objects.filter(seq__gte=expected_seq).order_by("seq")[:batch])
        if not rows:
            break
        for row in rows:
            if row.seq != expected_seq:
                return ChainReport(False, checked, expected_seq, "row missing")
            if not crypto.constant_time_equal(bytes(row.prev), prev):
                return ChainReport(False, checked, row.seq, "link to the previous row broken")
            digest = entry_digest(
                prev=prev,
                seq=row.seq,
                at=row.at,
                actor_id=row.actor_id,
                action=row.action,
                object_type=row.object_type,
                object_id=row.object_id,
                subject_id=row.subject_id,
            )
            if not crypto.constant_time_equal(bytes(row.hash), digest):
                return ChainReport(False, checked, row.seq, "row altered")
            prev, expected_seq, checked, last_seq = digest, row.seq + 1, checked + 1, row.seq
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None and (head.seq != last_seq or not crypto.constant_time_equal(bytes(head.hash), prev)):
        return ChainReport(False, checked, last_seq + 1, "rows removed from the end")
    return ChainReport(True, checked)
