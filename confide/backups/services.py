"""Backup and restore (issue 14): one file holding a consistent copy of the database, which since attachments
moved into it is everything the service keeps besides its secrets.

What the file holds is what the database holds: ciphertext, peppered hashes, days. It is as safe to keep as a
database copy and no safer — it opens nothing without the secrets folder (the pepper, the recovery key, the
staff's passwords), which is backed up separately and never into this file.

The copy is read in one REPEATABLE READ transaction on PostgreSQL (SQLite reads one snapshot in a transaction),
so a report filed during the backup is wholly in it or wholly out. A restore goes only onto a freshly migrated,
empty database of the same schema, in one transaction: it is complete or it did not happen.
"""

import io
import json
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

from confide.core.clock import today
from confide.core.errors import Conflict, Refused

FORMAT = 1
DATA = "data.jsonl"
MANIFEST = "manifest.json"
# Rebuilt by `migrate` (content types, permissions), recreated by `schedule_jobs` (the job queue and its slots),
# or better lost (staff sessions: everyone signs in again after a restore).
LEFT_OUT = {"contenttypes", "sessions", "django_tasks_db", "jobs", "auth.permission"}


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    rows: int
    models: int


def _models() -> list:
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label not in LEFT_OUT
        and model._meta.label_lower not in LEFT_OUT
        and not model._meta.proxy
        and model._meta.managed
    ]


def _schema() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def backup_write(*, path: Path) -> BackupSummary:
    """Write the backup to `path`, which must not exist yet."""
    if path.exists():
        raise Conflict(_("%(path)s already exists: choose a new file for the backup.") % {"path": path})
    models = _models()
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / DATA
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            counts = {model._meta.label_lower: model._default_manager.count() for model in models}
            call_command(
                "dumpdata",
                *[model._meta.label_lower for model in models],
                format="jsonl",
                output=str(data),
                use_natural_foreign_keys=True,
                verbosity=0,
            )
        manifest = {"format": FORMAT, "made_on": today().isoformat(), "schema": _schema(), "rows": counts}
        with tarfile.open(path, "x:gz") as archive:
            _add(archive, MANIFEST, json.dumps(manifest, indent=1).encode())
            archive.add(data, arcname=DATA)
    path.chmod(0o600)
    return BackupSummary(path=path, rows=sum(counts.values()), models=len(counts))


def _add(archive: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mode = 0o600
    archive.addfile(info, io.BytesIO(content))


def backup_restore(*, path: Path) -> BackupSummary:
    """Load a backup into this database, which must be migrated to the same schema and hold no data."""
    if not path.is_file():
        raise Refused(_("There is no backup at %(path)s.") % {"path": path})
    try:
        with tarfile.open(path, "r:gz") as archive, tempfile.TemporaryDirectory() as scratch:
            manifest = json.loads(_read(archive, MANIFEST))
            _check(manifest)
            data = Path(scratch) / DATA
            data.write_bytes(_read(archive, DATA))
            with transaction.atomic():
                call_command("loaddata", str(data), verbosity=0)
    except (tarfile.TarError, KeyError, ValueError, EOFError, OSError, DeserializationError) as error:
        why = type(error).__name__
        raise Refused(_("%(path)s is not a Confide backup (%(why)s).") % {"path": path, "why": why}) from None
    rows = manifest["rows"]
    return BackupSummary(path=path, rows=sum(rows.values()), models=len(rows))


def _read(archive: tarfile.TarFile, name: str) -> bytes:
    member = archive.extractfile(name)  # KeyError for a missing member
    if member is None:
        raise ValueError(name)
    return member.read()


def _check(manifest: dict) -> None:
    if manifest.get("format") != FORMAT:
        raise Refused(_("This backup was written in another format (%(format)s).") % {"format": manifest.get("format")})
    if manifest["schema"] != _schema():
        raise Conflict(
            _(
                "This backup was made with another version of Confide (its migrations differ from this "
                "database's). Install the version that made it, migrate an empty database, and restore there."
            )
        )
    occupied = [model._meta.label for model in _models() if model._default_manager.exists()]
    if occupied:
        raise Conflict(
            _(
                "The database is not empty (%(tables)s hold rows): restore only onto a freshly migrated, empty "
                "database, so that nothing in it is overwritten or mixed with the backup."
            )
            % {"tables": ", ".join(occupied[:3]) + ("…" if len(occupied) > 3 else "")}
        )
