from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from confide.tenants.models import Membership, Organization


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "intake_open", "created_at"]
    search_fields = ["name", "slug"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "intake_open"]}),
        (_("Deadlines and retention"), {"fields": ["acknowledge_days", "feedback_months", "retention_days"]}),
        # The hotline's number and hours are the organization's hotline settings (Hotline settings page).
        (_("Reporter pages"), {"fields": ["outside_options"]}),
    ]
