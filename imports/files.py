"""Reading the spreadsheets municipal staff actually have: Danish Excel CSV (semicolons,
decimal commas, cp1252 or UTF-8 with BOM) and .xlsx. Every row keeps its line number so an
import can reject a file with the exact line and reason.
"""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from openpyxl import load_workbook


@dataclass(frozen=True)
class Row:
    line: int
    values: dict[str, str]


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"Linje {self.line}: {self.message}"


class ImportRejected(Exception):
    """The file was rejected whole; nothing was saved."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors[:5]))


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) if it decodes, else cp1252 (Excel's Danish default)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _normalise_header(name: str) -> str:
    return name.strip().lower()


def read_csv(data: bytes) -> list[Row]:
    text = decode_text(data)
    if not text.strip():
        raise ImportRejected([RowError(1, "Filen er tom.")])
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [_normalise_header(h) for h in next(reader)]
    rows = []
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(header):
            raise ImportRejected(
                [
                    RowError(
                        line,
                        f"Linjen har {len(values)} felter, men overskriften har {len(header)}.",
                    )
                ]
            )
        rows.append(
            Row(line=line, values={h: v.strip() for h, v in zip(header, values, strict=False)})
        )
    return rows


def read_xlsx(data: bytes) -> list[Row]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ImportRejected(
            [RowError(1, f"Filen kan ikke læses som Excel (.xlsx): {error}")]
        ) from error
    sheet = workbook.worksheets[0]
    rows_iter = sheet.iter_rows(values_only=True)
    try:
        header = [_normalise_header(str(h or "")) for h in next(rows_iter)]
    except StopIteration:
        raise ImportRejected([RowError(1, "Filen er tom.")]) from None
    rows = []
    for line, values in enumerate(rows_iter, start=2):
        if not any(v not in (None, "") for v in values):
            continue
        rows.append(
            Row(
                line=line,
                values={h: _cell_text(v) for h, v in zip(header, values, strict=False) if h},
            )
        )
    return rows


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value).replace(".", ",") if value % 1 else str(int(value))
    return str(value).strip()


def read_table_file(filename: str, data: bytes) -> list[Row]:
    if filename.lower().endswith(".xlsx"):
        return read_xlsx(data)
    return read_csv(data)


def parse_danish_decimal(text: str) -> Decimal:
    """'1.234,5' -> 1234.5; '1234.5' and '1234,5' are read too. Raises ValueError with a Danish message."""
    cleaned = (
        text.strip().replace(" ", "").replace("\u00a0", "").replace("kr.", "").replace("kr", "")
    )
    if not cleaned:
        raise ValueError("tallet mangler")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif cleaned.count(".") > 1:
        cleaned = cleaned.replace(".", "")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"'{text}' er ikke et tal") from None


def parse_danish_date(text: str) -> date:
    """'24-12-2026', '24.12.2026', '24/12/2026' or ISO '2026-12-24'. Raises ValueError in Danish."""
    cleaned = text.strip()
    for pattern in ("%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"'{cleaned}' er ikke en dato (skriv dd-mm-åååå)")
