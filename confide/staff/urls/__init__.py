"""Every staff page lives under /staff/."""

from django.urls import include, path

from confide.staff.urls import account, cases, counsel, held, hotline, letters

urlpatterns = [
    path("escrow/", include(counsel)),
    path("letters/", include(letters)),
    path("hotline/", include(hotline)),
    path("held/", include(held)),
    path("", include(cases)),
    path("", include(account)),
]
