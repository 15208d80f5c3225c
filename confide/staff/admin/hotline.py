from django.contrib import admin

from confide.hotline.models import HotlineSettings


@admin.register(HotlineSettings)
class HotlineSettingsAdmin(admin.ModelAdmin):
    list_display = ["organization", "phone_number", "open_days", "opens_at", "closes_at", "time_zone"]
    search_fields = ["organization__name", "organization__slug"]
    autocomplete_fields = ["organization"]
