from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from confide.accounts.models import Invitation, User
from confide.accounts.services.invitations import invitation_prepare
from confide.staff.decorators import MFA_OK, MFA_SESSION_KEY


@admin.register(User)
class StaffAdmin(UserAdmin):
    """Staff accounts. Key material is never shown; create staff with `manage.py staff_create` so that a key
    pair is made and wrapped under the password (an account added here has no key until then)."""

    list_display = ["username", "role", "is_active", "has_keys", "last_login"]
    list_filter = ["role", "is_active"]
    fieldsets = [
        (None, {"fields": ["username", "role", "is_active"]}),
        (_("Contact"), {"fields": ["first_name", "last_name", "email"]}),
        (_("Operator rights"), {"fields": ["is_staff", "is_superuser"]}),
    ]
    readonly_fields = ["has_keys"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # a staff member needs a key pair: staff_create makes one

    @admin.display(boolean=True, description=_("Key pair"))
    def has_keys(self, obj: User) -> bool:
        return obj.has_keys


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """The operator invites staff here or with `manage.py staff_invite`; the link is shown once."""

    list_display = ["__str__", "role", "created_at", "expires_at", "used_by"]
    fields = ["role", "organizations"]
    filter_horizontal = ["organizations"]

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return obj is None

    def save_model(self, request: HttpRequest, obj: Invitation, form: Any, change: bool) -> None:
        creator = request.user if isinstance(request.user, User) else None
        token = invitation_prepare(invitation=obj, created_by=creator)
        super().save_model(request, obj, form, change)
        link = request.build_absolute_uri(f"/staff/join/{token}/")
        messages.success(
            request, gettext("Send this link privately; it is shown only now and works once: %(link)s") % {"link": link}
        )


def _operator_with_second_factor(request: HttpRequest) -> bool:
    """The stock admin needs a password only. Its pages can invite staff and assign organizations, so a
    password alone would make anyone a handler of every organization: the staff sign-in, with TOTP, is the
    only way in."""
    user = request.user
    return bool(user.is_active and user.is_staff and request.session.get(MFA_SESSION_KEY) == MFA_OK)


def _operator_login(request: HttpRequest, extra_context: dict | None = None) -> HttpResponseRedirect:
    return redirect_to_login(request.GET.get("next") or reverse("admin:index"), login_url=reverse("staff_login"))


admin.site.has_permission = _operator_with_second_factor  # type: ignore[method-assign]
admin.site.login = _operator_login  # type: ignore[method-assign]
