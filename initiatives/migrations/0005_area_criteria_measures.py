"""The seeds' area goals name what they measure in the safety index, so they can be computed
once a criterion is linked to an area: Tingbjerg/Husum's three, Amager's two."""

from django.db import migrations

MEASURES = [
    ("tingbjerg-husum-partnerskab", "Tingbjerg/Utterslevhuses beboere skal være mere trygge", "tryg,nat"),
    ("tingbjerg-husum-partnerskab", "Beboernes vurdering af trygheden i deres område i nattetimerne", "nat"),
    ("tingbjerg-husum-partnerskab", "Kriminaliteten i Tingbjerg/Utterslevhuse skal ned", "anmeldelser"),
    ("amager-partnerskab", "Tryghedssituationen, som målt gennem tryghedsindekset", "utryg"),
    ("amager-partnerskab", "Kriminaliteten i partnerskabsområdet skal nedbringes", "anmeldelser"),
]


def forwards(apps, schema_editor):
    SuccessCriterion = apps.get_model("initiatives", "SuccessCriterion")
    for slug, text, statuses in MEASURES:
        SuccessCriterion.objects.filter(
            initiative__slug=slug, text__startswith=text, kind="area_vs_city", statuses=""
        ).update(statuses=statuses)


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0004_criterion_area")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
