"""The redacted version of a case (issue 15): a handler's replacements ("what => label", one a line) applied
in one pass to the account and the thread, and the document an outside investigator reads. Validation lives
here, for the page and the API alike."""

import json
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from confide.reports.investigation_errors import RedactionRefused
from confide.reports.selectors.common import ReportView

RULES_MAX = 60
ORIGINAL_MAX_CHARS = 300
LABEL_MAX_CHARS = 40
SEPARATOR = "=>"
ACCOUNT_FIELDS = ("what_happened", "when", "where", "people_involved")


@dataclass(frozen=True)
class Rule:
    original: str
    label: str


def rules_parse(text: object) -> list[Rule]:
    """One rule a line, `original => label`; blank lines ignored. Longer originals win where two overlap."""
    if not isinstance(text, str) or "\x00" in text:
        raise RedactionRefused(_("The replacements must be text."), field="replacements")
    rules: dict[str, Rule] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        original, separator, label = (part.strip() for part in line.partition(SEPARATOR))
        if not separator or not original or not label:
            raise RedactionRefused(
                _('Line %(line)d: write what to replace, then "=>", then its label, e.g. "Jane Doe => Person A".')
                % {"line": number},
                field="replacements",
            )
        if len(original) > ORIGINAL_MAX_CHARS or len(label) > LABEL_MAX_CHARS:
            raise RedactionRefused(
                _("Line %(line)d: up to %(original)d characters to replace and %(label)d for the label.")
                % {"line": number, "original": ORIGINAL_MAX_CHARS, "label": LABEL_MAX_CHARS},
                field="replacements",
            )
        if original.casefold() in label.casefold():
            raise RedactionRefused(
                _("Line %(line)d: the label must not contain what it replaces.") % {"line": number},
                field="replacements",
            )
        rules[original.casefold()] = Rule(original=original, label=label)
    if not rules:
        raise RedactionRefused(_("Give at least one replacement."), field="replacements")
    if len(rules) > RULES_MAX:
        raise RedactionRefused(_("At most %(count)d replacements.") % {"count": RULES_MAX}, field="replacements")
    return sorted(rules.values(), key=lambda rule: (-len(rule.original), rule.original))


@dataclass(frozen=True)
class Redacted:
    document: dict
    occurrences: dict[str, int]  # label -> how many places it took

    def __repr__(self) -> str:
        return f"Redacted(labels={len(self.occurrences)})"


def redact(*, view: ReportView, rules: list[Rule]) -> Redacted:
    """Every occurrence of every original, whatever its case, replaced in one pass (a label is never
    replaced again). The reporter's name and contact are never part of the document."""
    by_key = {rule.original.casefold(): rule.label for rule in rules}
    pattern = re.compile("|".join(re.escape(rule.original) for rule in rules), re.IGNORECASE)
    counts: dict[str, int] = {rule.label: 0 for rule in rules}

    def substitute(match: re.Match) -> str:
        found = match.group(0)
        label = by_key.get(found.casefold()) or next(
            rule.label for rule in rules if re.fullmatch(re.escape(rule.original), found, re.IGNORECASE)
        )
        counts[label] += 1
        return label

    def clean(text: str) -> str:
        return pattern.sub(substitute, text)

    content = view.content
    document = {
        "category": view.report.category,
        "submitted_on": view.report.submitted_on.isoformat(),
        "account": {name: clean(getattr(content, name)) for name in ACCOUNT_FIELDS},
        "thread": [
            {"seq": m.seq, "author_kind": m.author_kind, "created_on": m.created_on.isoformat(), "body": clean(m.body)}
            for m in view.messages
        ],
    }
    return Redacted(document=document, occurrences=counts)


def rules_text(mapping: list[dict]) -> str:
    return "\n".join(f"{entry['original']} {SEPARATOR} {entry['label']}" for entry in mapping)


def document_bytes(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
