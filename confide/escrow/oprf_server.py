"""The OPRF key holder as a small HTTP service (stdlib only). It evaluates blinded ristretto255 elements and
nothing else: POST /evaluate {"blinded": b64, "rate_key": b64} -> {"evaluated": b64, "proof": b64} (RFC 9497
VOPRF: the proof shows the key behind the public key the web tier pins was used). It never sees an identifier,
and answers 429 once an account's daily allowance, or its own daily ceiling for every account together, is used."""

import base64
import binascii
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.db import close_old_connections

from confide import crypto
from confide.escrow.content import OprfCeilingReached, OprfRateLimited
from confide.escrow.services.keyholder import CEILING, oprf_blinded_evaluate, oprf_token_valid

MAX_BODY = 1024


class OprfHandler(BaseHTTPRequestHandler):
    server_version = "confide-oprf"
    sys_version = ""

    def log_message(self, format, *args):
        pass  # no access log: even the timing of evaluations is nobody's business

    def _answer(self, status: int, body: dict) -> None:
        raw = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def do_GET(self):
        self._answer(404 if self.path != "/health" else 200, {"detail": "POST /evaluate"})

    def do_POST(self):
        if self.path != "/evaluate":
            self._answer(404, {"detail": "POST /evaluate"})
            return
        if not oprf_token_valid(self.headers.get("Authorization")):
            self._answer(401, {"detail": "Send the shared token: Authorization: Bearer <CONFIDE_OPRF_TOKEN>."})
            return
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if not 0 < length <= MAX_BODY:
            self._answer(400, {"detail": "A JSON body of at most 1 KiB is expected."})
            return
        try:
            data = json.loads(self.rfile.read(length))
            blinded = base64.b64decode(data["blinded"], validate=True)
            rate_key = base64.b64decode(data["rate_key"], validate=True)
            if len(rate_key) != 32:
                raise ValueError
        except (ValueError, KeyError, TypeError, binascii.Error):
            self._answer(400, {"detail": "Send blinded and rate_key, base64."})
            return
        close_old_connections()
        try:
            evaluated, proof = oprf_blinded_evaluate(blinded=blinded, rate_key=rate_key)
        except OprfCeilingReached:
            self._answer(429, {"detail": "The key holder's daily ceiling is reached.", "limit": CEILING})
            return
        except OprfRateLimited:
            self._answer(429, {"detail": "Too many evaluations for this account today."})
            return
        except crypto.CryptoError:
            self._answer(400, {"detail": "Not a valid ristretto255 element."})
            return
        finally:
            close_old_connections()
        self._answer(
            200, {"evaluated": base64.b64encode(evaluated).decode(), "proof": base64.b64encode(proof).decode()}
        )


def oprf_server(host: str, port: int) -> ThreadingHTTPServer:
    return ThreadingHTTPServer((host, port), OprfHandler)
