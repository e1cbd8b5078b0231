"""The 10 districts, the seeds' housing areas and their synthetic yearly figures."""

from django.core.management.base import BaseCommand

from areas.demo import demo_areas_create


class Command(BaseCommand):
    help = "Indlæser bydele, kildernes boligområder og syntetiske årstal for dem (demo)."

    def handle(self, *args, **options):
        from initiatives.reference_catalogue import area_goals_link

        made = demo_areas_create()
        linked = area_goals_link()
        self.stdout.write(
            f"Bydele: {made.districts}, boligområder: {made.housing_areas}, "
            f"årstal (syntetiske): {made.figures}, "
            f"tryghedsbesvarelser (syntetiske): {made.survey_responses}, "
            f"tryghedsindeksdistrikter: {made.safety_index_areas}, "
            f"områdemål koblet til en bydel: {linked}."
        )
