"""The synthetic demo population (only with DEBUG on); see cases/demo_population.py."""

from django.core.management.base import BaseCommand, CommandError

from cases.demo_population import demo_population_create
from cases.models import Phase
from people.models import Person


class Command(BaseCommand):
    help = "Opretter en syntetisk demo-befolkning med SSP-sager og interventionsfamilier (kun med DEBUG)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--unge",
            type=int,
            default=2000,
            dest="young_people",
            help="antal unge med en SSP-sag (standard 2.000)",
        )

    def handle(self, *args, young_people: int, **options):
        if Person.objects.filter(is_synthetic=True).exists():
            self.stdout.write("Demo-befolkningen findes allerede.")
            return
        try:
            made = demo_population_create(young_people=young_people)
        except (RuntimeError, ValueError) as error:
            raise CommandError(str(error)) from error
        levels = ", ".join(
            f"niveau {level}: {made.cases_by_level[level]}" for level in (1, 2, 3, 4)
        )
        phases = ", ".join(f"{Phase(p).label}: {n}" for p, n in made.courses_by_phase.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Syntetisk demo-befolkning (ingen af personerne findes): {made.young_people} unge, "
                f"{made.persons} personer i {made.households} familier.\n"
                f"  SSP-sager – {levels}; heraf lukkede: {made.closed_cases}. "
                f"Åbne opgaver: {made.open_tasks} (overskredne: {made.overdue_tasks}).\n"
                f"  SSP+-planer: {made.ssp_plus_plans}. Henvisninger: {sum(made.referrals.values())}. "
                f"Interventionsfamilier – {phases}.\n"
                f"  Deltagelser i indsatser: {made.outcomes.participations}, statusobservationer: "
                f"{made.outcomes.observations}, opfølgninger: {made.outcomes.follow_ups}, "
                f"politiregistreringer: {made.outcomes.crime_events}."
            )
        )
