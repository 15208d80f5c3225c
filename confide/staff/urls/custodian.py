from django.urls import path

from confide.staff import custodian as views

app_name = "custodian"

urlpatterns = [
    path("", views.requests, name="requests"),
    path("<uuid:disclosure_id>/approve/", views.approve, name="approve"),
]
