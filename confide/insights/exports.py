"""The same figures as JSON and CSV, and the deployment's Ed25519 signature over any export's bytes.

Verify a file with `python manage.py insight_verify FILE SIGNATURE_FILE` on the deployment, or anywhere with
`--public-key KEY` (the key printed by `python manage.py insight_verify --print-key`)."""

import base64
import csv
import io
import json

from confide import crypto
from confide.core import keyfiles
from confide.crypto.labels import AD_INSIGHT_EXPORT

FORMATS = ("json", "csv", "pdf")


def document_json(document: dict) -> bytes:
    return json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False).encode()


def _rows(document: dict) -> list[tuple[str, str, str, object]]:
    figures = document["figures"]
    rows: list[tuple[str, str, str, object]] = [
        ("reports", "total", "", figures["reports"]),
        ("reports", "per_100_staff", "", figures["per_100_staff"]),
        ("reports", "roster_size", "", figures["roster_size"]),
    ]
    grid = figures["grid"]
    for row in grid["rows"]:
        for channel, value in zip(figures["channels"], row["cells"], strict=True):
            rows.append(("category_channel", row["category"], channel, value))
        rows.append(("category_channel", row["category"], "total", row["total"]))
    for channel, value in zip(figures["channels"], grid["channel_totals"], strict=True):
        rows.append(("category_channel", "total", channel, value))
    for key in ("anonymous", "came_back", "deadlines_met"):
        rows.append(("share", key, "share", figures[key]["share"]))
        rows.append(("share", key, "base", figures[key]["base"]))
    for key in ("acknowledge", "feedback", "close"):
        rows.append(("median_days", key, "days", figures[key]["days"]))
        rows.append(("median_days", key, "base", figures[key]["base"]))
    for row in figures["outcomes"]["rows"]:
        rows.append(("outcome", row["outcome"] or "none", "", row["value"]))
    rows.append(("outcome", "total", "", figures["outcomes"]["total"]))
    for key, value in (figures["letters"] or {}).items():
        rows.append(("letters", key, "", value))
    for survey in figures["surveys"]:
        rows.append(("survey", survey["key"], "value", survey["value"]))
        rows.append(("survey", survey["key"], "respondents", survey["respondents"]))
    for row in document["trend"]:
        rows.append(("trend", row["period"], "reports", row["reports"]))
    for key, metric in document["benchmark"]["metrics"].items():
        if metric:
            for name, value in zip(("p25", "p50", "p75"), metric["quartiles"], strict=True):
                rows.append(("benchmark", key, name, value))
            rows.append(("benchmark", key, "standing", metric["standing"]))
    return rows


def document_csv(document: dict) -> bytes:
    """One figure a line; an empty value is a hidden figure (fewer than k, or hidden to protect one that is)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["organization", "period", "section", "key", "part", "value"])
    org, period = document["organization"]["slug"], document["period"]["label"]
    for section, key, part, value in _rows(document):
        writer.writerow([org, period, section, key, part, "" if value is None else value])
    return out.getvalue().encode()


def export_sign(data: bytes) -> str:
    """The signature, base64, as served beside the export."""
    return base64.b64encode(
        crypto.sign_detached(keyfiles.insight_signing_seed(), data, context=AD_INSIGHT_EXPORT)
    ).decode()


def export_public_key() -> str:
    return base64.b64encode(crypto.verify_key_from_seed(keyfiles.insight_signing_seed())).decode()


def export_verify(data: bytes, signature: str, *, public_key: str | None = None) -> bool:
    try:
        key = base64.b64decode(public_key or export_public_key(), validate=True)
        raw = base64.b64decode(signature.strip(), validate=True)
        crypto.verify_detached(key, data, raw, context=AD_INSIGHT_EXPORT)
    except (ValueError, crypto.CryptoError):
        return False
    return True
