from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp

from accounts.demo import DEMO_TOTP_KEY_HEX


class Command(BaseCommand):
    help = (
        "Skriver den aktuelle to-faktor-kode for demo-administratoren (kun når DEBUG er slået til)."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Kun i demo (DEBUG).")
        self.stdout.write(f"{totp(bytes.fromhex(DEMO_TOTP_KEY_HEX)):06d}")
