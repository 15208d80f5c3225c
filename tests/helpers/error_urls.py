"""The project's URLs plus views that fail on purpose, for the statuses no real page answers on demand."""

from django.urls import path

from confide.core.errors import Unavailable
from confide.core.throttle import Throttled
from confide.urls import handler400, handler403, handler404, handler500
from confide.urls import urlpatterns as project_urls

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def _crash(request):
    raise RuntimeError("a bug")


def _throttled(request):
    raise Throttled(retry_after=30)


def _unavailable(request):
    raise Unavailable("The key holder is not answering.", retry_after=60)


urlpatterns = [
    path("test-errors/500/", _crash),
    path("test-errors/429/", _throttled),
    path("test-errors/503/", _unavailable),
    *project_urls,
]
