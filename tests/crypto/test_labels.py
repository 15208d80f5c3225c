"""The labels registry keeps every use of a hash or a key apart (confide/crypto/labels.py)."""

import ast
from pathlib import Path

import confide
from confide.crypto import labels

ROOT = Path(confide.__file__).parent


def test_every_hash_label_differs():
    assert len(labels.HASH_LABELS) == len(set(labels.HASH_LABELS))


def test_no_associated_data_prefix_starts_another():
    prefixes = labels.AD_PREFIXES
    assert len(prefixes) == len(set(prefixes))
    for a in prefixes:
        for b in prefixes:
            assert a == b or not b.startswith(a), f"{a!r} starts {b!r}: their ciphertexts could be swapped"


def test_the_registry_lists_every_constant_it_defines():
    names = [n for n in dir(labels) if n.isupper() and n not in {"HASH_LABELS", "AD_PREFIXES"}]
    listed = set(labels.HASH_LABELS) | set(labels.AD_PREFIXES)
    assert names and all(getattr(labels, n) in listed for n in names)


def test_no_module_spells_a_keyed_hash_label_inline():
    """A string literal as keyed_hash's label would bypass the registry and its uniqueness check."""
    offenders = []
    for path in sorted(ROOT.rglob("*.py")):
        if "migrations" in path.parts or path.name == "labels.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", getattr(node.func, "id", "")) == "keyed_hash"
                and node.args
                and isinstance(node.args[0], ast.Constant | ast.JoinedStr)
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
