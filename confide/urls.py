from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from confide import pages
from confide.api import api

handler400 = "confide.http.bad_request"
handler403 = "confide.http.permission_denied"
handler404 = "confide.http.not_found"
handler500 = "confide.http.server_error"

urlpatterns = [
    path("", pages.home, name="home"),
    path("r/<slug:org_slug>/vault/", include("confide.escrow.reporter_urls")),
    path("r/<slug:org_slug>/letters/", include("confide.letters.reporter_urls")),
    path("r/<slug:org_slug>/", include("confide.intake.urls")),
    path("staff/escrow/", include("confide.escrow.staff_urls")),
    path("staff/letters/", include("confide.letters.staff_urls")),
    path("staff/hotline/", include("confide.hotline.staff_urls")),
    path("staff/", include("confide.cases.urls")),
    path("staff/", include("confide.accounts.urls")),
    path("operator/", admin.site.urls),
    path("api/", api.urls),
    path("language/", set_language, name="set_language"),
]
