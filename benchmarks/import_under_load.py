"""`make bench` (imports part): on the embedded SQLite database, a large register extract is
imported by the background worker while other users log in and work, as `make run` serves
them; then a worker is killed in the middle of an import. Prints the import's rows per second,
the other users' requests, errors and latencies, how long the killed worker's job takes to
show as failed, and whether a fresh worker takes new jobs. Figures, not tests.

The database is a temporary file (the server, the worker and this process share it), and the
server is Django's threaded development server, as `make run` starts it."""

import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

from benchmarks.database import percentiles

REPOSITORY = Path(__file__).resolve().parent.parent
SIKKERBY = [sys.executable, "-m", "sikkerby"]
YOUNG_PERSON_CPR = "010108-4123"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _extract(megabytes: float) -> bytes:
    """A job-centre extract of status observations for one person, `megabytes` large."""
    header = "cpr;dato;status\n"
    line = f"{YOUNG_PERSON_CPR};01-03-2024;job\n"
    return (header + line * int(megabytes * 1_000_000 / len(line))).encode()


class Staff(threading.Thread):
    """A user who logs in, opens Mit arbejde and searches for a person, again and again,
    until told to stop; every answer's status and latency is kept."""

    def __init__(self, base: str, username: str, password: str, stop: threading.Event):
        super().__init__(daemon=True)
        self.base, self.username, self.password, self.stop = base, username, password, stop
        self.latencies: list[tuple[float, float]] = []  # (when it was sent, ms)
        self.errors: list[str] = []

    def _request(self, session: requests.Session, method: str, path: str, **kwargs):
        started = time.perf_counter()
        try:
            response = session.request(method, self.base + path, timeout=60, **kwargs)
        except requests.RequestException as error:
            self.errors.append(f"{method} {path}: {error.__class__.__name__}")
            return None
        self.latencies.append((started, (time.perf_counter() - started) * 1000))
        if response.status_code >= 500 or "database is locked" in response.text:
            self.errors.append(f"{method} {path}: HTTP {response.status_code}")
        return response

    def run(self) -> None:
        while not self.stop.is_set():
            session = requests.Session()
            login = self._request(session, "GET", "/konto/log-ind/")
            if login is None:
                continue
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text)
            self._request(
                session,
                "POST",
                "/konto/log-ind/",
                data={
                    "csrfmiddlewaretoken": token.group(1) if token else "",
                    "username": self.username,
                    "password": self.password,
                },
                headers={"Referer": self.base + "/konto/log-ind/"},
            )
            for _ in range(3):
                self._request(session, "GET", "/mit-arbejde/")
                self._request(session, "GET", "/personer/soeg/", params={"q": "Ungesen"})


def _answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=5).ok
    except requests.ConnectionError:
        return False


def _wait_for(condition, timeout: float, every: float = 0.5) -> float | None:
    """Seconds until condition() held, or None if it did not within timeout."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return time.monotonic() - started
        time.sleep(every)
    return None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=20.0)
    parser.add_argument("--users", type=int, default=4)
    args = parser.parse_args()
    directory = tempfile.mkdtemp()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{directory}/bench.sqlite3",
        "DEBUG": "true",
        "SIKKERBY_TESTING": "false",
        "DJANGO_SETTINGS_MODULE": "sikkerby.settings",
        "IMPORT_HEARTBEAT_SECONDS": "60",
    }
    os.environ.update(env)
    for command in ("migrate", "load_seed_catalogue", "load_demo_users"):
        subprocess.run(
            [*SIKKERBY, command, "-v", "0"],
            env=env,
            cwd=REPOSITORY,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    import django

    django.setup()
    from accounts.demo import DEMO_PASSWORD
    from accounts.models import User
    from imports.jobs import import_job_create
    from imports.models import ImportJob, ImportStatus
    from outcomes.models import StatusObservation
    from outcomes.tasks import records_import_task
    from people.actions import person_create

    analyst = User.objects.get(username="analytiker")
    person_create(
        by=analyst,
        first_name="Test",
        last_name="Ungesen",
        cpr_text=YOUNG_PERSON_CPR,
        purpose="benchmark",
        is_synthetic=True,
    )
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    quiet = {
        "env": env,
        "cwd": REPOSITORY,
        "stdout": subprocess.DEVNULL,
        "stderr": subprocess.DEVNULL,
    }
    server = subprocess.Popen([*SIKKERBY, "runserver", f"127.0.0.1:{port}", "--noreload"], **quiet)
    worker = subprocess.Popen(
        [*SIKKERBY, "db_worker", "--no-startup-delay", "--no-reload"], **quiet
    )
    try:
        _wait_for(lambda: _answers(base + "/konto/log-ind/"), 60)
        data = _extract(args.megabytes)
        rows = data.count(b"\n") - 1

        def job_status(job_id: int) -> str:
            return ImportJob.objects.values_list("status", flat=True).get(pk=job_id)

        stop = threading.Event()
        staff = [Staff(base, "ssp", DEMO_PASSWORD, stop) for _ in range(args.users)]
        for member in staff:
            member.start()
        time.sleep(15)  # the users work a while before the file comes, for comparison
        file_comes = time.perf_counter()
        started = time.monotonic()
        job = import_job_create(
            by=analyst,
            kind="status",
            label="statusobservationer",
            filename="udtraek.csv",
            data=data,
        )
        records_import_task.enqueue(job.pk)
        finished = _wait_for(
            lambda: (
                job_status(job.pk)
                in (ImportStatus.DONE, ImportStatus.REJECTED, ImportStatus.FAILED)
            ),
            timeout=1800,
        )
        elapsed = time.monotonic() - started
        stop.set()
        for member in staff:
            member.join()
        before = [ms for member in staff for sent, ms in member.latencies if sent < file_comes]
        during = [ms for member in staff for sent, ms in member.latencies if sent >= file_comes]
        errors = [error for member in staff for error in member.errors]
        print(
            f"Import of a {len(data) / 1e6:.1f} MB extract ({rows:,} rows) on SQLite while "
            f"{args.users} users log in and work:"
        )
        print(
            f"  job {job_status(job.pk)} after {elapsed:.0f} s "
            f"({rows / elapsed:,.0f} rows/s from upload to done), "
            f"{StatusObservation.objects.count():,} rows saved"
            + ("" if finished is not None else " (did not finish)")
        )
        for label, latencies in (("before the file came", before), ("during the import", during)):
            p50, p95 = percentiles(latencies)
            print(
                f"  other users {label}: {len(latencies):,} requests, "
                f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, max {max(latencies):.0f} ms"
            )
        print(f"  their errors (5xx, 'database is locked', no answer): {len(errors)}")
        for error in sorted(set(errors))[:10]:
            print(f"    {error}")

        # A worker killed in the middle of an import.
        second = import_job_create(
            by=analyst,
            kind="status",
            label="statusobservationer",
            filename="igen.csv",
            data=data.replace(b"01-03-2024", b"01-04-2024"),
        )
        records_import_task.enqueue(second.pk)
        _wait_for(lambda: job_status(second.pk) == ImportStatus.CHECKING, timeout=120)
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        killed = time.monotonic()
        shown_failed = _wait_for(
            lambda: ImportJob.objects.get(pk=second.pk).is_stalled, timeout=300, every=1
        )
        print(
            "  a worker killed mid-import: its job shows as failed "
            + (
                f"{time.monotonic() - killed:.0f} s later"
                if shown_failed is not None
                else "not within 5 minutes"
            )
        )
        worker = subprocess.Popen(
            [*SIKKERBY, "db_worker", "--no-startup-delay", "--no-reload"], **quiet
        )
        small = import_job_create(
            by=analyst,
            kind="status",
            label="statusobservationer",
            filename="lille.csv",
            data=_extract(0.01).replace(b"01-03-2024", b"01-05-2024"),
        )
        records_import_task.enqueue(small.pk)
        taken = _wait_for(lambda: job_status(small.pk) == ImportStatus.DONE, timeout=120)
        print(
            "  a fresh worker "
            + (
                f"took and finished a new job in {taken:.0f} s"
                if taken is not None
                else "did not finish a new job"
            )
        )
    finally:
        for process in (server, worker):
            process.terminate()
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
