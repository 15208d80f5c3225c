"""django-csp's middleware with one exception to `script-src 'none'`: the operator site is Django's admin,
whose pages use Django's own static scripts. The staff passkey pages open it per response
(confide.staff.passkeys.script_allowed); reporter pages never run a script."""

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from django.http import HttpRequest
from django.http.response import HttpResponseBase

ADMIN_PREFIX = "/operator/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIX) and parts.replace is None:
            parts.replace = {"script-src": [SELF]}
        return parts
