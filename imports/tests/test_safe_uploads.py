"""Uploads have limits and are checked before they are read (found by attack: an 83 KB xlsx of
300,000 rows cost 8 s and 124 MB; a 50 MB CSV was accepted and stored; the same extract was
imported twice; a killed worker left its job 'checking' for ever; a long import held SQLite's
write lock and other users got server errors)."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.utils import timezone
from openpyxl import Workbook

from conftest import login_client
from imports.files import ImportLimits, ImportRejected, TableFile
from imports.jobs import STALLED_MESSAGE, import_job_create
from imports.models import ImportJob, ImportStatus
from outcomes.models import StatusObservation
from outcomes.records_import import records_import

LIMITS = ImportLimits(max_bytes=1024 * 1024, max_rows=1000)


def _xlsx(rows: int) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["cpr", "dato", "status"])
    for _ in range(rows):
        sheet.append(["010108-4123", "2026-03-01", "job"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_small_xlsx_with_too_many_rows_is_refused_before_its_rows_are_read():
    data = _xlsx(5000)
    assert len(data) < 200_000
    with pytest.raises(ImportRejected, match="flere end 1.000 rækker"):
        TableFile("stor.xlsx", data, columns=["cpr", "dato", "status"], limits=LIMITS)


def test_a_file_over_the_size_limit_is_refused_with_a_message():
    with pytest.raises(ImportRejected, match="større end 1 MB"):
        TableFile("stor.csv", b"cpr;dato\n" + b"x" * 2_000_000, columns=["cpr"], limits=LIMITS)


def test_an_xlsx_that_unpacks_to_far_more_than_its_size_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "0" * (60 * 1024 * 1024))
    with pytest.raises(ImportRejected, match="udpakket"):
        TableFile("bombe.xlsx", buffer.getvalue(), columns=["cpr"], limits=LIMITS)


def test_the_header_is_checked_before_any_row():
    data = b"navn;alder\n" + b"x;1\n" * 10
    with pytest.raises(ImportRejected, match="Kolonnen mangler: cpr, dato"):
        TableFile("forkert.csv", data, columns=["cpr", "dato"], limits=LIMITS)


def test_an_upload_above_the_global_limit_is_refused_before_it_is_received(administrator, settings):
    settings.IMPORT_MAX_UPLOAD_MB = 1
    client = login_client(Client(), administrator)
    upload = SimpleUploadedFile("stor.csv", b"cpr;dato;status\n" + b"x" * 1_200_000)
    response = client.post("/registerudtraek/", {"kind": "status", "file": upload})
    assert response.status_code == 413
    assert "Filen er for stor" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_the_same_extract_twice_is_refused_unless_confirmed(administrator, young_person):
    data = b"cpr;dato;status\n010108-4123;01-03-2026;job\n"
    client = login_client(Client(), administrator)
    client.post("/registerudtraek/", {"kind": "status", "file": SimpleUploadedFile("a.csv", data)})
    job = ImportJob.objects.get()
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.DONE, saved=1)
    page = client.post(
        "/registerudtraek/", {"kind": "status", "file": SimpleUploadedFile("b.csv", data)}
    ).content.decode()
    assert "Præcis denne fil blev indlæst" in page and ImportJob.objects.count() == 1
    client.post(
        "/registerudtraek/",
        {"kind": "status", "file": SimpleUploadedFile("b.csv", data), "import_again": "on"},
    )
    assert ImportJob.objects.count() == 2


def test_a_job_whose_worker_died_shows_as_failed_and_can_be_started_again(administrator):
    job = import_job_create(
        by=administrator, kind="status", label="x", filename="a.csv", data=b"cpr;dato;status\n"
    )
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportStatus.CHECKING, heartbeat_at=timezone.now() - timedelta(seconds=90)
    )
    client = login_client(Client(), administrator)
    page = client.get(f"/registerudtraek/{job.pk}/").content.decode()
    assert STALLED_MESSAGE in page and "Start importen igen" in page
    assert ImportJob.objects.get(pk=job.pk).status == ImportStatus.FAILED
    client.post(f"/registerudtraek/{job.pk}/", {"restart": "1"})
    assert ImportJob.objects.get(pk=job.pk).status != ImportStatus.FAILED


@pytest.mark.django_db(transaction=True)
def test_on_sqlite_a_large_import_commits_in_batches_and_shows_nothing_until_done(
    young_person, ssp_consultant, monkeypatch
):
    """Between batches no write lock is held, so others can write; the rows appear together."""
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's writers do not wait for each other")
    from imports import staging

    monkeypatch.setattr(staging, "BATCH", 1000)
    seen = []

    def progress(done, total):
        seen.append((connection.in_atomic_block, StatusObservation.objects.count()))

    data = "cpr;dato;status\n" + "010108-4123;01-03-2026;job\n" * 5000
    assert (
        records_import(
            by=ssp_consultant,
            kind="status",
            filename="a.csv",
            data=data.encode(),
            progress=progress,
        )
        == 5000
    )
    batches = seen[-5:]  # the heartbeats after each staged batch
    assert batches == [(False, 0)] * 5
    assert StatusObservation.objects.count() == 5000
