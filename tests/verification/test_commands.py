import io

import pytest
from django.core.management import CommandError, call_command

from confide.verification.models import AllowedDomain
from confide.verification.selectors import roster_size

pytestmark = pytest.mark.django_db


def test_roster_upload_reads_a_file_and_allows_domains(org, tmp_path):
    roster = tmp_path / "roster.txt"
    roster.write_text("a@example.org\nb@example.org\n\n")
    out = io.StringIO()
    call_command("roster_upload", org.slug, "--file", str(roster), "--domain", "Campaign.Example", stdout=out)
    assert roster_size(organization=org) == 2
    assert AllowedDomain.objects.filter(organization=org, domain="campaign.example").exists()
    assert "2 addresses" in out.getvalue()


def test_roster_upload_names_what_is_wrong(org, tmp_path):
    with pytest.raises(CommandError, match="No organization"):
        call_command("roster_upload", "nowhere", "--file", "x")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("roster_upload", org.slug, "--file", str(tmp_path / "missing.txt"))
    bad = tmp_path / "bad.txt"
    bad.write_text("not-an-address\n")
    with pytest.raises(CommandError, match=r"name@example\.org"):
        call_command("roster_upload", org.slug, "--file", str(bad))
