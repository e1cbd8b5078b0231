"""The roles a user may hold, with their meaning in plain Danish.

Roles are plain values, not Django groups: what a role may do is written once, in
`accounts/permissions.py`, and a user may hold several roles.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    INITIATIVE_OWNER = "initiative_owner", _("Indsatsejer")
    SSP_CONSULTANT = "ssp_consultant", _("SSP-konsulent")
    COORDINATOR = "coordinator", _("Koordinator")
    CASEWORKER = "caseworker", _("Sagsbehandler")
    ANALYST = "analyst", _("Analytiker")
    COMMITTEE_READER = "committee_reader", _("Udvalgslæser")
    DEPARTMENT_LEADER = "department_leader", _("Forvaltningsleder")
    DATA_PROTECTION_OFFICER = "data_protection_officer", _("Databeskyttelsesrådgiver")


# Roles whose sessions need a verified second factor (TOTP): they administer the system or
# read who used which person's data.
SECOND_FACTOR_ROLES = frozenset({Role.ADMINISTRATOR, Role.DATA_PROTECTION_OFFICER})


ROLE_MEANINGS: dict[str, str] = {
    Role.ADMINISTRATOR: _(
        "Administrerer systemet: brugere, roller, regler og revisionsspor. Logger ind med "
        "to-faktor-kode. Kan rette alle indsatser, men ser kun personer, når der er et "
        "konkret administrativt behov, og det bliver logget."
    ),
    Role.INITIATIVE_OWNER: _(
        "Ejer en eller flere indsatser i sin forvaltning: holder beskrivelse, økonomi, "
        "succeskriterier og status ajour og indberetter opgjorte tal. Kan kun rette "
        "indsatser, som hans eller hendes egen forvaltning ejer."
    ),
    Role.SSP_CONSULTANT: _(
        "Arbejder med SSP-enkeltsager i sit distrikt: opretter sager, vurderer niveau og "
        "sætter handlinger i gang. Ser kun de unge, der har en sag i distriktet."
    ),
    Role.COORDINATOR: _(
        "Koordinerer et interventionsteam omkring en familie: sammensætter teamet på "
        "tværs af forvaltninger, fordeler opgaver og følger op. Ser kun sine egne familier."
    ),
    Role.CASEWORKER: _(
        "Sagsbehandler i en forvaltning: løser sine opgaver i de sager, han eller hun er "
        "tilknyttet, og besvarer henvisninger til sin enhed. Ser kun egne sager."
    ),
    Role.ANALYST: _(
        "Analyserer udvikling og effekt: ser tal og tabeller for hele byen, men aldrig "
        "enkeltpersoner. Små tal (under 5) er altid skjult."
    ),
    Role.COMMITTEE_READER: _(
        "Læser til et politisk udvalg: kan læse og eksportere kataloget, budgetter og "
        "rapporter, men kan ikke ændre noget og ser aldrig enkeltpersoner."
    ),
    Role.DEPARTMENT_LEADER: _(
        "Leder i en forvaltning: ser de sager, hvor en medarbejder fra forvaltningen er med, "
        "og de interventionsforløb, forvaltningens koordinatorer leder, samt oversigter for "
        "hele byen. Opretter og ændrer ikke selv sager; hvert opslag bliver logget."
    ),
    Role.DATA_PROTECTION_OFFICER: _(
        "Kommunens databeskyttelsesrådgiver: gennemser adgangsloggen (hvem har brugt hvilke "
        "personers oplysninger, hvornår og hvorfor, administratorernes opslag med), eksporterer "
        "den og besvarer indsigtsanmodninger. Ser aldrig selve sagerne. Logger ind med "
        "to-faktor-kode."
    ),
}
