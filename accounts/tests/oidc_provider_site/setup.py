"""Prepare the test provider's database: a signing key, one staff user in two groups, and
Sikker By registered as a client with its callback. Run in the provider's own process."""

import sys


def provider_prepare(redirect_uris: list[str]) -> None:
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from oidc_provider.models import Client, ResponseType, RSAKey

    call_command("migrate", verbosity=0)
    if not RSAKey.objects.exists():
        call_command("creatersakey", verbosity=0)
    user, _ = User.objects.get_or_create(
        username="kk.sagsbehandler",
        defaults={"first_name": "Kamilla", "last_name": "Kommune", "email": "kamilla@kk.test"},
    )
    user.set_password("udbyder-kode-2026")
    user.save()
    for name in ("SSP-Nørrebro", "Alle-ansatte"):
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    client, _ = Client.objects.update_or_create(
        client_id="sikkerby",
        defaults={
            "name": "Sikker By",
            "client_type": "confidential",
            "client_secret": "test-hemmelighed",
            "jwt_alg": "RS256",
            "require_consent": False,
            "_redirect_uris": "\n".join(redirect_uris),
            "_scope": "openid email profile groups",
        },
    )
    client.response_types.set([ResponseType.objects.get_or_create(value="code")[0]])


if __name__ == "__main__":
    provider_prepare(sys.argv[1:])
