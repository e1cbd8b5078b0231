"""The demo's committee history (run after load_demo_areas)."""

from django.core.management.base import BaseCommand

from reports.demo import demo_presentations_create


class Command(BaseCommand):
    help = "Forelægger demoens syntetiske tryghedsundersøgelser for BIU, ØU og BR (demo)."

    def handle(self, *args, **options):
        made = demo_presentations_create()
        self.stdout.write(f"Forelæggelser af tryghedsundersøgelser (syntetiske): {made}.")
