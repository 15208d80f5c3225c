"""Search everything at rest for canary strings (threat model G1)."""

import base64
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.db import connection


def variants(canary: str) -> list[bytes]:
    raw = canary.encode()
    return [raw, raw.lower(), canary.encode("utf-16-le"), base64.b64encode(raw)[:16], raw.hex().encode()]


def _rows_as_bytes() -> bytes:
    """Every value of every table, as the database returns it (covers PostgreSQL, where files are opaque)."""
    chunks: list[bytes] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - introspected names
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, memoryview | bytes | bytearray):
                        chunks.append(bytes(value))
                    elif value is not None:
                        chunks.append(str(value).encode())
    return b"\n".join(chunks)


def _files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def at_rest_sources(extra_text: str = "") -> dict[str, bytes]:
    sources = {"database rows": _rows_as_bytes(), "logs": extra_text.encode()}
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
        name = Path(str(db["NAME"]))
        for path in [name, Path(f"{name}-wal"), Path(f"{name}-journal")]:
            if path.exists():
                sources[f"database file {path.name}"] = path.read_bytes()
    for root in [Path(settings.MEDIA_ROOT), Path(settings.CONFIDE_SECRETS_DIR)]:
        for path in _files_under(root):
            sources[f"file {path}"] = path.read_bytes()
    # CI starts its own PostgreSQL and says where its files are: grep them too, after a checkpoint.
    pg_data = os.environ.get("CONFIDE_PG_DATADIR")
    if pg_data and not db["ENGINE"].endswith("sqlite3"):
        with connection.cursor() as cursor:
            cursor.execute("CHECKPOINT")
        for path in _files_under(Path(pg_data)):
            try:
                sources[f"postgres file {path.name}"] = path.read_bytes()
            except OSError:
                continue
    return sources


def hits(canaries: list[str], sources: dict[str, bytes]) -> list[tuple[str, str]]:
    found = []
    for canary in canaries:
        for variant in variants(canary):
            for where, blob in sources.items():
                if variant in blob:
                    found.append((canary, where))
    return found


def canary(label: str) -> str:
    """A unique string to plant and then search for."""
    return f"CANARY{label}{secrets.token_hex(6).upper()}"
