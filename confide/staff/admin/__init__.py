"""The operator site (Django's admin at /operator/), open only to staff signed in with their second factor."""

from confide.staff.admin import accounts, hotline, reports, tenants, verification

__all__ = ["accounts", "hotline", "reports", "tenants", "verification"]
