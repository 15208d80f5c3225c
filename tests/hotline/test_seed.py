from django.core.management import call_command

from confide.accounts.models import User
from confide.hotline.models import HotlineSettings
from confide.tenants.models import Membership


def test_seed_demo_creates_a_call_taker_and_hours_once(db, capsys):
    call_command("seed_demo", password="demo password long enough")
    first = capsys.readouterr().out
    assert "demo-call-taker" in first
    call_command("seed_demo")
    assert "Password" not in capsys.readouterr().out.split("Reporter intake")[1]
    user = User.objects.get(username="demo-call-taker")
    assert user.role == User.Role.CALL_TAKER and user.has_keys
    membership = Membership.objects.get(user=user)
    assert membership.role == Membership.Role.CALL_TAKER and membership.organization.slug == "demo"
    assert HotlineSettings.objects.filter(organization__slug="demo").count() == 1
