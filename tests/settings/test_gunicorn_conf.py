"""G2: the server keeps no access log, so no client address, user agent or request time is written."""

import runpy
from pathlib import Path

CONF = runpy.run_path(str(Path(__file__).resolve().parents[2] / "gunicorn.conf.py"))


def test_there_is_no_access_log():
    assert CONF["accesslog"] is None
    assert "access_log_format" not in CONF


def test_no_setting_mentions_a_client_field():
    text = (Path(__file__).resolve().parents[2] / "gunicorn.conf.py").read_text()
    for field in ("%(h)s", "%(a)s", "%({x-forwarded-for}i)s", "%(t)s"):
        assert field not in text
