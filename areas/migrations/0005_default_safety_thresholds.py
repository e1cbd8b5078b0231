"""The two thresholds the municipality's reporting uses (seed 004 era): flag an area where
fewer than 85 % feel safe in their neighbourhood, or more than 10 % feel unsafe."""

from decimal import Decimal

from django.db import migrations


def forwards(apps, schema_editor):
    Threshold = apps.get_model("areas", "SafetyThreshold")
    Threshold.objects.get_or_create(
        name="Under 85 % trygge", defaults={"measure": "safe", "below": True, "percent": Decimal("85")}
    )
    Threshold.objects.get_or_create(
        name="Over 10 % utrygge",
        defaults={"measure": "unsafe", "below": False, "percent": Decimal("10")},
    )


class Migration(migrations.Migration):
    dependencies = [("areas", "0004_safety_thresholds")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
