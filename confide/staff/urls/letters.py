from django.urls import path

from confide.staff import letters as views_staff

app_name = "letters"

urlpatterns = [
    path("", views_staff.letters, name="letters"),
    path("trace/", views_staff.trace, name="trace"),
    path("<uuid:letter_id>/", views_staff.show_letter, name="show_letter"),
    path("<uuid:letter_id>/review/", views_staff.review, name="review"),
    path("<uuid:letter_id>/release/", views_staff.release, name="release"),
    path("<uuid:letter_id>/message/", views_staff.message, name="message"),
    path("<uuid:letter_id>/vouch/", views_staff.vouch, name="vouch"),
    path("<uuid:letter_id>/grant/", views_staff.grant, name="grant"),
    path("<uuid:letter_id>/conflict/", views_staff.declare_conflict, name="declare_conflict"),
    path("received/<uuid:copy_id>/", views_staff.show_copy, name="show_copy"),
    path("received/<uuid:copy_id>/acknowledge/", views_staff.acknowledge, name="acknowledge"),
    path("received/<uuid:copy_id>/answer/", views_staff.answer, name="answer"),
    path("received/<uuid:copy_id>/times/", views_staff.propose_times, name="propose_times"),
    path("received/<uuid:copy_id>/attendee/", views_staff.decide_attendee, name="decide_attendee"),
    path("received/<uuid:copy_id>/meeting/", views_staff.update_meeting, name="update_meeting"),
]
