"""The audit trail (what changed) and the access log (who used which person's data).

Neither has foreign keys: an entry must outlive the user and the object it names, and
`audit` imports no domain app.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One change to domain data, written by the action that made it, in the same transaction."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    actor_username = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=80, db_index=True)
    object_type = models.CharField(max_length=80, db_index=True)
    object_id = models.CharField(max_length=64, blank=True, db_index=True)
    object_repr = models.CharField(max_length=300, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    # The person the event is about, if any: reading the event (its texts) is a use of that
    # person's data and is logged; deleting the person anonymises the event.
    subject_person_id = models.BigIntegerField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("revisionshændelse")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_username} {self.action} {self.object_repr}"


class AccessKind(models.TextChoices):
    READ = "read", _("Læst")
    SEARCH = "search", _("Søgt")
    CREATE = "create", _("Oprettet")
    CHANGE = "change", _("Ændret")
    EXPORT = "export", _("Eksporteret")
    DELETE = "delete", _("Slettet")
    REVEAL = "reveal", _("CPR vist")


class AccessLogEntry(models.Model):
    """One use of a person's data (Datatilsynet's logging guidance): who, when, what, why."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user_id = models.BigIntegerField(null=True, db_index=True)
    username = models.CharField(max_length=150)
    kind = models.CharField(max_length=10, choices=AccessKind.choices)
    purpose = models.CharField(max_length=200, blank=True)
    subject_type = models.CharField(max_length=80, blank=True)
    subject_id = models.CharField(max_length=64, blank=True, db_index=True)
    criterion = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("adgangslogpost")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.kind} {self.subject_type}:{self.subject_id}"


class PurgeRun(models.Model):
    """One run of `sikkerby purge_expired`: what each retention policy deleted, and the items
    that failed (kind and id only), so an administrator sees a purge that went wrong."""

    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    dry_run = models.BooleanField(default=False)
    deleted = models.JSONField(default=dict)  # {policy label: items deleted}
    failures = models.JSONField(default=list)  # [[policy label, "kind id", error class]]

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("sletningskørsel")

    def __str__(self) -> str:
        return f"Sletning {self.started_at:%Y-%m-%d %H:%M}"
