from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from accounts.models import User
from evidence.demo import demo_registers_create
from outcomes.models import ObservationSource, StatusObservation


class Command(BaseCommand):
    help = "Load the demo's synthetic job-centre and police register extracts (DEBUG only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo-registrene indlæses kun, når DEBUG er slået til.")
        if StatusObservation.objects.filter(source=ObservationSource.JOB_CENTRE).exists():
            self.stdout.write("Registerudtrækkene findes allerede.")
            return
        by = User.objects.get(username="sagsbehandler")
        statuses, crimes = demo_registers_create(today=timezone.localdate(), by=by)
        self.stdout.write(
            f"Registerudtræk (syntetiske): {statuses} jobcenterstatusser, "
            f"{crimes} politiregistreringer."
        )
