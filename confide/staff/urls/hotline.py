from django.urls import path

from confide.staff import hotline as views
from confide.staff import hotline_checkins

app_name = "hotline"

urlpatterns = [
    path("", views.console, name="console"),
    path("<slug:org_slug>/", views.script, name="script"),
    path("<slug:org_slug>/call/", views.call, name="call"),
    path("<slug:org_slug>/file/", views.file, name="file"),
    path("<slug:org_slug>/receipt/", views.receipt_check, name="receipt_check"),
    path("<slug:org_slug>/callback/", views.callback, name="callback"),
    path("<slug:org_slug>/callback/reply/", views.callback_reply, name="callback_reply"),
    path(
        "<slug:org_slug>/callback/checkins/<uuid:checkin_id>/answer/",
        hotline_checkins.callback_checkin,
        name="callback_checkin",
    ),
]
