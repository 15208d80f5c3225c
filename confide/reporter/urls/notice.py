from django.urls import path

from confide.reporter import notice as views

app_name = "notice"

urlpatterns = [
    path("", views.notice_set, name="set"),
    path("remove/", views.notice_remove, name="remove"),
]
