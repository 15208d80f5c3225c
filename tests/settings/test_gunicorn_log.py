"""G2 whatever the request: gunicorn's error log never names the client's address or quotes its user agent,
even for a request so malformed that it never reaches Django."""

from tests.helpers.gunicorn import gunicorn_running, raw_exchange

AGENT = "Canary-Agent/7.3 (reporter-phone)"
HEAD = f"Host: 127.0.0.1\r\nUser-Agent: {AGENT}\r\nConnection: close\r\n"

MALFORMED = {
    "a malformed header name": (f"GET / HTTP/1.1\r\n{HEAD}Bad Header[{AGENT}]: x\r\n\r\n", 400),
    "a malformed user agent": (f"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent {AGENT}: x\r\n\r\n", 400),
    "a request line over 4,094 bytes": (f"GET /{'a' * 5000} HTTP/1.1\r\n{HEAD}\r\n", 414),
    "more than 100 headers": (
        "GET / HTTP/1.1\r\n" + HEAD + "".join(f"X-H{i}: {AGENT}\r\n" for i in range(101)) + "\r\n",
        431,
    ),
}


def test_gunicorn_logs_no_address_or_user_agent_for_a_malformed_request(tmp_path):
    with gunicorn_running(tmp_path) as (port, output):
        for name, (raw, status) in MALFORMED.items():
            answer = raw_exchange(port, raw.encode())
            assert answer.startswith(f"HTTP/1.1 {status} ".encode()), (name, answer[:80])
    # Our own bind, printed once at start-up (gunicorn.conf.py's when_ready), is not a client's address.
    log = "".join(
        line
        for line in output.read_text(errors="replace").splitlines(keepends=True)
        if not line.startswith("Confide is listening on ")
    )
    assert log.count("Invalid request refused") == len(MALFORMED), log  # gunicorn did log each one
    assert "127.0.0.1" not in log
    assert "Canary-Agent" not in log
    assert "reporter-phone" not in log
