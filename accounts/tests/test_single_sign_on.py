import subprocess
import sys


def test_setting_an_oidc_client_turns_on_the_municipal_login():
    env = {
        "DJANGO_SETTINGS_MODULE": "sikkerby.settings",
        "PATH": "/usr/bin:/bin",
        "SIKKERBY_TESTING": "true",
        "OIDC_RP_CLIENT_ID": "sikkerby",
        "OIDC_RP_CLIENT_SECRET": "x",
        "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://login.example/auth",
        "OIDC_OP_TOKEN_ENDPOINT": "https://login.example/token",
        "OIDC_OP_USER_ENDPOINT": "https://login.example/userinfo",
    }
    code = (
        "import django; django.setup(); from django.conf import settings; from django.urls import reverse;"
        "print('mozilla_django_oidc.auth.OIDCAuthenticationBackend' in settings.AUTHENTICATION_BACKENDS);"
        "print(reverse('oidc_authentication_init'))"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "/oidc/authenticate/"]
