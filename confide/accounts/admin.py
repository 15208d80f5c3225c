from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from confide.accounts.models import User


@admin.register(User)
class StaffAdmin(UserAdmin):
    """Staff accounts. Key material is never shown; create staff with `manage.py staff_create` so that a key
    pair is made and wrapped under the password (an account added here has no key until then)."""

    list_display = ["username", "role", "is_active", "has_keys", "last_login"]
    list_filter = ["role", "is_active"]
    fieldsets = [
        (None, {"fields": ["username", "role", "is_active"]}),
        ("Contact", {"fields": ["first_name", "last_name", "email"]}),
        ("Operator rights", {"fields": ["is_staff", "is_superuser"]}),
    ]
    readonly_fields = ["has_keys"]

    def has_add_permission(self, request):
        return False  # a staff member needs a key pair: staff_create makes one

    @admin.display(boolean=True, description="Key pair")
    def has_keys(self, obj: User) -> bool:
        return obj.has_keys
