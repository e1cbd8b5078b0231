"""The page of one background import: its progress bar, polled by HTMX until it finishes,
then the rows saved or the lines that were wrong. Each domain app checks who may see the
job and links back to its own import page."""

from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from imports.jobs import import_job_mark_stalled
from imports.models import ImportJob, ImportStatus


def import_job_page(
    request: HttpRequest, job: ImportJob, *, back_url: str, back_label: str
) -> HttpResponse:
    """The job's progress; a job whose worker stopped answering shows as failed, with a way
    to start it again (the caller handles that POST, since it knows the job's task)."""
    job = import_job_mark_stalled(job)
    waiting_long = (
        job.status == ImportStatus.QUEUED
        and timezone.now() - job.created_at > timedelta(minutes=QUEUED_TOO_LONG_MINUTES)
    )
    template = "imports/job.html#progress" if request.htmx else "imports/job.html"
    return render(
        request,
        template,
        {"job": job, "back_url": back_url, "back_label": back_label, "waiting_long": waiting_long},
    )


QUEUED_TOO_LONG_MINUTES = 5
