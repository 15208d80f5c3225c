"""Entries stored before the matching job became incremental are looked at once by its first run."""

import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from confide.escrow.models import PendingIndex

pytestmark = pytest.mark.django_db(transaction=True)


def test_existing_entries_become_pending_when_the_job_turns_incremental():
    executor = MigrationExecutor(connection)
    executor.migrate([("escrow", "0001_initial")])
    old = executor.loader.project_state([("escrow", "0001_initial")]).apps
    Entry = old.get_model("escrow", "Entry")
    for account in (b"a" * 32, b"b" * 32):
        Entry.objects.create(
            id=uuid.uuid4(),
            account_ref=account,
            index=b"i" * 32,
            verified=True,
            threshold=2,
            blob=b"",
            ciphertext=b"",
            vault_copy=b"",
        )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert [(bytes(p.index), p.threshold) for p in PendingIndex.objects.all()] == [(b"i" * 32, 2)]
