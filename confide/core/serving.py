"""Where the web server answers, as an address to open: `make run` and `seed_demo` print it from the same
CONFIDE_BIND that gunicorn.conf.py binds, so a changed port is the port every printed link names."""

DEFAULT_BIND = "127.0.0.1:8000"
DEFAULT_PORT = 8000  # gunicorn's, for a bind that names only a host
_WILDCARDS = {"0.0.0.0": "127.0.0.1", "": "127.0.0.1", "::": "::1"}  # noqa: S104  # mapped, never bound here


def bind_url(bind: str) -> str | None:
    """`http://HOST:PORT/` for a gunicorn bind ("HOST:PORT", "[V6]:PORT", "HOST", or a listener's own
    "http://HOST:PORT"); a wildcard host becomes the loopback address, which a browser on this machine can
    open. None for a Unix socket ("unix:PATH", "fd://N"), which has no URL."""
    bind = bind.strip().removeprefix("http://").rstrip("/")
    if bind.startswith(("unix:", "fd://")) or "/" in bind:
        return None
    if bind.startswith("["):
        host, _, rest = bind[1:].partition("]")
        port = rest.removeprefix(":")
    elif bind.count(":") == 1:
        host, _, port = bind.partition(":")
    else:  # a host alone, or a bare IPv6 address
        host, port = bind, ""
    host = _WILDCARDS.get(host, host)
    if not port.isdigit():
        port = str(DEFAULT_PORT)
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"
