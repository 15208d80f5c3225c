"""Matching escrow on PostgreSQL with 10^3, 10^5 and 10^6 stored entries.

Times, in-process (the same services as production):
- the match check: distinct accounts at one index (half the lookups hit a stored index, half miss);
- the VOPRF (RFC 9497 mode 0x01) alone: the key holder's evaluation with its DLEQ proof, and the web tier's
  blind + proof check + finalize;
- entry sealing: escrow_entry_create end to end (VOPRF blind/evaluate+proof/verify+finalize in-process, shares,
  AEAD, sealed box, insert of the entry and its pending index);
- the matching job: once over the indices the sealing run left pending, once as a full recount (--all).
Filler rows are random bytes where indices and ciphertexts would be (generate_series, so seeding stays fast).
Target (issue 4): flat, <= 2 ms p99 per check. Usage: python bench/escrow.py [--sizes 1000,100000,1000000]
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, os.path.dirname(__file__))

from common import percentile, postgres  # noqa: E402

PASSWORD = "bench counselor password"  # noqa: S105 - a throwaway account in a throwaway database
FILL_SQL = """
INSERT INTO escrow_entry (id, account_ref, "index", verified, threshold, blob, ciphertext, vault_copy)
SELECT md5(random()::text || i)::uuid,
       decode(md5(random()::text) || md5(random()::text), 'hex'),
       decode(md5(random()::text) || md5(random()::text), 'hex'),
       true, 2,
       decode(repeat(md5(random()::text), 10), 'hex'),
       decode(repeat(md5(random()::text), 16), 'hex'),
       decode(repeat(md5(random()::text), 12), 'hex')
FROM generate_series(1, %s) AS i
"""


def fill(count: int) -> None:
    from django.db import connection

    batch = 200_000
    with connection.cursor() as cursor:
        for start in range(0, count, batch):
            cursor.execute(FILL_SQL, [min(batch, count - start)])
        # Steady state: autovacuum would have set the visibility map by now, so checks stay index-only.
        cursor.execute("VACUUM ANALYZE escrow_entry")


def stored_count() -> int:
    from confide.escrow.models import Entry

    return Entry.objects.count()


def time_checks(repeat: int, rng: random.Random) -> tuple[list[float], list[float]]:
    """The same probes twice: first with whatever the seeding left in cache, then warm."""
    from django.db import connection

    from confide.escrow.selectors.common import index_account_count

    with connection.cursor() as cursor:
        cursor.execute('SELECT "index" FROM escrow_entry TABLESAMPLE SYSTEM (1) LIMIT %s', [repeat])
        present = [bytes(row[0]) for row in cursor.fetchall()]
    probes = [present[i % len(present)] if i % 2 == 0 and present else rng.randbytes(32) for i in range(repeat)]
    for index in [rng.randbytes(32) for _ in range(20)]:
        index_account_count(index=index)
    passes = []
    for _ in range(2):
        samples = []
        for index in probes:
            started = time.perf_counter()
            index_account_count(index=index)
            samples.append(time.perf_counter() - started)
        passes.append(samples)
    return passes[0], passes[1]


def time_sealing(organization, repeat: int, rng: random.Random) -> list[float]:
    from confide.escrow.selectors.reporter import vault_access_get
    from confide.escrow.services.entries import escrow_entry_create
    from confide.escrow.services.vaults import vault_create

    samples = []
    access = None
    for n in range(repeat):
        if n % 20 == 0:  # a reporter names a handful of people, not hundreds: a fresh vault now and then
            created = vault_create(organization=organization)
            access = vault_access_get(receipt=created.receipt, organization=organization)
        identifier = f"email:p{rng.getrandbits(64):x}@campaign.example"
        started = time.perf_counter()
        escrow_entry_create(access=access, identifiers=[identifier], text="What happened, in a few sentences. " * 8)
        samples.append(time.perf_counter() - started)
    return samples


def time_oprf(repeat: int) -> tuple[list[float], list[float]]:
    from confide import crypto

    key = crypto.oprf_key_generate()
    public_key = crypto.oprf_public_key(key)
    holder, client = [], []
    for n in range(repeat):
        message = f"email:p{n}@campaign.example".encode()
        started = time.perf_counter()
        blind, blinded = crypto.oprf_blind(message)
        client_started = time.perf_counter()
        evaluated, proof = crypto.oprf_blind_evaluate(key, blinded)
        holder_done = time.perf_counter()
        crypto.oprf_finalize(message, blind, evaluated, blinded, public_key, proof)
        done = time.perf_counter()
        holder.append(holder_done - client_started)
        client.append((client_started - started) + (done - holder_done))
    return holder, client


def time_job() -> tuple[int, float, float]:
    """The matching job over what the sealing run left pending, then a full recount of the table (--all)."""
    from confide.escrow.models import PendingIndex
    from confide.escrow.services.matching import matches_detect, matches_detect_all

    pending = PendingIndex.objects.count()
    started = time.perf_counter()
    matches_detect()
    incremental = time.perf_counter() - started
    started = time.perf_counter()
    matches_detect_all()
    return pending, incremental, time.perf_counter() - started


def report(name: str, samples: list[float], target: str) -> None:
    print(
        f"    {name:14s} p50 {statistics.median(samples) * 1000:6.3f} ms   "
        f"p99 {percentile(samples, 99) * 1000:6.3f} ms   ({len(samples)} samples{target})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,100000,1000000")
    parser.add_argument("--checks", type=int, default=2000)
    parser.add_argument("--seals", type=int, default=300)
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))

    with postgres() as database_url:
        var = tempfile.mkdtemp(prefix="confide-bench-escrow-")
        os.environ.update(
            DATABASE_URL=database_url,
            CONFIDE_VAR_DIR=var,
            DJANGO_SETTINGS_MODULE="confide.settings.local",
            CONFIDE_OPRF_EVALUATIONS_PER_DAY="100000000",
            CONFIDE_OPRF_UNVERIFIED_PER_ORGANIZATION="100000000",
            CONFIDE_OPRF_UNVERIFIED_PER_DEPLOYMENT="100000000",
            CONFIDE_OPRF_CEILING_PER_DAY="100000000",
        )
        from confide.core.keyfiles import secrets_init

        secrets_init(Path(var) / "secrets")
        import django

        django.setup()
        from django.core.management import call_command

        from confide.accounts.services.staff import staff_create
        from confide.escrow.services.team import counselor_enrol
        from confide.tenants.models import Organization

        call_command("migrate", verbosity=0)
        organization = Organization.objects.create(slug="bench", name="Bench Campaign")
        counselor = staff_create(username="bench-counselor", password=PASSWORD, role="counselor", validate=False)
        counselor_enrol(user=counselor)
        rng = random.Random(4)

        print("escrow benchmark: PostgreSQL, in-process key holder")
        holder, client = time_oprf(args.seals)
        report("VOPRF holder", holder, ", evaluate + DLEQ proof")
        report("VOPRF client", client, ", blind + verify proof + finalize")
        for size in sizes:
            started = time.perf_counter()
            fill(size - stored_count())
            print(f"  {size:>9,} stored entries (seeded in {time.perf_counter() - started:.0f} s)")
            cold, warm = time_checks(args.checks, rng)
            report("check, cold", cold, ", target p99 <= 2 ms")
            report("check, warm", warm, ", target p99 <= 2 ms")
            report("entry sealing", time_sealing(organization, args.seals, rng), "")
            pending, incremental, full = time_job()
            print(f"    matching job   {incremental * 1000:8.1f} ms for {pending} pending indices (incremental)")
            print(f"    matching job   {full * 1000:8.1f} ms full recount of the table (escrow_match --all)")


if __name__ == "__main__":
    main()
