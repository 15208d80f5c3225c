from django.urls import path

from confide.reporter import outside as views

app_name = "outside"

urlpatterns = [
    path("", views.options, name="options"),
]
