"""`sikkerby report budget --from 2009 --to 2012 --format json|csv|xlsx|pdf`"""

import sys

from django.core.management.base import BaseCommand, CommandError

from initiatives.models import MAX_YEAR, MIN_YEAR, SourceTable
from reports import exports
from reports.views import budget_export_for


class Command(BaseCommand):
    help = "Danner rapporter fra kommandolinjen, f.eks. budgettabellen."

    def add_arguments(self, parser):
        parser.add_argument("report", choices=["budget"])
        parser.add_argument("--from", dest="first", type=int, default=2009)
        parser.add_argument("--to", dest="last", type=int, default=2012)
        parser.add_argument(
            "--format", dest="fmt", choices=sorted(exports.CONTENT_TYPES), default="json"
        )
        parser.add_argument(
            "--by",
            dest="view",
            choices=["initiative", "department", "source"],
            default="initiative",
        )
        parser.add_argument(
            "--table", dest="table_key", default="", help="En kildetabel, f.eks. 003-tabel-1"
        )
        parser.add_argument(
            "--output", "-o", default="-", help="Fil at skrive til (- er standardoutput)"
        )

    def handle(self, *args, report, first, last, fmt, view, table_key, output, **options):
        if not (MIN_YEAR <= first <= last <= MAX_YEAR):
            raise CommandError(
                f"Årene skal ligge mellem {MIN_YEAR} og {MAX_YEAR}, og --from før --to."
            )
        if table_key and not SourceTable.objects.filter(key=table_key).exists():
            known = ", ".join(SourceTable.objects.values_list("key", flat=True))
            raise CommandError(f"Ukendt kildetabel '{table_key}'. Kendte: {known}")
        content = exports.budget_export(
            budget_export_for(view=view, first=first, last=last, table_key=table_key), fmt
        )
        if output == "-":
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
        else:
            with open(output, "wb") as handle:
                handle.write(content)
            self.stderr.write(f"Skrev {len(content)} bytes til {output}")
