from django.urls import path

from confide.staff import insights as views

app_name = "insights"

urlpatterns = [
    path("", views.organizations, name="organizations"),
    path("sector/<str:label>/", views.benchmark, name="benchmark"),
    path("organizations/<slug:org_slug>/<str:label>/", views.report, name="report"),
    path("organizations/<slug:org_slug>/<str:label>/publish/", views.publish, name="publish"),
    path("organizations/<slug:org_slug>/<str:label>/report.<str:fmt>.sig", views.signature, name="signature"),
    path("organizations/<slug:org_slug>/<str:label>/report.<str:fmt>", views.export, name="export"),
]
