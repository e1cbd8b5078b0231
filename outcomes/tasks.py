"""Background tasks of the outcomes part (run by `sikkerby db_worker`)."""

from django.tasks import task

from imports.jobs import import_job_run
from outcomes.records_import import records_import


@task()
def records_import_task(job_id: int) -> int:
    """Import a job-centre or police extract uploaded on the import page, with progress."""
    job = import_job_run(
        job_id,
        lambda job, progress: records_import(
            by=job.created_by,
            kind=job.kind,
            filename=job.filename,
            data=bytes(job.data),
            progress=progress,
        ),
    )
    return job.saved
