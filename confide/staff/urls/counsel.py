from django.urls import path

from confide.staff import counsel as views

app_name = "escrow"

urlpatterns = [
    path("", views.matches, name="matches"),
    path("matches/<uuid:match_id>/", views.match, name="match"),
    path("matches/<uuid:match_id>/entries/<uuid:entry_id>/", views.thread, name="thread"),
    path("counselors/add/", views.counselor_add, name="counselor_add"),
]
