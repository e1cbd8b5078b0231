from django.core.management.base import BaseCommand

from cases.actions import referrals_escalate


class Command(BaseCommand):
    help = "Eskalerer henvisninger, der er ubesvarede efter svarfristen (kør dagligt fra cron)."

    def handle(self, *args, **options):
        self.stdout.write(f"Eskalerede {referrals_escalate()} ubesvarede henvisninger.")
