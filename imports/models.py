"""An import running in the background (a task run by the worker): its progress, so the page
can show a progress bar, and its outcome — rows saved, or the line-numbered reasons the file
was rejected whole. The uploaded file is kept only until the import has run."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("I kø")
    CHECKING = "checking", _("Kontrollerer rækkerne")
    SAVING = "saving", _("Gemmer")
    DONE = "done", _("Indlæst")
    REJECTED = "rejected", _("Afvist – intet er gemt")
    FAILED = "failed", _("Fejlede – intet er gemt")


FINISHED = {ImportStatus.DONE, ImportStatus.REJECTED, ImportStatus.FAILED}


class ImportJob(models.Model):
    kind = models.CharField(_("hvad"), max_length=40)
    label = models.CharField(_("beskrivelse"), max_length=100)
    filename = models.CharField(_("fil"), max_length=200)
    data = models.BinaryField(editable=False)
    # What the importer needs besides the file, e.g. the survey's year and invited count.
    parameters = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    saved = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)  # [[line, reason], ...]
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The file's SHA-256: the same file imported twice is refused unless confirmed.
    sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    # The worker reports while it works; a job silent for IMPORT_HEARTBEAT_SECONDS has lost
    # its worker and is marked failed (and can be started again).
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import")
        verbose_name_plural = _("importer")

    def __str__(self) -> str:
        return f"{self.label}: {self.filename}"

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def is_stalled(self) -> bool:
        """Running, but its worker has not reported for IMPORT_HEARTBEAT_SECONDS."""
        from datetime import timedelta

        from django.utils import timezone

        if self.status not in (ImportStatus.CHECKING, ImportStatus.SAVING):
            return False
        last = self.heartbeat_at or self.created_at
        return timezone.now() - last > timedelta(seconds=settings.IMPORT_HEARTBEAT_SECONDS)

    @property
    def can_restart(self) -> bool:
        """A failed job whose file is still here can be started again."""
        return self.status == ImportStatus.FAILED and bool(self.data)

    @property
    def percent(self) -> int:
        if self.status == ImportStatus.DONE:
            return 100
        return round(100 * self.rows_done / self.rows_total) if self.rows_total else 0
