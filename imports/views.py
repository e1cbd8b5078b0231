"""The page of one background import: its progress bar, polled by HTMX until it finishes,
then the rows saved or the lines that were wrong. Each domain app checks who may see the
job and links back to its own import page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from imports.models import ImportJob


def import_job_page(
    request: HttpRequest, job: ImportJob, *, back_url: str, back_label: str
) -> HttpResponse:
    template = "imports/job.html#progress" if request.htmx else "imports/job.html"
    return render(request, template, {"job": job, "back_url": back_url, "back_label": back_label})
