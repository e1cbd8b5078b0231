"""Reading the spreadsheets municipal staff actually have: Danish Excel CSV (semicolons,
decimal commas, cp1252 or UTF-8 with BOM) and .xlsx. Every row keeps its line number so an
import can reject a file with the exact line and reason.
"""

import csv
import io
import zipfile
from collections.abc import Iterator, Sequence
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


@dataclass(frozen=True)
class ImportLimits:
    """What one kind of import accepts: the file's size and its number of rows."""

    max_bytes: int
    max_rows: int

    @property
    def max_megabytes(self) -> int:
        return self.max_bytes // (1024 * 1024)


def import_limits(kind: str) -> ImportLimits:
    """The limits for a kind of import (settings.IMPORT_LIMITS, in MB and rows)."""
    from django.conf import settings

    megabytes, rows = settings.IMPORT_LIMITS.get(kind, settings.IMPORT_LIMITS["default"])
    return ImportLimits(max_bytes=megabytes * 1024 * 1024, max_rows=rows)


def upload_size_refusal(size: int, limits: ImportLimits) -> str:
    """'' when a file of `size` bytes may be imported, else the Danish reason."""
    if size > limits.max_bytes:
        return f"Filen er større end {limits.max_megabytes} MB og kan ikke indlæses."
    if size == 0:
        return "Filen er tom."
    return ""


# An xlsx is a zip: a few kilobytes can unpack to gigabytes (a "zip bomb"). The unpacked
# size is checked before any sheet is read.
XLSX_MAX_UNPACKED_FACTOR = 40


def _xlsx_unpacked_refusal(data: bytes, limits: ImportLimits) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        return "Filen kan ikke læses som Excel (.xlsx)."
    if unpacked > limits.max_bytes * XLSX_MAX_UNPACKED_FACTOR:
        return "Excel-filen fylder for meget udpakket og kan ikke indlæses."
    return ""


class TableFile:
    """An uploaded table (Danish Excel CSV or .xlsx), checked before its rows are read: size,
    unpacked size, the header (every required column present) and the number of rows. The
    rows are then read one at a time, each with its line number; iterating again reads the
    file again (importers that look up something for all rows first go twice)."""

    def __init__(
        self,
        filename: str,
        data: bytes,
        *,
        columns: Sequence[str],
        limits: ImportLimits,
        optional: Sequence[str] = (),
    ):
        self.filename, self.data, self.limits = filename, data, limits
        self.is_xlsx = filename.lower().endswith(".xlsx")
        refusal = upload_size_refusal(len(data), limits)
        if not refusal and self.is_xlsx:
            refusal = _xlsx_unpacked_refusal(data, limits)
        if refusal:
            raise ImportRejected([RowError(1, refusal)])
        self.header, self.total = self._header_and_total()
        missing = [c for c in columns if c not in self.header and c not in optional]
        if missing:
            raise ImportRejected(
                [
                    RowError(
                        1,
                        f"Kolonnen mangler: {', '.join(missing)}. Forventet: {';'.join(columns)}",
                    )
                ]
            )
        if self.total > limits.max_rows:
            raise ImportRejected([self._too_many_rows()])
        if self.total == 0:
            raise ImportRejected([RowError(1, "Filen indeholder ingen rækker.")])

    def _too_many_rows(self) -> RowError:
        return RowError(
            1,
            f"Filen har flere end {self.limits.max_rows:,} rækker; del den op.".replace(",", "."),
        )

    def _header_and_total(self) -> tuple[list[str], int]:
        if self.is_xlsx:
            sheet = _first_sheet(self.data)
            try:
                header = next(sheet.iter_rows(values_only=True, max_row=1))
            except StopIteration:
                raise ImportRejected([RowError(1, "Filen er tom.")]) from None
            # The sheet's stated size, or (not every program states it) its rows counted in
            # the sheet's XML without reading any cell. A size that lies is caught while
            # the rows are read: no more than the limit is ever read.
            total = (sheet.max_row or _xlsx_rows_counted(sheet)) - 1
            return [_normalise_header(str(h or "")) for h in header], total
        text = decode_text(self.data)
        if not text.strip():
            raise ImportRejected([RowError(1, "Filen er tom.")])
        first_line = text.splitlines()[0]
        self._delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
        header = next(csv.reader([first_line], delimiter=self._delimiter))
        lines = sum(1 for line in text.splitlines()[1:] if line.strip())
        return [_normalise_header(h) for h in header], lines

    def __len__(self) -> int:
        return self.total

    def __iter__(self) -> Iterator[Row]:
        rows = self._xlsx_rows() if self.is_xlsx else self._csv_rows()
        for count, row in enumerate(rows, start=1):
            if count > self.limits.max_rows:
                raise ImportRejected([self._too_many_rows()])
            yield row

    def _csv_rows(self) -> Iterator[Row]:
        reader = csv.reader(io.StringIO(decode_text(self.data)), delimiter=self._delimiter)
        next(reader)
        width = len(self.header)
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            if len(values) > width:
                raise ImportRejected(
                    [
                        RowError(
                            reader.line_num,
                            f"Linjen har {len(values)} felter, men overskriften har {width}.",
                        )
                    ]
                )
            yield Row(
                line=reader.line_num,
                values={h: v.strip() for h, v in zip(self.header, values, strict=False)},
            )

    def _xlsx_rows(self) -> Iterator[Row]:
        rows = _first_sheet(self.data).iter_rows(values_only=True, min_row=2)
        for line, values in enumerate(rows, start=2):
            if not any(v not in (None, "") for v in values):
                continue
            yield Row(
                line=line,
                values={h: _cell_text(v) for h, v in zip(self.header, values, strict=False) if h},
            )


def _xlsx_rows_counted(sheet) -> int:
    """The number of <row> elements in a read-only sheet's XML, streamed in blocks."""
    count, tail = 0, b""
    with sheet._get_source() as source:  # openpyxl's own way to the sheet's XML part
        while block := source.read(1 << 20):
            chunk = tail + block
            count += chunk.count(b"<row ") + chunk.count(b"<row>")
            tail = chunk[-5:]
            count -= tail.count(b"<row ") + tail.count(b"<row>")
    return count + tail.count(b"<row ") + tail.count(b"<row>")


def _first_sheet(data: bytes):
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ImportRejected(
            [RowError(1, f"Filen kan ikke læses som Excel (.xlsx): {type(error).__name__}")]
        ) from error
    return workbook.worksheets[0]


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
