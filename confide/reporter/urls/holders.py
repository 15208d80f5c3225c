from django.urls import path

from confide.reporter import holders as views

app_name = "holders"

urlpatterns = [
    path("exclude/", views.ask_exclusion, name="exclude"),
    path("identity/", views.share_identity, name="share_identity"),
    path("identity/withdraw/", views.withdraw_identity, name="withdraw_identity"),
]
