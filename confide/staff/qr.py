"""QR codes drawn on the server as inline SVG markup: no script, no image request, nothing for the CSP to allow
(an <svg> element is markup, and segno styles it with attributes, not inline CSS)."""

import segno
from django.utils.safestring import SafeString, mark_safe


def qr_svg(text: str, *, title: str) -> SafeString:
    """`text` as a QR code (error correction M, the usual 4-module quiet zone), sized by CSS through its viewBox.
    `title` is its accessible name. segno escapes the title; the rest is paths it generated."""
    code = segno.make_qr(text, error="m")
    svg = code.svg_inline(scale=1, border=4, dark="#000", light="#fff", title=title, omitsize=True, svgclass="qr")
    return mark_safe(svg)  # noqa: S308
