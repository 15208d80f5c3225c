from django.contrib import admin
from django.http import HttpRequest

from confide.reports.models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """Clear metadata only: the operator runs the service but reads no report (that is the handlers' job)."""

    list_display = ["reference", "organization", "status", "category", "submitted_on"]
    list_filter = ["status", "category", "organization"]
    fields = ("reference", "organization", "status", "category", "submitted_on", "reporter_active_on")
    readonly_fields = ("reference", "organization", "status", "category", "submitted_on", "reporter_active_on")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
