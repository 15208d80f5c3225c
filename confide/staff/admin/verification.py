from django import forms
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from confide.tenants.models import Organization
from confide.verification.content import VerificationError, domain_canonical
from confide.verification.models import AllowedDomain, RosterEntry
from confide.verification.services import roster_upload


@admin.register(AllowedDomain)
class AllowedDomainAdmin(admin.ModelAdmin):
    list_display = ["domain", "organization"]
    list_filter = ["organization"]

    def save_model(self, request, obj, form, change):
        obj.domain = domain_canonical(obj.domain)
        super().save_model(request, obj, form, change)


class RosterUploadForm(forms.Form):
    organization = forms.ModelChoiceField(queryset=Organization.objects.all())
    emails = forms.CharField(
        label=_("Addresses, one per line"),
        widget=forms.Textarea,
        help_text=_("Stored only as keyed hashes: the addresses cannot be read back, from here or the database."),
    )
    replace = forms.BooleanField(label=_("Replace the current roster"), required=False)


@admin.register(RosterEntry)
class RosterEntryAdmin(admin.ModelAdmin):
    """Entries are hashes: the list shows counts per organization, and the only way in is the upload form."""

    list_display = ["organization"]
    list_filter = ["organization"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        upload = path("upload/", self.admin_site.admin_view(self.upload_view), name="verification_roster_upload")
        return [upload, *super().get_urls()]

    def upload_view(self, request):
        form = RosterUploadForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                size = roster_upload(
                    organization=form.cleaned_data["organization"],
                    emails=form.cleaned_data["emails"].splitlines(),
                    replace=form.cleaned_data["replace"],
                )
            except VerificationError as exc:
                form.add_error("emails", exc.message)
            else:
                messages.success(request, _("The roster now has %(size)d addresses.") % {"size": size})
                return redirect("admin:verification_rosterentry_changelist")
        context = {**self.admin_site.each_context(request), "form": form, "title": _("Upload a roster")}
        return TemplateResponse(request, "admin/verification/roster_upload.html", context)
