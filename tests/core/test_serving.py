"""The address every `make run` message names comes from CONFIDE_BIND, as gunicorn's own bind does."""

import pytest

from confide.core.serving import bind_url
from tests.helpers.gunicorn import gunicorn_running


@pytest.mark.parametrize(
    ("bind", "url"),
    [
        ("127.0.0.1:8000", "http://127.0.0.1:8000/"),
        ("127.0.0.1:9123", "http://127.0.0.1:9123/"),
        ("0.0.0.0:8080", "http://127.0.0.1:8080/"),
        ("[::]:8081", "http://[::1]:8081/"),
        ("[::1]:8082", "http://[::1]:8082/"),
        ("localhost", "http://localhost:8000/"),
        ("confide.example:443", "http://confide.example:443/"),
        ("http://127.0.0.1:43211", "http://127.0.0.1:43211/"),  # how gunicorn names a bound listener
        ("unix:/run/confide.sock", None),
    ],
)
def test_the_printed_url_follows_the_bind(bind, url):
    assert bind_url(bind) == url


def test_gunicorn_says_where_it_listens(tmp_path):
    with gunicorn_running(tmp_path) as (port, output):
        pass
    assert f"Confide is listening on http://127.0.0.1:{port}/" in output.read_text()
