"""Every staff page lives under /staff/."""

from django.urls import include, path

from confide.staff.urls import account, cases, counsel, custodian, hotline, investigation, letters

urlpatterns = [
    path("escrow/", include(counsel)),
    path("letters/", include(letters)),
    path("hotline/", include(hotline)),
    path("identity/", include(custodian)),
    path("", include(investigation)),
    path("", include(cases)),
    path("", include(account)),
]
