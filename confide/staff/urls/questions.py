from django.urls import path

from confide.staff import questions as views

app_name = "questions"

urlpatterns = [
    path("", views.organizations, name="organizations"),
    path("<slug:org_slug>/", views.show_form, name="show_form"),
    path("<slug:org_slug>/new/", views.add_question, name="add_question"),
    path("<slug:org_slug>/q/<slug:key>/", views.edit_question, name="edit_question"),
    path("<slug:org_slug>/q/<slug:key>/move/", views.move_question, name="move_question"),
    path("<slug:org_slug>/q/<slug:key>/remove/", views.remove_question, name="remove_question"),
]
