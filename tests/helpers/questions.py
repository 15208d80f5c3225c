"""An organization's own questions for tests, saved through the real service (a new version each time)."""

from html import unescape

from confide.questions.services.forms import form_version_create
from tests.helpers.hotline import HIDDEN_RE, post


def _texts(en: str, es: str) -> dict:
    return {"en": en, "es": es}


QUESTIONS = [
    {
        "key": "team",
        "kind": "short_text",
        "required": True,
        "label": _texts("Which team were you on?", "¿En qué equipo estaba?"),
        "help": _texts("For example field, finance.", "Por ejemplo campo, finanzas."),
    },
    {
        "key": "details",
        "kind": "long_text",
        "required": False,
        "label": _texts("Anything else we should know?", "¿Algo más que debamos saber?"),
    },
    {
        "key": "role",
        "kind": "choice",
        "required": False,
        "label": _texts("Your role", "Su función"),
        "options": [
            {"key": "staff", "label": _texts("Paid staff", "Personal pagado")},
            {"key": "volunteer", "label": _texts("Volunteer", "Voluntario")},
        ],
    },
    {
        "key": "places",
        "kind": "choices",
        "required": False,
        "label": _texts("Where did it happen?", "¿Dónde ocurrió?"),
        "options": [
            {"key": "office", "label": _texts("Office", "Oficina")},
            {"key": "event", "label": _texts("Event", "Evento")},
            {"key": "online", "label": _texts("Online", "En línea")},
        ],
    },
    {"key": "started", "kind": "month", "required": False, "label": _texts("Month it started", "Mes en que empezó")},
    {"key": "last_day", "kind": "date", "required": False, "label": _texts("Last day it happened", "Último día")},
    {
        "key": "told",
        "kind": "yes_no",
        "required": False,
        "label": _texts("Did you tell anyone?", "¿Se lo contó a alguien?"),
    },
]

ANSWERS = {
    "team": "Field",
    "details": "More to say",
    "role": "volunteer",
    "places": ["event", "office"],
    "started": "2024-03",
    "last_day": "2024-05-31",
    "told": False,
}


def questions_set(org, user, questions=None):
    """Save `questions` (by default every kind, one required) as the organization's next version."""
    return form_version_create(organization=org, user=user, questions=QUESTIONS if questions is None else questions)


def hidden_pairs(page) -> list[tuple[str, str]]:
    return [(name, unescape(value)) for name, value in HIDDEN_RE.findall(page.content.decode())]


def _as_data(pairs) -> dict:
    data: dict = {}
    for name, value in pairs:
        data.setdefault(name, []).append(value)
    return {name: values if len(values) > 1 else values[0] for name, values in data.items()}


def read_back_file(client, page, **changes):
    """File a read-back page as it is (several choices keep every value), with `changes` over it."""
    data = {**_as_data(hidden_pairs(page)), "consent": "yes", **changes}
    return post(client, "/staff/hotline/acme/file/", page, data)
