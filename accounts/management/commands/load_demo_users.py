from base64 import b32encode

from django.core.management.base import BaseCommand, CommandError

from accounts.demo import DEMO_PASSWORD, DEMO_TOTP_KEY_HEX, demo_users_create


class Command(BaseCommand):
    help = "Opretter én demo-bruger pr. rolle (kun når DEBUG er slået til) og skriver logins ud."

    def handle(self, *args, **options):
        try:
            users = demo_users_create()
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"\nDemo-logins (adgangskode for alle: {DEMO_PASSWORD})")
        )
        for username, name, roles in users:
            self.stdout.write(
                f"  {username:<15} {name:<24} {', '.join(str(r.label) for r in roles)}"
            )
        secret = b32encode(bytes.fromhex(DEMO_TOTP_KEY_HEX)).decode()
        self.stdout.write(
            f"\n  admin bruger to-faktor: nøgle {secret} i en godkendelsesapp, eller få den aktuelle kode med\n"
            "  .venv/bin/sikkerby demo_totp_code\n"
        )
