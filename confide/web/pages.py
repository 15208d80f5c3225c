"""The pages outside any organization: the site root, the general outside-options page and the quick exit."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_GET


def home(request: HttpRequest) -> HttpResponse:
    # Deliberately lists no organization: whether a campaign uses the service is its own business (G3).
    return render(request, "public/home.html")


@require_GET
def outside_options(request: HttpRequest) -> HttpResponse:
    return render(request, "public/options.html")


@require_GET
def quick_exit(request: HttpRequest) -> HttpResponse:
    """Away to an ordinary site at once. On the way the browser drops this site's cookies (the receipt cookies
    with them, so the back button finds the receipt page, not the report) and its cache; history it keeps."""
    response = HttpResponseRedirect(settings.CONFIDE_QUICK_EXIT_URL)
    response.status_code = 303
    response["Clear-Site-Data"] = '"cache", "cookies"'
    return response
