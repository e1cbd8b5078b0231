"""An administrator uploads a register extract; the worker imports it in the background
while the job page shows its progress, then the rows saved or the lines that were wrong."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_tasks_db.models import DBTaskResult

from conftest import login_client
from imports.models import ImportJob
from outcomes.models import StatusObservation
from outcomes.tasks import records_import_task


def _csv(cprs: list[str], status: str = "I job") -> bytes:
    lines = ["cpr;dato;status"] + [f"{c};03-02-2026;{status}" for c in cprs]
    return "\r\n".join(lines).encode("cp1252")


def _upload(client, data: bytes):
    return client.post(
        "/registerudtraek/",
        {"kind": "status", "file": SimpleUploadedFile("jobcenter.csv", data)},
    )


def _work() -> None:
    """What the worker does: run each queued task. (The db_worker command itself closes the
    database connection, which would end the test's transaction; the browser test runs it.)"""
    for queued in DBTaskResult.objects.filter(status="READY"):
        assert queued.task_path == "outcomes.tasks.records_import_task"
        records_import_task.call(*queued.args_kwargs["args"])


def test_an_extract_is_queued_then_imported_by_the_worker(young_person, administrator):
    client = login_client(Client(), administrator)
    cprs = ["010108-4123"] * 30
    response = _upload(client, _csv(cprs))
    job = ImportJob.objects.get()
    assert response.url == f"/registerudtraek/{job.pk}/"
    assert "Venter på at blive indlæst" in client.get(response.url).content.decode()
    _work()
    job.refresh_from_db()
    assert (job.status, job.saved, job.percent, job.data) == ("done", len(cprs), 100, b"")
    assert StatusObservation.objects.filter(status="job").count() == len(cprs)
    # An htmx poll gets only the progress fragment, and a finished job stops polling.
    fragment = client.get(response.url, HTTP_HX_REQUEST="true").content.decode()
    assert fragment.lstrip().startswith('<div id="import-progress"') and "hx-get" not in fragment


def test_a_bad_row_rejects_the_file_with_its_line_and_nothing_is_saved(young_person, administrator):
    client = login_client(Client(), administrator)
    data = _csv(["010108-4123"]) + b"\r\n010108-4123;03-02-2026;Bogus"
    _upload(client, data)
    _work()
    job = ImportJob.objects.get()
    assert job.status == "rejected" and job.errors[0][0] == 3
    assert not StatusObservation.objects.exists()
    assert "Linje 3:" in client.get(f"/registerudtraek/{job.pk}/").content.decode()


def test_only_administrators_import_extracts(ssp_consultant, analyst):
    for user in (ssp_consultant, analyst):
        assert login_client(Client(), user).get("/registerudtraek/").status_code == 403
