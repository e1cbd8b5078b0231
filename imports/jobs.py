"""Running an import as a background job: the worker reports progress while it checks the
rows (outside the saving transaction, so the page can read it), then saves every row or none."""

import hashlib
from collections.abc import Callable

from django.db.models import F
from django.utils import timezone

from imports.files import ImportRejected
from imports.models import ImportJob, ImportStatus

Progress = Callable[[int, int], None]
PROGRESS_STEPS = 50  # report about every 2 %


def import_job_progress(job_id: int) -> Progress:
    """A callback for an importer: (rows checked, rows in the file). Each report is also the
    worker's heartbeat."""

    def report(done: int, total: int) -> None:
        step = max(1, total // PROGRESS_STEPS)
        if done == total or done % step == 0:
            ImportJob.objects.filter(pk=job_id).update(
                rows_done=done,
                rows_total=total,
                status=ImportStatus.CHECKING,
                heartbeat_at=timezone.now(),
            )

    return report


def import_job_heartbeat(job_id: int, status: str = ImportStatus.SAVING) -> None:
    ImportJob.objects.filter(pk=job_id).update(status=status, heartbeat_at=timezone.now())


STALLED_MESSAGE = (
    "Indlæsningen stoppede, fordi arbejdsprocessen holdt op med at svare; intet er gemt. "
    "Start den igen."
)


def import_job_mark_stalled(job: ImportJob) -> ImportJob:
    """A running job whose worker stopped answering is failed, with a message; its file is
    kept so that it can be started again."""
    if job.is_stalled:
        ImportJob.objects.filter(pk=job.pk, status=job.status).update(
            status=ImportStatus.FAILED, finished_at=timezone.now(), errors=[[0, STALLED_MESSAGE]]
        )
        job.refresh_from_db()
    return job


def import_job_restart(job: ImportJob) -> bool:
    """Put a failed job back in the queue (the caller enqueues its task); False if it cannot."""
    if not job.can_restart:
        return False
    return bool(
        ImportJob.objects.filter(pk=job.pk, status=ImportStatus.FAILED).update(
            status=ImportStatus.QUEUED,
            rows_done=0,
            errors=[],
            finished_at=None,
            heartbeat_at=None,
        )
    )


def file_fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def earlier_import_of(kind: str, sha256: str) -> ImportJob | None:
    """The earlier import of exactly this file, if it was saved."""
    return (
        ImportJob.objects.filter(kind=kind, sha256=sha256, status=ImportStatus.DONE)
        .defer("data")
        .order_by("-finished_at")
        .first()
    )


def repeat_refusal(kind: str, data: bytes) -> str:
    """'' if the file has not been imported before, else why it is refused (the user may
    confirm that it is meant to be imported again)."""
    earlier = earlier_import_of(kind, file_fingerprint(data))
    if earlier is None:
        return ""
    when = timezone.localtime(earlier.finished_at or earlier.created_at)
    return (
        f"Præcis denne fil blev indlæst {when:%d.%m.%Y kl. %H:%M} af {earlier.created_by} "
        f"({earlier.saved} rækker). Sæt hak i «Indlæs den igen», hvis det er meningen."
    )


def import_job_create(
    *, by, kind: str, label: str, filename: str, data: bytes, parameters: dict | None = None
) -> ImportJob:
    return ImportJob.objects.create(
        kind=kind,
        label=label,
        filename=filename[:200],
        data=data,
        sha256=file_fingerprint(data),
        parameters=parameters or {},
        created_by=by,
    )


def import_done_record(*, by, kind: str, label: str, filename: str, data: bytes, saved: int):
    """A synchronous import (budget lines, survey answers) leaves the same trace as a
    background one, so that its file is recognised if it comes again."""
    now = timezone.now()
    return ImportJob.objects.create(
        kind=kind,
        label=label,
        filename=filename[:200],
        data=b"",
        sha256=file_fingerprint(data),
        status=ImportStatus.DONE,
        saved=saved,
        rows_done=saved,
        rows_total=saved,
        created_by=by,
        finished_at=now,
    )


def import_job_run(job_id: int, run: Callable[[ImportJob, Progress], int]) -> ImportJob:
    """Run `run(job, progress)` (which returns the rows saved or raises ImportRejected) and
    record the outcome. The file is dropped afterwards: the records hold what was in it."""
    job = ImportJob.objects.get(pk=job_id)
    import_job_heartbeat(job_id, ImportStatus.CHECKING)
    try:
        saved = run(job, import_job_progress(job_id))
    except ImportRejected as rejected:
        outcome = {
            "status": ImportStatus.REJECTED,
            "errors": [[e.line, e.message] for e in rejected.errors[:200]],
        }
    except Exception:
        ImportJob.objects.filter(pk=job_id).update(
            status=ImportStatus.FAILED, finished_at=timezone.now(), data=b""
        )
        raise
    else:
        outcome = {"status": ImportStatus.DONE, "saved": saved, "rows_done": F("rows_total")}
    ImportJob.objects.filter(pk=job_id).update(**outcome, finished_at=timezone.now(), data=b"")
    job.refresh_from_db()
    return job
