"""Seed 002's table 'Ændring i antal og andel personer på overførselsindkomst efter
områdetype og flyttemønster 2006-2008' comes out of the system, figure for figure, from a
test extract that yields it."""

from decimal import Decimal
from pathlib import Path

import pytest

from areas.transfer_income import figures_for, transfer_income_import, transfer_income_table
from imports.files import ImportRejected

EXTRACT = Path(__file__).parent.parent / "reference" / "overfoerselsindkomst-2006-2008.csv"
# (area type, net moving, dwellings not emptied, total, change in share in points) as printed
SEED_002 = [
    ("Tingbjerg m.v.", -69, -155, -224, "-5.9"),
    ("Øvrige udsatte", -40, -301, -341, "-8.3"),
    ("Højrisiko", -283, -751, -1034, "-7.2"),
    ("Risiko", 166, -1005, -839, "-2.8"),
    ("Neutral", 290, -630, -340, "-2.0"),
    ("Alle", 64, -2842, -2778, "-3.9"),
]


def test_the_2006_2008_table_of_seed_002_comes_out_figure_for_figure(db, analyst):
    saved = transfer_income_import(
        by=analyst, start=2006, end=2008, filename=EXTRACT.name, data=EXTRACT.read_bytes()
    )
    assert saved == 20
    table = transfer_income_table(figures_for(2006, 2008), 2006, 2008)
    assert [(r.area_type, r.net_moving, r.not_emptied, r.total, r.share_points) for r in table] == [
        (a, m, n, t, Decimal(p)) for a, m, n, t, p in SEED_002
    ]


def test_a_year_outside_the_period_rejects_the_extract_with_its_line(db, analyst):
    data = EXTRACT.read_bytes() + "Neutral;totaltømte;2009;10;1\r\n".encode("cp1252")
    with pytest.raises(ImportRejected) as rejected:
        transfer_income_import(by=analyst, start=2006, end=2008, filename="x.csv", data=data)
    assert str(rejected.value.errors[0]) == "Linje 22: året 2009 ligger ikke i perioden 2006–2008"
    assert figures_for(2006, 2008) == []
