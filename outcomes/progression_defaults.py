"""The progression instrument's default parameters. Seed 002 names six ('fx personlig trivsel,
familierelationer, skolefravær, faglig udvikling, venskaber og kriminalitet') of ten; the
other four are what a municipality would typically add, labelled as defaults for an
administrator to change. Every parameter is scored 1–10 with 10 the best."""

DEFAULT_PARAMETERS = [
    ("Personlig trivsel", "Trives godt og har det godt med sig selv", True),
    ("Familierelationer", "Stabile, støttende relationer i familien", True),
    ("Skolefravær", "Intet ulovligt fravær", True),
    ("Faglig udvikling", "Følger med fagligt i skole eller uddannelse", True),
    ("Venskaber", "Har venner uden for kriminelle miljøer", True),
    ("Kriminalitet", "Ingen kriminalitet", True),
    ("Fritid", "Deltager fast i en organiseret fritidsaktivitet eller et fritidsjob", False),
    ("Rusmidler", "Intet misbrug af alkohol eller stoffer", False),
    ("Bolig og hverdag", "Stabil bolig og en hverdag med struktur", False),
    ("Tilknytning til uddannelse og job", "I uddannelse eller job, eller tæt på det", False),
]


def progression_parameters_load_defaults(parameter_model) -> None:
    """Create the defaults when no parameter exists yet (never overwrite a configuration)."""
    if parameter_model.objects.exists():
        return
    for position, (name, description, from_seed) in enumerate(DEFAULT_PARAMETERS, start=1):
        parameter_model.objects.create(
            name=name,
            description=description,
            position=position,
            is_default=True,
            from_seed=from_seed,
        )
