"""Running an import as a background job: the worker reports progress while it checks the
rows (outside the saving transaction, so the page can read it), then saves every row or none."""

from collections.abc import Callable

from django.db.models import F
from django.utils import timezone

from imports.files import ImportRejected
from imports.models import ImportJob, ImportStatus

Progress = Callable[[int, int], None]
PROGRESS_STEPS = 50  # report about every 2 %


def import_job_progress(job_id: int) -> Progress:
    """A callback for an importer: (rows checked, rows in the file)."""

    def report(done: int, total: int) -> None:
        step = max(1, total // PROGRESS_STEPS)
        if done == total or done % step == 0:
            ImportJob.objects.filter(pk=job_id).update(
                rows_done=done, rows_total=total, status=ImportStatus.CHECKING
            )

    return report


def import_job_run(job_id: int, run: Callable[[ImportJob, Progress], int]) -> ImportJob:
    """Run `run(job, progress)` (which returns the rows saved or raises ImportRejected) and
    record the outcome. The file is dropped afterwards: the records hold what was in it."""
    job = ImportJob.objects.get(pk=job_id)
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
