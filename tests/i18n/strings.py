"""The msgids a reporter can see, read from the sources: the reporter-facing templates and the Python modules
whose messages reach reporter pages (form labels and errors, content and identifier checks, error pages)."""

import ast
import re
from pathlib import Path

import confide

ROOT = Path(confide.__file__).parent
TEMPLATE_DIRS = [ROOT / "reporter" / "templates" / "reporter", ROOT / "templates"]
# The reporter door's pages and forms (the API answers in English), and the domain modules whose messages
# reach its pages.
MODULES = [
    *sorted(str(path.relative_to(ROOT)) for path in (ROOT / "reporter").rglob("*.py") if "api" not in path.parts),
    "web/errors.py",
    "web/middleware.py",
    "core/throttle.py",
    "core/text.py",
    "core/identifiers.py",
    "reports/content.py",
    "reports/uploads.py",
    "reports/models/case.py",  # category and status labels shown on the report page
    "reports/models/aftercare.py",  # check-in answers and exclusion outcomes on the reporter's thread
    "reports/models/investigation.py",
    "reports/selectors/common.py",  # "Case handler" / "Reporter" in the reporter's thread
    "escrow/content.py",
    "escrow/services/vaults.py",
    "escrow/services/entries.py",
    "escrow/services/conversion.py",
    "escrow/models.py",
    "letters/content.py",
    "letters/services/drafting.py",
    "letters/services/participants.py",
    "letters/services/signatures.py",
    "letters/services/third_party.py",
    "letters/services/threads.py",
    "letters/selectors/common.py",
    "letters/selectors/reporter.py",
    "letters/models.py",  # letter and meeting status shown to the organizer
    "verification/services.py",  # its errors and the code email go to reporters and signers
    "insights/display.py",  # the published figures on the reporter pages
    "insights/periods.py",
    "insights/services/documents.py",
]
# Strings from elsewhere that every reporter page shows.
SHARED = ["English", "Spanish"]

TRANSLATE = re.compile(r"""{%\s*translate\s+(["'])(.+?)\1""")
BLOCK = re.compile(r"{%\s*blocktranslate([^%]*)%}(.+?)(?:{%\s*plural\s*%}(.+?))?{%\s*endblocktranslate\s*%}", re.S)
VARIABLE = re.compile(r"{{\s*(\w+)\s*}}")
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "pgettext", "gettext_noop"}
PLURAL_NAMES = {"ngettext", "ngettext_lazy"}

Found = tuple[str, str, str | None]


def _block_text(text: str, trimmed: bool) -> str:
    text = VARIABLE.sub(r"%(\1)s", text)
    if trimmed:
        text = " ".join(line.strip() for line in text.strip().splitlines() if line.strip())
    return text


def template_strings(directories: list[Path] = TEMPLATE_DIRS) -> list[Found]:
    found: list[Found] = []
    for directory in directories:
        for path in sorted(directory.rglob("*.html")):
            text = path.read_text()
            where = str(path.relative_to(ROOT))
            found += [(where, match.group(2), None) for match in TRANSLATE.finditer(text)]
            for match in BLOCK.finditer(text):
                trimmed = "trimmed" in match.group(1)
                plural = _block_text(match.group(3), trimmed) if match.group(3) else None
                found.append((where, _block_text(match.group(2), trimmed), plural))
    return found


def _constant(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def python_strings(modules: list[str] = MODULES) -> list[Found]:
    found: list[Found] = []
    for module in modules:
        for node in ast.walk(ast.parse((ROOT / module).read_text())):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args):
                continue
            first = _constant(node.args[0])
            if node.func.id in GETTEXT_NAMES and first is not None:
                found.append((module, first, None))
            elif node.func.id in PLURAL_NAMES and first is not None and len(node.args) > 1:
                found.append((module, first, _constant(node.args[1])))
    return found


def reporter_strings() -> list[Found]:
    shared: list[Found] = [("shared", msgid, None) for msgid in SHARED]
    return sorted(set(template_strings() + python_strings() + shared))
