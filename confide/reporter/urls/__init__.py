"""Every reporter page lives under /r/<organization>/: reports at the root, the vault and letters beside them."""

from django.urls import include, path

from confide.reporter.urls import checkins, holders, insights, letters, notice, outside, report, surveys, vault

urlpatterns = [
    path("vault/", include(vault)),
    path("letters/", include(letters)),
    path("surveys/", include(surveys)),
    path("options/", include(outside)),
    path("figures/", include(insights)),
    path("report/notice/", include(notice)),
    path("report/holders/", include(holders)),
    path("report/checkins/", include(checkins)),
    path("", include(report)),
]
