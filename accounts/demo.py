"""Demo logins, one per role, for `make run`. Never for production: the password is public."""

from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Department, RoleAssignment, Unit, User
from accounts.roles import Role

DEMO_PASSWORD = "demo-Sikker-By-2026"
# The RFC 6238 test key ("12345678901234567890"): obviously not a real secret.
DEMO_TOTP_KEY_HEX = "3132333435363738393031323334353637383930"

DEMO_USERS = [
    ("admin", "Anne Administrator", "ØKF", "Sikker By-sekretariatet", [Role.ADMINISTRATOR]),
    (
        "ejer.bif",
        "Bo Indsatsejer",
        "BIF",
        "Jobcenter København – Unge / Krimiteamet",
        [Role.INITIATIVE_OWNER],
    ),
    (
        "ejer.sof",
        "Sara Indsatsejer",
        "SOF",
        "Socialforvaltningen, Center for Udsatte Børn og Unge",
        [Role.INITIATIVE_OWNER],
    ),
    ("ssp", "Sami SSP-konsulent", "BUF", "Skoler og klubber", [Role.SSP_CONSULTANT]),
    (
        "koordinator",
        "Karin Koordinator",
        "SOF",
        "Lokale socialcentre (koordinatorer for interventionsteam)",
        [Role.COORDINATOR],
    ),
    (
        "sagsbehandler",
        "Jonas Sagsbehandler",
        "BIF",
        "Jobcenter København – Unge / Krimiteamet",
        [Role.CASEWORKER],
    ),
    ("analytiker", "Alma Analytiker", "ØKF", "Sikker By-sekretariatet", [Role.ANALYST]),
    ("udvalg", "Ulla Udvalgslæser", "ØKF", "Sikker By-sekretariatet", [Role.COMMITTEE_READER]),
    (
        "leder.sof",
        "Lene Forvaltningsleder",
        "SOF",
        "Lokale socialcentre (koordinatorer for interventionsteam)",
        [Role.DEPARTMENT_LEADER],
    ),
    (
        "dpo",
        "Dorte Databeskyttelsesrådgiver",
        "ØKF",
        "Sikker By-sekretariatet",
        [Role.DATA_PROTECTION_OFFICER],
    ),
]


@transaction.atomic
def demo_users_create() -> list[tuple[str, str, list[Role]]]:
    if not settings.DEBUG:
        raise RuntimeError(
            "Demo-logins oprettes kun, når DEBUG er slået til (aldrig i produktion)."
        )
    created = []
    for username, name, department_code, unit_name, roles in DEMO_USERS:
        department = Department.objects.get(code=department_code)
        unit = Unit.objects.get(department=department, name=unit_name)
        first, last = name.split(" ", 1)
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "department": department,
                "unit": unit,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        for role in roles:
            RoleAssignment.objects.get_or_create(user=user, role=role)
        if user.needs_second_factor():
            TOTPDevice.objects.update_or_create(
                user=user,
                name="Demo-godkendelsesapp",
                defaults={"key": DEMO_TOTP_KEY_HEX, "confirmed": True},
            )
        created.append((username, name, roles))
    return created
