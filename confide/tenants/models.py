import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Organization(models.Model):
    """A tenant: one campaign or organization whose staff report to the third party."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(_("intake address"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    intake_open = models.BooleanField(_("accepting reports"), default=True)
    acknowledge_days = models.PositiveSmallIntegerField(_("days to acknowledge a report"), default=7)
    feedback_months = models.PositiveSmallIntegerField(_("months to give feedback after acknowledging"), default=3)
    retention_days = models.PositiveIntegerField(
        _("days a closed case is kept before its content is deleted"),
        null=True,
        blank=True,
        default=730,
        help_text=_("Empty keeps closed cases until deleted by hand."),
    )
    # Other ways to report, shown on the reporter's outside-options page (EU Directive 2019/1937 art. 9(1)(g)).
    # Plain text: line breaks and web addresses become paragraphs and links, anything else is escaped.
    outside_options = models.TextField(
        _("other ways to report"),
        blank=True,
        max_length=8000,
        help_text=_(
            "Shown to reporters on the outside-options page, instead of the general text about the EEOC, state "
            "agencies, unions, lawyers and EU authorities. Plain text: blank lines make paragraphs, web addresses "
            "become links, no HTML. Emergency numbers are always shown above it. Empty shows the general text."
        ),
    )
    # The same in Spanish, for reporters reading in Spanish; empty shows them the text above (marked as English).
    outside_options_es = models.TextField(
        _("other ways to report, in Spanish"),
        blank=True,
        max_length=8000,
        help_text=_(
            "Shown instead of the text above to reporters reading in Spanish. Empty shows them the text above."
        ),
    )
    created_at = models.DateTimeField(_("Created at"), auto_now_add=True)
    # After election day (issue 13): the day the operator wound the organization down, and the last day its
    # reporter pages stay open to former staff; its successor (next cycle's committee) for reporters and letters.
    wound_down_on = models.DateField(_("wound down on"), null=True, blank=True)
    open_until = models.DateField(_("open to former staff until"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("successor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        help_text=_("The organization that carries on from this one, e.g. the next cycle's committee."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """Attaches a staff user to an organization: handlers read its reports, call-takers take its calls,
    contacts (its leaders) receive its letters. Only handler memberships ever receive report keys."""

    class Role(models.TextChoices):
        HANDLER = "handler", _("Case handler")
        CALL_TAKER = "call_taker", _("Call-taker")
        CONTACT = "contact", _("Organization contact")
        # Outside the campaign, registered in advance: takes the cases about the organization's leadership.
        INDEPENDENT_BODY = "independent_body", _("Independent body")

    organization = models.ForeignKey(
        Organization, verbose_name=_("Organization"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Staff member"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("Role"), max_length=20, choices=Role.choices, default=Role.HANDLER)
    # What an independent body is called where reporters and staff see it ("union representative"); the
    # reporter is told this, never a personal name unless the body puts one here.
    title = models.CharField(
        _("title shown to reporters"),
        max_length=80,
        blank=True,
        help_text=_("For an independent body: what it is, e.g. union representative. Not a personal name."),
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organization", "user"], name="uniq_membership")]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization}"
