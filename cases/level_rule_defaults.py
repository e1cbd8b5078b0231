"""Default level rules. The seeds (002) say that for each level it is specified who is
responsible, which actions must start within which time and what defines the level — but
not the numbers. These are sensible defaults, clearly labelled, for an administrator to
change under 'Niveauregler'. Routing (local SSP committee for 1–2, coordination group for
3–4) follows Copenhagen's public description of SSP (DOMAIN.md section 6)."""

from accounts.roles import Role

DEFAULT_LEVEL_RULES = [
    (
        1,
        "Lokalt SSP-udvalg",
        Role.SSP_CONSULTANT,
        "Bekymrende adfærd uden kendt kriminalitet.",
        [
            ("Bekymringssamtale med den unge og forældrene", 14),
            ("Orientering af skole eller klub", 7),
        ],
    ),
    (
        2,
        "Lokalt SSP-udvalg",
        Role.SSP_CONSULTANT,
        "Første kendte lovovertrædelse.",
        [
            ("Samtale med den unge og forældrene, evt. sammen med politiet", 7),
            ("Vurdering af behov for underretning til Socialforvaltningen", 14),
        ],
    ),
    (
        3,
        "Koordinationsgruppe",
        Role.COORDINATOR,
        "Gentagen alvorlig kriminalitet.",
        [
            ("Behandling i koordinationsgruppen", 7),
            ("Handleplan med ansvarlige personer", 14),
            ("Vurdering af SSP+ for unge over 17½ år", 14),
        ],
    ),
    (
        4,
        "Koordinationsgruppe",
        Role.COORDINATOR,
        "Personfarlig kriminalitet (vold).",
        [
            ("Akut koordinationsmøde", 2),
            ("Sikkerhedsvurdering og handleplan", 7),
            ("Vurdering af interventionsteam for familien", 14),
        ],
    ),
]


def level_rules_load_defaults() -> None:
    """Create the default rules where a level has none; never overwrite a configured rule."""
    from cases.models import LevelRule, LevelRuleAction

    for level, body, role, characteristics, actions in DEFAULT_LEVEL_RULES:
        rule, created = LevelRule.objects.get_or_create(
            level=level,
            defaults={
                "handling_body": body,
                "responsible_role": role,
                "characteristics": characteristics,
            },
        )
        if created:
            for position, (title, days) in enumerate(actions, start=1):
                LevelRuleAction.objects.create(
                    rule=rule, title=title, deadline_days=days, position=position
                )
