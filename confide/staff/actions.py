"""What a staff page's POST does when it runs one service (as staff/cases.py's `_case_action`): validate the
form, run the service, then go back to the page; on a refusal, show the same page again with the problem and the
refusal's status, having changed nothing. A NotFound is not shown on the page: it goes to the one 404
(confide/web/errors.py), the same whether the thing is missing or not the caller's."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from confide.core.errors import NotFound, Refused

Page = Callable[..., HttpResponse]  # called with problem= and status=


def see_other(name: str, **kwargs: Any) -> HttpResponse:
    """303 to a staff page: a reload after a POST never sends it again."""
    response = redirect(name, **kwargs)
    response.status_code = 303
    return response


def form_action(
    request: HttpRequest,
    form_class: type[forms.Form] | None,
    run: Callable[[dict], object],
    *,
    page: Page,
    done: Callable[[], HttpResponse],
) -> HttpResponse:
    """`run(cleaned_data)` once the form (when there is one) is valid; `page(problem=…, status=…)` when either
    refuses, `done()` after."""
    form = form_class(request.POST) if form_class is not None else None
    if form is not None and not form.is_valid():
        problem = "; ".join(str(e) for errors in form.errors.values() for e in errors)
        return page(problem=problem, status=400)
    try:
        run(form.cleaned_data if form is not None else {})
    except NotFound:
        raise
    except Refused as error:
        return page(problem=error.message, status=error.status)
    return done()
