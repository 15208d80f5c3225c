"""Every reporter page lives under /r/<organization>/: reports at the root, the vault and letters beside them."""

from django.urls import include, path

from confide.reporter.urls import checkins, letters, notice, outside, report, vault

urlpatterns = [
    path("vault/", include(vault)),
    path("letters/", include(letters)),
    path("options/", include(outside)),
    path("report/notice/", include(notice)),
    path("report/checkins/", include(checkins)),
    path("", include(report)),
]
