import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from confide.crypto.labels import AD_USER


class User(AbstractUser):
    """Staff of the third party and the operator. Reporters never have accounts here."""

    class Role(models.TextChoices):
        OPERATOR = "operator", _("Operator administrator")
        HANDLER = "handler", _("Case handler")
        # Reads matched escrow entries across every organization; never holds OPRF access (crypto.md §4).
        COUNSELOR = "counselor", _("Escrow counselor")
        # Files reports for callers on the phone line; holds no report key afterwards.
        CALL_TAKER = "call_taker", _("Call-taker")
        # A leader of an organization: receives collective letters, never reports.
        CONTACT = "contact", _("Organization contact")
        # Outside the campaign (a party ethics officer, a union representative, outside counsel), bound to one
        # organization: takes the cases that are about its leadership.
        INDEPENDENT_BODY = "independent_body", _("Independent body")
        # Invited to one case for a fixed period; sees only the redacted version a handler prepared.
        INVESTIGATOR = "investigator", _("Outside investigator")
        # Holds no case; approves, with a written reason, that a reporter's sealed identity be opened.
        CUSTODIAN = "custodian", _("Identity custodian")

    class Language(models.TextChoices):
        ENGLISH = "en", "English"
        SPANISH = "es", "Español"

    role = models.CharField(_("Role"), max_length=20, choices=Role.choices, default=Role.HANDLER)
    # The language of this person's staff pages and mail, whatever their browser asks for.
    language = models.CharField(max_length=8, choices=Language.choices, default=Language.ENGLISH)
    # crypto.md §1: an X25519 pair; the secret half only ever stored wrapped under argon2id(password).
    public_key = models.BinaryField(null=True, editable=False)
    wrapped_secret_key = models.BinaryField(null=True, editable=False)
    key_salt = models.BinaryField(null=True, editable=False)
    key_opslimit = models.PositiveIntegerField(null=True, editable=False)
    key_memlimit = models.PositiveBigIntegerField(null=True, editable=False)
    # TOTP secret under a key derived from the pepper (outside the database); last accepted time-step, so a
    # code is never accepted twice.
    totp_sealed = models.BinaryField(null=True, editable=False)
    totp_last_step = models.BigIntegerField(null=True, editable=False)

    @property
    def has_keys(self) -> bool:
        return self.public_key is not None

    @property
    def key_owner_id(self) -> bytes:
        # Associated data binding the wrapped key to this user row.
        return AD_USER + str(self.pk).encode()


class SignInThrottle(models.Model):
    """Failed sign-ins per keyed hash of the username: throttling without storing anyone's address.
    `failures` counts every failure (anyone can add to it); `code_failures` only a wrong second factor typed
    with the right password, which a stranger cannot add to (services/sign_in_throttle.py says why both)."""

    key = models.BinaryField(unique=True)
    failures = models.PositiveIntegerField(default=0)
    code_failures = models.PositiveIntegerField(default=0)
    window_start = models.DateTimeField()


class ApiToken(models.Model):
    """A staff API token. The server keeps a peppered hash to find it and the user's secret key sealed under
    a key derived from the token itself, so the token table alone unlocks nothing (as with sessions)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    lookup = models.BinaryField(unique=True)
    unlock_blob = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()


class Invitation(models.Model):
    """A one-time link for a new staff member. Only a peppered hash of the token is kept."""

    lookup = models.BinaryField(unique=True)
    role = models.CharField(_("Role"), max_length=20, choices=User.Role.choices, default=User.Role.HANDLER)
    organizations = models.ManyToManyField(
        "tenants.Organization", verbose_name=_("Organizations"), blank=True, related_name="+"
    )
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("Created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("Expires at"))
    used_by = models.ForeignKey(
        User, verbose_name=_("Used by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.get_role_display()} invitation ({'used' if self.used_by_id else 'open'})"


class Passkey(models.Model):
    """A WebAuthn credential, a second factor beside TOTP (which stays as the fallback). Only the public half
    is kept; `sign_count` is the authenticator's counter, which must go up (a cloned key's would not)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="passkeys")
    credential_id = models.BinaryField(unique=True)
    public_key = models.BinaryField()
    sign_count = models.PositiveBigIntegerField(default=0)
    name = models.CharField(max_length=60)
    created_on = models.DateField()
    last_used_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["created_on", "name"]


class PasskeyChallenge(models.Model):
    """A WebAuthn challenge waiting for its answer, kept as a keyed hash. Deleting the row is what uses it, so
    it answers once; past `expires_at` it answers never. A registration's is bound to its staff member; a
    sign-in's to no one (the sign-in page is the same for everyone, and says nothing about who has passkeys)."""

    digest = models.BinaryField(unique=True)
    user = models.ForeignKey(User, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    expires_at = models.DateTimeField()
