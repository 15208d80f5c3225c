from django.urls import path

from confide.staff import account as views
from confide.staff import passkeys

urlpatterns = [
    path("login/", views.sign_in, name="staff_login"),
    path("two-factor/", views.enroll_totp, name="staff_enroll_totp"),
    path("logout/", views.sign_out, name="staff_logout"),
    path("password/", views.change_password, name="staff_change_password"),
    path("account/", views.account, name="staff_account"),
    path("join/<str:token>/", views.join, name="staff_join"),
    path("passkeys/", passkeys.passkeys, name="staff_passkeys"),
    path("passkeys/<uuid:passkey_id>/rename/", passkeys.rename, name="staff_passkey_rename"),
    path("passkeys/<uuid:passkey_id>/remove/", passkeys.remove, name="staff_passkey_remove"),
]
