from django.core.management.base import BaseCommand

from evidence.simulation import SCENARIOS, scenario_report, validation_table


class Command(BaseCommand):
    help = "Validate the effect estimator on simulated datasets with planted effects."

    def add_arguments(self, parser):
        parser.add_argument("--datasets", type=int, default=200)

    def handle(self, *args, datasets: int, **options):
        reports = [scenario_report(s, datasets=datasets) for s in SCENARIOS]
        self.stdout.write(validation_table(reports))
