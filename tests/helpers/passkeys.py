"""A software authenticator for tests: a P-256 key that answers WebAuthn ceremonies as a browser with a
platform authenticator would ("none" attestation, user present and verified), for any origin and RP id, so a
test can also play another site. Used through the real pages: options read from the form, answers posted."""

import base64
import html
import json
import os
import re

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from tests.helpers.staff import PASSWORD, csrf_from

ORIGIN = "http://testserver"
RP_ID = "testserver"
USER_PRESENT, USER_VERIFIED, ATTESTED = 0x01, 0x04, 0x40


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sha256(data: bytes) -> bytes:
    digest = hashes.Hash(hashes.SHA256())
    digest.update(data)
    return digest.finalize()


def options_of(response, attribute: str) -> str:
    match = re.search(rf'{attribute}="([^"]+)"', response.content.decode())
    assert match, f"no {attribute} on the page"
    return html.unescape(match.group(1))


class SoftAuthenticator:
    def __init__(self) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(16)
        self.sign_count = 0
        self.user_handle = ""

    def _auth_data(self, rp_id: str, flags: int, attested: bytes = b"") -> bytes:
        return sha256(rp_id.encode()) + bytes([flags]) + self.sign_count.to_bytes(4, "big") + attested

    def create(self, options_json: str, *, origin: str = ORIGIN, rp_id: str | None = None) -> str:
        options = json.loads(options_json)
        numbers = self.key.public_key().public_numbers()
        cose = cbor2.dumps({1: 2, 3: -7, -1: 1, -2: numbers.x.to_bytes(32, "big"), -3: numbers.y.to_bytes(32, "big")})
        attested = bytes(16) + len(self.credential_id).to_bytes(2, "big") + self.credential_id + cose
        auth_data = self._auth_data(rp_id or options["rp"]["id"], USER_PRESENT | USER_VERIFIED | ATTESTED, attested)
        client_data = json.dumps({"type": "webauthn.create", "challenge": options["challenge"], "origin": origin})
        self.user_handle = options["user"]["id"]
        return self._answer(
            {
                "clientDataJSON": b64(client_data.encode()),
                "attestationObject": b64(cbor2.dumps({"fmt": "none", "attStmt": {}, "authData": auth_data})),
                "transports": ["internal"],
            }
        )

    def get(self, options_json: str, *, origin: str = ORIGIN, rp_id: str | None = None) -> str:
        options = json.loads(options_json)
        self.sign_count += 1
        auth_data = self._auth_data(rp_id or options["rpId"], USER_PRESENT | USER_VERIFIED)
        client_data = json.dumps({"type": "webauthn.get", "challenge": options["challenge"], "origin": origin}).encode()
        signature = self.key.sign(auth_data + sha256(client_data), ec.ECDSA(hashes.SHA256()))
        return self._answer(
            {
                "clientDataJSON": b64(client_data),
                "authenticatorData": b64(auth_data),
                "signature": b64(signature),
                "userHandle": self.user_handle,
            }
        )

    def _answer(self, response: dict) -> str:
        credential_id = b64(self.credential_id)
        return json.dumps(
            {"id": credential_id, "rawId": credential_id, "type": "public-key", "response": response}
            | {"clientExtensionResults": {}, "authenticatorAttachment": "platform"}
        )


def passkey_add(client, name: str = "Work laptop", authenticator: SoftAuthenticator | None = None, **site):
    """Add a passkey through the page, as the script does; the response and the authenticator."""
    authenticator = authenticator or SoftAuthenticator()
    page = client.get("/staff/passkeys/")
    answer = authenticator.create(options_of(page, "data-passkey-create"), **site)
    response = client.post(
        "/staff/passkeys/", {"name": name, "passkey": answer, "csrfmiddlewaretoken": csrf_from(page)}
    )
    return response, authenticator


def passkey_sign_in(client, username: str, authenticator: SoftAuthenticator, password: str = PASSWORD, **site):
    page = client.get("/staff/login/")
    answer = authenticator.get(options_of(page, "data-passkey-get"), **site)
    return client.post(
        "/staff/login/",
        {
            "username": username,
            "password": password,
            "code": "",
            "passkey": answer,
            "csrfmiddlewaretoken": csrf_from(page),
        },
    ), answer
