from django.conf import settings

from confide.core.keyfiles import default_secrets_dir


def test_without_settings_the_secrets_live_in_the_repositorys_var_folder(monkeypatch):
    """`make run` on a fresh clone puts the secrets beside the database, in <repository>/var/ (not inside the
    package): the settings' BASE_DIR and this default must agree."""
    monkeypatch.delenv("CONFIDE_VAR_DIR", raising=False)
    monkeypatch.delenv("CONFIDE_SECRETS_DIR", raising=False)
    assert default_secrets_dir() == settings.BASE_DIR / "var" / "secrets"


def test_the_operator_can_move_them(monkeypatch, tmp_path):
    monkeypatch.setenv("CONFIDE_VAR_DIR", str(tmp_path))
    monkeypatch.delenv("CONFIDE_SECRETS_DIR", raising=False)
    assert default_secrets_dir() == tmp_path / "secrets"
    monkeypatch.setenv("CONFIDE_SECRETS_DIR", str(tmp_path / "elsewhere"))
    assert default_secrets_dir() == tmp_path / "elsewhere"
