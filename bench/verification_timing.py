"""Does the one-time-code form's response time tell whether an address is on the roster? (issue 10 item 11)

POST /api/vault/verification, the request a reporter's browser or app makes, through the whole Django stack
in-process (middleware, receipt auth, the service) on PostgreSQL, for two classes of address in a shuffled,
interleaved order: addresses on the organization's roster and addresses that are not. Mail goes through
Django's SMTP backend, as in production, to a local SMTP sink on 127.0.0.1 (bench/smtp_sink.py) that replies at
once: a relay on the same host is the most favourable case for an outsider's stopwatch short of none, so the
difference measured here is a lower bound (--smtp-delay makes the relay slower). A network hop would add the same
time to both classes. After the timed requests, the background worker (`db_worker --batch`) runs whatever the
requests queued, and the sink's count shows that the codes still go out, to roster addresses only.

Usage: python bench/verification_timing.py [--samples 400] [--roster 1000] [--smtp-delay 0]
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, os.path.dirname(__file__))

from common import percentile, postgres  # noqa: E402
from smtp_sink import SmtpSink  # noqa: E402

WARMUP = 30


def configure(sink_port: int) -> None:
    from django.conf import settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = sink_port
    settings.EMAIL_TIMEOUT = 10
    # The benchmark asks for far more codes than the flood limits and the pending cap allow, by design.
    settings.CONFIDE_WRITE_LIMITS = {scope: (1e9, 1e9) for scope in settings.CONFIDE_WRITE_LIMITS}
    settings.CONFIDE_WRITE_LIMITS_DEPLOYMENT = (1e9, 1e9)
    settings.CONFIDE_RECEIPT_WRITE_LIMIT = (1e9, 1e9)
    settings.CONFIDE_VERIFICATION_MAX_PENDING = 10**9


def summary(name: str, samples: list[float]) -> None:
    print(
        f"  {name:11s} p50 {statistics.median(samples) * 1000:7.3f} ms   p99 {percentile(samples, 99) * 1000:7.3f} ms"
        f"   mean {statistics.fmean(samples) * 1000:7.3f} ms   ({len(samples)} requests)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=400, help="timed requests per class")
    parser.add_argument("--roster", type=int, default=1000, help="addresses on the roster")
    parser.add_argument("--smtp-delay", type=float, default=0.0, help="ms the sink waits before each reply")
    args = parser.parse_args()

    with postgres() as database_url, SmtpSink(delay=args.smtp_delay / 1000) as sink:
        var = tempfile.mkdtemp(prefix="confide-bench-verification-")
        (Path(var) / "staticfiles").mkdir()  # the API needs no static files; whitenoise only wants the folder
        os.environ.update(
            DATABASE_URL=database_url, CONFIDE_VAR_DIR=var, DJANGO_SETTINGS_MODULE="confide.settings.local"
        )
        from confide.core.keyfiles import secrets_init

        secrets_init(Path(var) / "secrets")
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext
        from django_tasks_db.models import DBTaskResult

        from confide.escrow.services.vaults import vault_create
        from confide.tenants.models import Organization
        from confide.verification.models import Challenge
        from confide.verification.services import roster_upload

        call_command("migrate", verbosity=0)
        Challenge.objects.all().delete()
        DBTaskResult.objects.all().delete()
        configure(sink.port)
        organization = Organization.objects.create(slug="bench", name="Bench Campaign")
        staff = [f"staffer{n}@campaign.example" for n in range(args.roster)]
        roster_upload(organization=organization, emails=staff)
        receipt = vault_create(organization=organization).receipt
        client = Client(HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION=f"Vault {receipt}")
        rng = random.Random(11)

        def ask(email: str) -> float:
            started = time.perf_counter()
            response = client.post("/api/vault/verification", {"email": email}, content_type="application/json")
            elapsed = time.perf_counter() - started
            assert response.status_code == 202, response.content
            return elapsed

        def queries(email: str) -> int:
            with CaptureQueriesContext(connection) as captured:
                ask(email)
            return len(captured)

        total = WARMUP + args.samples
        # Distinct addresses every time, outsiders at the same domain, so nothing is cached for either class.
        plan = [("roster", staff[n % len(staff)]) for n in range(total)]
        plan += [("outsider", f"outsider{n}-{rng.getrandbits(32):x}@campaign.example") for n in range(total)]
        rng.shuffle(plan)
        seen = {"roster": 0, "outsider": 0}
        timings: dict[str, list[float]] = {"roster": [], "outsider": []}
        for kind, email in plan:
            elapsed = ask(email)
            seen[kind] += 1
            if seen[kind] > WARMUP:
                timings[kind].append(elapsed)

        counted = {"roster": queries(staff[-1]), "outsider": queries("counted-outsider@campaign.example")}
        sent_in_requests = sink.messages
        queued = DBTaskResult.objects.filter(status="READY").count()
        if queued:
            call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)
        roster_set = set(staff)
        delivered_roster = sum(1 for rcpt in sink.recipients if rcpt in roster_set)
        shutil.rmtree(var, ignore_errors=True)

    roster, outsider = timings["roster"], timings["outsider"]
    difference = statistics.fmean(roster) - statistics.fmean(outsider)
    # Standard error of the difference of two means (Welch): the difference is noise when within ~2 of these.
    error = (statistics.variance(roster) / len(roster) + statistics.variance(outsider) / len(outsider)) ** 0.5
    print(
        "verification timing: POST /api/vault/verification in-process on PostgreSQL, SMTP backend to a loopback "
        f"sink (+{args.smtp_delay:g} ms per reply), {args.roster} addresses on the roster"
    )
    summary("on roster", roster)
    summary("off roster", outsider)
    print(
        f"  mean difference (roster - outsider) {difference * 1000:+.3f} ms +/- {2 * error * 1000:.3f} ms (2 SE); "
        f"p50 difference {(statistics.median(roster) - statistics.median(outsider)) * 1000:+.3f} ms"
    )
    print(
        f"  SQL queries per request: {counted['roster']} on roster, {counted['outsider']} off roster; "
        f"mail sent inside the requests: {sent_in_requests}; jobs the requests queued: {queued}"
    )
    print(
        f"  after the worker ran: {sink.messages} messages in the sink, {delivered_roster} to roster addresses, "
        f"{len(sink.recipients) - delivered_roster} to others"
    )


if __name__ == "__main__":
    main()
