"""The claims the test provider gives: name and e-mail, and the user's groups (Django groups
of the provider's own users) as the `groups` claim, as Entra ID or ADFS would."""

from oidc_provider.lib.claims import ScopeClaims


def userinfo(claims, user):
    claims["given_name"] = user.first_name
    claims["family_name"] = user.last_name
    claims["email"] = user.email
    claims["preferred_username"] = user.username
    return claims


class GroupsClaims(ScopeClaims):
    info_groups = ("Grupper", "Dine grupper i kommunen.")

    def scope_groups(self):
        return {"groups": list(self.user.groups.values_list("name", flat=True))}
