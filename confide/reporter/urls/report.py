from django.urls import path

from confide.reporter import report as views

app_name = "intake"

urlpatterns = [
    path("", views.submit, name="submit"),
    path("receipt/", views.receipt, name="receipt"),
    path("receipt/file/", views.receipt_file, name="receipt_file"),
    path("saved/", views.receipt_saved, name="receipt_saved"),
    path("return/", views.enter_receipt, name="enter_receipt"),
    path("report/", views.show_report, name="show_report"),
    path("report/reply/", views.reply, name="reply"),
    path("report/attachments/<uuid:attachment_id>/", views.download_attachment, name="download_attachment"),
    path("report/leave/", views.leave, name="leave"),
]
