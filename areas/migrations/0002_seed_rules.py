"""The rule versions the seeds state (002): area designation until and from 1 January 2010,
and combined letting. Later versions of the law are added as new rows."""

from datetime import date
from decimal import Decimal

from django.db import migrations

SOURCE = "Socialudvalgets redegørelse for integrationspolitikkens mål 2010 (002)"


def forwards(apps, schema_editor):
    Designation = apps.get_model("areas", "DesignationRuleVersion")
    Letting = apps.get_model("areas", "LettingRuleVersion")
    Designation.objects.get_or_create(
        takes_effect=date(2000, 1, 1),
        defaults={
            "name": "Udsatte områder (Socialministeriet, indtil 2010)",
            "min_residents": 1200,
            "section_share_above": Decimal("50"),
            "source": SOURCE + "; gyldighedsstart ikke angivet i kilden",
        },
    )
    Designation.objects.get_or_create(
        takes_effect=date(2010, 1, 1),
        defaults={
            "name": "Områder hvor kombineret udlejning kan benyttes (fra 1. januar 2010)",
            "min_residents": 1000,
            "section_share_above": Decimal("40"),
            "source": SOURCE,
        },
    )
    Letting.objects.get_or_create(
        takes_effect=date(2000, 1, 1),
        defaults={
            "name": "Kombineret udlejning",
            "max_consecutive_months": 6,
            "benefits": "kontanthjælp,starthjælp,introduktionsydelse",
            "scheme_start": date(2005, 7, 1),
            "source": SOURCE + "; ordningens startdato er ikke angivet i kilden (antaget)",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("areas", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
