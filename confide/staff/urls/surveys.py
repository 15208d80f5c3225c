from django.urls import path

from confide.staff import surveys

app_name = "surveys"

urlpatterns = [
    path("", surveys.surveys, name="surveys"),
    path("<uuid:survey_id>/", surveys.show_survey, name="show_survey"),
    path("<uuid:survey_id>/rounds/", surveys.open_round, name="open_round"),
    path("rounds/<uuid:round_id>/close/", surveys.close_round, name="close_round"),
    path("rounds/<uuid:round_id>/texts/", surveys.texts, name="texts"),
]
