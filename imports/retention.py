"""How long uploaded files and import jobs are kept. An uploaded file (often a CPR extract)
is needed only until its import has run: one left behind by a job that never ran (no worker,
a worker that died) is dropped after IMPORT_FILE_RETENTION_HOURS, and its job marked failed.
The jobs themselves (counts and line-numbered reasons, never a CPR number) go with the
access log's period."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from audit.retention import RetentionPolicy, records_erase
from imports.models import FINISHED, ImportJob, ImportStatus


def files_left_behind():
    cutoff = timezone.now() - timedelta(hours=settings.IMPORT_FILE_RETENTION_HOURS)
    return ImportJob.objects.filter(created_at__lt=cutoff).exclude(data=b"").defer("data")


def file_drop(job: ImportJob) -> None:
    ImportJob.objects.filter(pk=job.pk).update(
        data=b"",
        status=ImportStatus.FAILED if job.status not in FINISHED else job.status,
        finished_at=job.finished_at or timezone.now(),
        errors=job.errors
        or [[0, "Filen blev slettet efter opbevaringsfristen, før den blev indlæst."]],
    )


def old_jobs():
    cutoff = timezone.now() - timedelta(days=settings.ACCESS_LOG_RETENTION_DAYS)
    return ImportJob.objects.filter(created_at__lt=cutoff, status__in=FINISHED).defer("data")


def policies() -> list[RetentionPolicy]:
    return [
        RetentionPolicy(
            label=f"Uploadede filer ældre end {settings.IMPORT_FILE_RETENTION_HOURS} timer",
            expired=files_left_behind,
            delete=file_drop,
        ),
        RetentionPolicy(
            label=f"Afsluttede importer ældre end {settings.ACCESS_LOG_RETENTION_DAYS} dage",
            expired=old_jobs,
            delete=lambda job: records_erase([job]),
        ),
    ]
