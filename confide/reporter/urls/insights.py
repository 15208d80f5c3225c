from django.urls import path

from confide.reporter import insights as views

app_name = "insights_public"

urlpatterns = [
    path("<str:label>/", views.report, name="report"),
]
