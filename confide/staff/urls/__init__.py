"""Every staff page lives under /staff/."""

from django.urls import include, path

from confide.staff.urls import (
    account,
    cases,
    counsel,
    custodian,
    held,
    hotline,
    insights,
    investigation,
    letters,
    questions,
    surveys,
)

urlpatterns = [
    path("escrow/", include(counsel)),
    path("letters/", include(letters)),
    path("hotline/", include(hotline)),
    path("questions/", include(questions)),
    path("insights/", include(insights)),
    path("surveys/", include(surveys)),
    path("identity/", include(custodian)),
    path("", include(investigation)),
    path("held/", include(held)),
    path("", include(cases)),
    path("", include(account)),
]
