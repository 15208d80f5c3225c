from django.urls import path

from confide.staff import copies, letters

app_name = "letters"

urlpatterns = [
    path("", letters.letters, name="letters"),
    path("trace/", letters.trace, name="trace"),
    path("<uuid:letter_id>/", letters.show_letter, name="show_letter"),
    path("<uuid:letter_id>/review/", letters.review, name="review"),
    path("<uuid:letter_id>/release/", letters.release, name="release"),
    path("<uuid:letter_id>/message/", letters.message, name="message"),
    path("<uuid:letter_id>/vouch/", letters.vouch, name="vouch"),
    path("<uuid:letter_id>/grant/", letters.grant, name="grant"),
    path("<uuid:letter_id>/conflict/", letters.declare_conflict, name="declare_conflict"),
    path("received/<uuid:copy_id>/", copies.show_copy, name="show_copy"),
    path("received/<uuid:copy_id>/acknowledge/", copies.acknowledge, name="acknowledge"),
    path("received/<uuid:copy_id>/answer/", copies.answer, name="answer"),
    path("received/<uuid:copy_id>/times/", copies.propose_times, name="propose_times"),
    path("received/<uuid:copy_id>/attendee/", copies.decide_attendee, name="decide_attendee"),
    path("received/<uuid:copy_id>/meeting/", copies.update_meeting, name="update_meeting"),
]
