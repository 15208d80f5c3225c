"""The two doors: /r/ for reporters, /staff/ (and the operator site) for staff, and the API that serves both."""

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from confide.reporter.api import router as reporter_api
from confide.staff.api import router as staff_api
from confide.web import health, pages
from confide.web.api import api_create

handler400 = "confide.web.errors.bad_request"
handler403 = "confide.web.errors.permission_denied"
handler404 = "confide.web.errors.not_found"
handler500 = "confide.web.errors.server_error"

api = api_create(reporter_api, staff_api)

urlpatterns = [
    path("", pages.home, name="home"),
    path("options/", pages.outside_options, name="outside_options"),
    path("exit/", pages.quick_exit, name="quick_exit"),
    path("r/<slug:org_slug>/", include("confide.reporter.urls")),
    path("staff/", include("confide.staff.urls")),
    path("operator/", admin.site.urls),
    path("api/", api.urls),
    path("language/", set_language, name="set_language"),
    path("healthz", health.live, name="healthz"),
    path("readyz", health.ready, name="readyz"),
]
