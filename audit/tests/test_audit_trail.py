from django.test import Client

from conftest import login_client
from initiatives.models import Initiative


def test_an_administrator_searches_and_exports_the_audit_trail(administrator, bif_owner):
    owner = login_client(Client(), bif_owner)
    initiative = Initiative.objects.get(slug="vink")
    owner.post(
        "/indsatser/vink/rediger/",
        {
            "version": 1,
            "name": "VINK – Viden*Inklusion*København",
            "kind": "city_wide",
            "owning_departments": [d.pk for d in initiative.owning_departments.all()],
            "capacity_note": "ny note",
        },
    )
    admin = login_client(Client(), administrator)
    page = admin.get("/revision/?who=bif_owner").content.decode()
    assert "initiative.update" in page and "ny note" in page
    assert "catalogue.load_reference" not in page
    export = admin.get("/revision/?who=bif_owner&format=csv")
    assert export["Content-Type"].startswith("text/csv")
    assert "initiative.update" in export.content.decode("utf-8-sig")
