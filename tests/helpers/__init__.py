"""Helpers for the tests: plain functions and classes (fixtures live in conftest.py files)."""
