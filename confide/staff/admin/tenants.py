from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from confide.core.errors import Refused
from confide.reports.services.wind_down import organization_successor_check, organization_wind_down
from confide.tenants.models import Membership, Organization


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class OrganizationForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = ["successor"]  # the admin adds the fieldsets' fields

    def clean_successor(self):
        successor = self.cleaned_data.get("successor")
        if successor is not None and self.instance.pk is not None:
            try:
                organization_successor_check(self.instance, successor)
            except Refused as error:
                raise forms.ValidationError(error.message) from None
        return successor


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    form = OrganizationForm
    list_display = ["name", "slug", "intake_open", "wound_down_on", "created_at"]
    search_fields = ["name", "slug"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "intake_open"]}),
        (_("Deadlines and retention"), {"fields": ["acknowledge_days", "feedback_months", "retention_days"]}),
        # The hotline's number and hours are the organization's hotline settings (Hotline settings page).
        (_("Reporter pages"), {"fields": ["outside_options", "outside_options_es"]}),
        (_("After election day"), {"fields": ["successor", "wound_down_on", "open_until"]}),
    ]
    readonly_fields = ["wound_down_on", "open_until"]
    actions = ["wind_down_today"]

    @admin.action(description=_("Wind down today (lines stay open to former staff)"))
    def wind_down_today(self, request, queryset):
        for organization in queryset:
            try:
                organization_wind_down(actor=request.user, organization=organization)
            except Refused as error:
                self.message_user(request, f"{organization}: {error.message}", level=messages.WARNING)
            else:
                self.message_user(
                    request,
                    _("%(name)s is wound down; its lines stay open to former staff until %(day)s.")
                    % {"name": organization.name, "day": organization.open_until},
                )
