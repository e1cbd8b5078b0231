"""Job-centre and police extracts in Danish Excel CSV: matched by CPR, all or nothing, each bad
line named with its reason and never with the CPR number."""

import pytest

from imports.files import ImportRejected
from outcomes.models import CrimeEvent, StatusObservation
from outcomes.records_import import records_import


def test_a_cp1252_semicolon_file_is_imported_by_cpr(young_person, ssp_consultant):
    data = "CPR;Dato;Status\n010108-4123;15-03-2026;I uddannelse\n0101084123;2026-06-01;job\n"
    count = records_import(
        by=ssp_consultant, kind="status", filename="jobcenter.csv", data=data.encode("cp1252")
    )
    assert count == 2
    assert sorted(StatusObservation.objects.values_list("status", flat=True)) == [
        "education",
        "job",
    ]


def test_one_bad_line_rejects_the_file_and_saves_nothing(young_person, ssp_consultant):
    data = (
        "\ufeffcpr;dato;hændelse;kategori\n"
        "010108-4123;01-02-2026;Sigtelse;Narkotika\n"
        "010108-4123;31-02-2026;dom;vold\n"
        "020202-1234;01-02-2026;dom;property\n"
        "010108-4123;01-02-2026;bøde;other\n"
    ).encode("utf-8")
    with pytest.raises(ImportRejected) as rejected:
        records_import(by=ssp_consultant, kind="kriminalitet", filename="politi.csv", data=data)
    messages = [str(e) for e in rejected.value.errors]
    assert messages[0].startswith("Linje 3: '31-02-2026' er ikke en dato")
    assert messages[1] == "Linje 4: ingen person i Sikker By har dette CPR-nummer"
    assert messages[2] == "Linje 5: ukendt hændelse 'bøde'"
    assert not any("020202" in m or "010108" in m for m in messages)
    assert not CrimeEvent.objects.exists()
