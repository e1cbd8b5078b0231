"""A crawler for tests that walk the app as a user does: it follows every link it finds (a
few of each kind), and collects the forms it sees so that other users can replay them."""

import html
import json
import re
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser

from django.test import Client

SKIP = ("/konto/log-ud/", "/i18n/", "/static/", "/sundhed/", "/api/v1/docs", "/api/v1/openapi")
SKIP_PATTERNS = (".pdf", "/rapport.xlsx", "/hotspots/forslag/", "eksport.xlsx", "statusskema.")
PER_KIND = 3
LINK = re.compile(r'(?:href|hx-get)="(/[^"#]*)"')


def url_kind(url: str) -> str:
    """URLs of one kind: digits and slugs alike (a few of each kind are enough)."""
    path, _, query = url.partition("?")
    path = re.sub(r"\d+", "N", path)
    path = re.sub(r"^/indsatser/(?!budget/|medfinansiering/)[^/]+/", "/indsatser/S/", path)
    return path + ("?" + re.sub(r"=[^&]*", "=", query) if query else "")


@dataclass
class Form:
    action: str
    fields: dict[str, str] = field(default_factory=dict)


class _FormParser(HTMLParser):
    """Posted forms with a value for every field: what is filled in, the first option, or a
    plausible value for an empty one (so the form would be accepted from its rightful user)."""

    def __init__(self, page_url: str):
        super().__init__()
        self.page_url, self.forms, self._form, self._select, self._textarea = (
            page_url,
            [],
            None,
            None,
            None,
        )

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self._form = Form(action=a.get("action") or self.page_url)
        elif self._form is None:
            return
        elif tag == "input" and a.get("name") and a.get("type") not in ("submit", "button"):
            self._input(a)
        elif tag == "button" and a.get("name"):
            self._form.fields.setdefault(a["name"], a.get("value", ""))
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
        elif tag == "option" and self._select and self._select not in self._form.fields:
            if a.get("value"):
                self._form.fields[self._select] = a["value"]
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self._form.fields[a["name"]] = ""

    def _input(self, a: dict) -> None:
        name, kind, value = a["name"], a.get("type", "text"), a.get("value", "")
        if kind in ("checkbox", "radio"):
            self._form.fields.setdefault(name, value or "on")
        elif kind == "date":
            self._form.fields[name] = value or date.today().isoformat()
        elif kind == "number":
            self._form.fields[name] = value or "1"
        elif kind == "file":
            return
        else:
            self._form.fields[name] = value or "Prøvetekst til test"

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form.fields[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form" and self._form is not None:
            for name, value in self._form.fields.items():
                if not value.strip():
                    self._form.fields[name] = "Prøvetekst til test"
            self.forms.append(self._form)
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def forms_in(page_url: str, text: str) -> list[Form]:
    parser = _FormParser(page_url)
    parser.feed(text)
    return [f for f in parser.forms if not f.action.startswith(SKIP)]


class Crawl:
    """Walk the app as one logged-in user. `check(url, text, before)` is called for each page
    with the last access-log id before the request."""

    def __init__(self, client: Client, check: Callable[[str, str, int], None] | None = None):
        self.client, self.check = client, check
        self.pages = 0
        self.forms: list[Form] = []

    def fetch(self, url: str, data: dict | None = None) -> str:
        from django.db.models import Max

        from audit.models import AccessLogEntry

        before = AccessLogEntry.objects.aggregate(last=Max("id"))["last"] or 0
        response = self.client.post(url, data) if data is not None else self.client.get(url)
        assert response.status_code < 500, (url, response.status_code)
        if response.status_code == 302:
            return f'href="{response["Location"]}"'
        if response.status_code != 200 or response.streaming:
            return ""
        text = html.unescape(response.content.decode("utf-8", errors="ignore"))
        if response["Content-Type"].startswith("application/json"):
            text = json.dumps(json.loads(text), ensure_ascii=False)
        self.pages += 1
        if self.check:
            self.check(url, text, before)
        return text

    def run(self, start: list[str], limit: int = 260) -> None:
        queue, seen, kinds = deque(start), set(), Counter()
        while queue and self.pages < limit:
            url = queue.popleft()
            if url in seen or url.startswith(SKIP) or any(p in url for p in SKIP_PATTERNS):
                continue
            seen.add(url)
            kinds[url_kind(url)] += 1
            if kinds[url_kind(url)] > PER_KIND:
                continue
            text = self.fetch(url)
            if "<form" in text:
                self.forms.extend(forms_in(url, text))
            queue.extend(link for link in LINK.findall(text) if link not in seen)
            if url == "/api/v1/cases" and text:
                queue.extend(f"/api/v1/cases/{c['id']}" for c in json.loads(text)[:PER_KIND])
