"""The demo's register table for policy goal c (synthetic counts)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from policy_goals.demo import demo_crime_table_create


class Command(BaseCommand):
    help = "Indlæser demoens syntetiske registertabel for mål c (herkomst × social baggrund)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demodata indlæses kun med DEBUG=true.")
        analyst = User.objects.filter(username="analytiker").first()
        if analyst is None:
            raise CommandError("Kør load_demo_users først.")
        made = demo_crime_table_create(analyst)
        self.stdout.write(f"Registertabel for mål c (syntetisk): {made} celler.")
