"""settings/env.py: environment values that cannot mean what was meant stop the start (ImproperlyConfigured)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from confide.settings.env import envbool, envfloat, envint, envlist, envstr


@pytest.mark.parametrize("value", ["1", "true", "True", "YES", "on", " on "])
def test_envbool_true(monkeypatch, value):
    monkeypatch.setenv("CONFIDE_X", value)
    assert envbool("CONFIDE_X", False) is True


@pytest.mark.parametrize("value", ["0", "false", "FALSE", "no", "Off"])
def test_envbool_false(monkeypatch, value):
    monkeypatch.setenv("CONFIDE_X", value)
    assert envbool("CONFIDE_X", True) is False


@pytest.mark.parametrize("value", ["2", "y", "enabled", "ture", "-1"])
def test_envbool_refuses_anything_else(monkeypatch, value):
    monkeypatch.setenv("CONFIDE_X", value)
    with pytest.raises(ImproperlyConfigured, match="CONFIDE_X"):
        envbool("CONFIDE_X", False)


def test_unset_or_empty_means_the_default(monkeypatch):
    monkeypatch.delenv("CONFIDE_X", raising=False)
    assert envbool("CONFIDE_X", True) is True and envint("CONFIDE_X", 7) == 7 and envfloat("CONFIDE_X", 1.5) == 1.5
    assert envstr("CONFIDE_X", "d") == "d" and envlist("CONFIDE_X", ["a"]) == ["a"]
    monkeypatch.setenv("CONFIDE_X", " ")
    assert envbool("CONFIDE_X", True) is True and envint("CONFIDE_X", 7) == 7 and envfloat("CONFIDE_X", 1.5) == 1.5


def test_envint(monkeypatch):
    monkeypatch.setenv("CONFIDE_X", "42")
    assert envint("CONFIDE_X", 1) == 42
    assert envint("CONFIDE_X", 1, minimum=42) == 42


@pytest.mark.parametrize("value", ["4.5", "forty", "1e3", "0x10"])
def test_envint_refuses_what_is_not_a_whole_number(monkeypatch, value):
    monkeypatch.setenv("CONFIDE_X", value)
    with pytest.raises(ImproperlyConfigured, match="CONFIDE_X"):
        envint("CONFIDE_X", 1)


def test_envint_refuses_a_value_below_its_minimum(monkeypatch):
    monkeypatch.setenv("CONFIDE_X", "1")
    with pytest.raises(ImproperlyConfigured, match="at least 2"):
        envint("CONFIDE_X", 2, minimum=2)


def test_envfloat(monkeypatch):
    monkeypatch.setenv("CONFIDE_X", "0.5")
    assert envfloat("CONFIDE_X", 1.0) == 0.5
    for bad in ["fast", "nan", "inf"]:
        monkeypatch.setenv("CONFIDE_X", bad)
        with pytest.raises(ImproperlyConfigured, match="CONFIDE_X"):
            envfloat("CONFIDE_X", 1.0)
    monkeypatch.setenv("CONFIDE_X", "-1")
    with pytest.raises(ImproperlyConfigured, match="at least 0"):
        envfloat("CONFIDE_X", 1.0, minimum=0.0)


def test_envlist_and_envstr(monkeypatch):
    monkeypatch.setenv("CONFIDE_X", " a.example , b.example,,")
    assert envlist("CONFIDE_X", []) == ["a.example", "b.example"]
    assert envstr("CONFIDE_X") == " a.example , b.example,,"
    monkeypatch.setenv("CONFIDE_X", "")
    assert envlist("CONFIDE_X", ["a"]) == [] and envstr("CONFIDE_X", "d") == ""
