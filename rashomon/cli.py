"""The ``rashomon`` command: parse arguments, call the library, print."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from rashomon import __version__
from rashomon.dates import parse_iso_date
from rashomon.demo import run_demo
from rashomon.engines import open_engine
from rashomon.errors import RashomonError, SettingsError
from rashomon.ingest import Manifest, Metadata, count_inputs
from rashomon.pipeline import IngestReport, ingest, reextract
from rashomon.records import Article
from rashomon.report import (
    biggest_story,
    fact_sheet,
    find_story,
    html,
    markdown,
    sheet_json,
    story_lines,
    terminal,
    write_export,
)  # fmt: skip
from rashomon.settings import Settings, load_settings
from rashomon.store import SQLStore, open_store

# The tasks of rashomon.eval.tasks.TASKS, named here so that the CLI starts without importing spaCy.
EVAL_TASKS = ("attribution", "clustering", "events", "geo", "quantities", "reconcile", "time")

EXIT_OK, EXIT_REFUSED, EXIT_ERROR = 0, 1, 2


def _date(value: str) -> str:
    try:
        parse_iso_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a YYYY-MM-DD date") from exc
    return value


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="rashomon", description="Reconcile conflicting news reports.")
    p.add_argument("--version", action="version", version=f"rashomon {__version__}")
    p.add_argument(
        "--db", help="store: a SQLite file or a postgresql:// URL (default: $RASHOMON_DB, settings, user data dir)"
    )
    sub = p.add_subparsers(dest="command", required=True)
    ing = sub.add_parser("ingest", help="read files, folders, JSON Lines or web pages (URLs) into the store")
    ing.add_argument("paths", nargs="*", metavar="PATH_OR_URL", help="files, folders, or http(s) URLs of pages")
    ing.add_argument("--urls", type=Path, metavar="FILE", help="a text file of page URLs, one a line (# comments)")
    ing.add_argument("--outlet", help="outlet of every input")
    ing.add_argument("--published", type=_date, help="publication date of every input (YYYY-MM-DD)")
    ing.add_argument("--url", help="URL of the input")
    ing.add_argument("--manifest", type=Path, help="JSON file of per-file metadata")
    ing.add_argument("--quiet", action="store_true", help="print only the summary (no progress bar)")
    ing.add_argument("--workers", type=int, default=1, help="processes that parse and extract (default 1)")
    ing.add_argument("--engine", choices=["local", "dask"], default="local", help="where the workers run")
    ing.add_argument("--scheduler", help="a Dask scheduler address (default: a local cluster of --workers)")
    sub.add_parser("articles", help="list stored articles")
    show = sub.add_parser("show", help="print one article")
    show.add_argument("article", help="article id (or a unique prefix)")
    sub.add_parser("rejected", help="list inputs that were refused, with the reason")
    rx = sub.add_parser("reextract", help="extract stored articles again: failed ones, all, or those named")
    rx.add_argument("articles", nargs="*", metavar="ID", help="article ids (or unique prefixes)")
    which = rx.add_mutually_exclusive_group()
    which.add_argument("--failed", action="store_true", help="the articles whose extraction failed")
    which.add_argument("--all", action="store_true", help="every article (after the models changed)")
    rx.add_argument("--workers", type=int, default=1, help="processes that parse and extract (default 1)")
    sub.add_parser("stories", help="list stories")
    st = sub.add_parser("story", help="a story's fact sheet")
    st.add_argument("story", help="story id (or a unique prefix, or an article id of the story)")
    st.add_argument("--format", choices=["terminal", "md", "html", "json"], default="terminal")
    st.add_argument("--width", type=int, help="columns of the terminal sheet (default: the terminal's, 80 in a pipe)")
    exp = sub.add_parser("export", help="export the store")
    exp.add_argument(
        "--format",
        choices=["json", "csv", "events-csv", "geojson"],
        default="json",
        help="json: the whole export; csv: claims; events-csv: events in ACLED-like columns; geojson: events",
    )
    exp.add_argument("--output", "-o", type=Path, help="file to write (default: standard output)")
    ev = sub.add_parser("eval", help="write predictions for a ../shared/bench file to standard output")
    ev.add_argument("task", choices=EVAL_TASKS)
    ev.add_argument("--data", required=True, type=Path, help="a gold file in the ../shared/bench formats")
    gaz = sub.add_parser("gazetteer", help="manage the offline gazetteer")
    gaz_sub = gaz.add_subparsers(dest="gazetteer_command", required=True)
    imp = gaz_sub.add_parser("import", help="add a GeoNames dump (allCountries.txt or a country file such as SY.txt)")
    imp.add_argument("file", type=Path)
    fd = sub.add_parser("feeds", help="the RSS, Atom and JSON feeds `rashomon watch` follows")
    fd_sub = fd.add_subparsers(dest="feeds_command", required=True)
    fd_add = fd_sub.add_parser("add", help="follow a feed")
    fd_add.add_argument("url")
    fd_add.add_argument("--outlet", help="the outlet of its articles")
    fd_add.add_argument("--every", type=_duration, default=900, help="how often to poll it: 30s, 15m, 2h (default 15m)")
    fd_rm = fd_sub.add_parser("remove", help="stop following a feed")
    fd_rm.add_argument("url")
    fd_sub.add_parser("list", help="the feeds followed, with how their polls went")
    fd_sub.add_parser("status", help="the same as list")
    wt = sub.add_parser("watch", help="poll the feeds that are due, ingest their new entries, until stopped")
    wt.add_argument("--once", action="store_true", help="poll the feeds that are due once and exit (for cron)")
    wt.add_argument("--verbose", action="store_true", help="a line for every page fetched")
    wt.add_argument("--delay", type=float, default=1.0, help="seconds between two requests to one host (default 1)")
    srv = sub.add_parser("serve", help="the web app: JSON API and pages over the store")
    srv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    srv.add_argument("--port", type=int, default=8000)
    demo = sub.add_parser("demo", help="ingest the built-in demo corpus into a fresh store and show it")
    demo.add_argument("--db", dest="demo_db", type=Path, help="demo store file (default: demo.sqlite in the data dir)")
    return p


def _print_report(console: Console, report: IngestReport, quiet: bool) -> None:
    console.print(
        f"read {report.read} input(s): {report.added} new article(s), "
        f"{report.already_stored} already stored, {report.refused} refused"
    )
    if not quiet:
        for origin, encoding in report.decoded:
            console.print(f"  [yellow]decoded[/yellow] {escape(origin)} as {escape(encoding)}", highlight=False)
        for r in report.rejected:
            console.print(f"  [red]refused[/red] {r.origin}: {r.reason}", highlight=False, markup=True)
        if report.refused > len(report.rejected):
            console.print(f"  ... and {report.refused - len(report.rejected)} more: see `rashomon rejected`")


def articles_table(articles: Sequence[Article], title: str = "Articles", status: dict[str, str] | None = None) -> Table:
    """The articles, with how their extraction went when ``status`` (article id -> "ok"/"failed") is given."""
    table = Table(title=title)
    for col in ("id", "published", "outlet", "title", "chars", *(("extraction",) if status is not None else ())):
        table.add_column(col, overflow="fold")
    for a in articles:
        table.add_row(
            a.id[:10], a.published.isoformat() if a.published else "?", a.outlet or "?",
            (a.title or a.text[:60]).replace("[", "\\["), str(len(a.text)),
            *((status.get(a.id, "not extracted"),) if status is not None else ()),
        )  # fmt: skip
    return table


def cmd_ingest(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    given = Metadata(
        outlet=args.outlet, url=args.url, published=parse_iso_date(args.published) if args.published else None
    )
    manifest = Manifest.load(args.manifest) if args.manifest else None
    urls = [p for p in args.paths if p.startswith(("http://", "https://"))] + _url_list(args.urls)
    paths = [Path(p) for p in args.paths if not p.startswith(("http://", "https://"))]
    if not paths and not urls:
        console.print("nothing to ingest: give files, folders or URLs (or --urls FILE)", markup=False)
        return EXIT_ERROR
    engine = open_engine(args.engine, args.workers, args.scheduler)
    try:
        with open_store(settings.store_target) as store, _progress(console, args) as progress:
            total = None if args.quiet else count_inputs(paths) + len(urls)
            task = progress.add_task("ingest", total=total, added=0, rate="")
            started = time.monotonic()

            def advance(report: IngestReport) -> None:
                rate = f"{report.read / max(time.monotonic() - started, 1e-9):.1f} inputs/s"
                progress.update(task, completed=report.read, added=report.added, rate=rate)

            report = ingest(paths, store, settings, given, manifest, advance, engine, urls)
    finally:
        engine.close()
    _print_report(console, report, args.quiet)
    return EXIT_REFUSED if report.refused else EXIT_OK


def _url_list(path: Path | None) -> list[str]:
    """The URLs of a text file, one a line; blank lines and lines starting with # are skipped."""
    if path is None:
        return []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"cannot read the URL list {path} ({exc})") from exc
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _progress(console: Console, args: argparse.Namespace) -> Progress:
    """Inputs read, articles per second and time left (shown on a terminal, and never with --quiet)."""
    return Progress(
        TextColumn("{task.completed}/{task.total} read, {task.fields[added]} new"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=console,
        disable=args.quiet,
        transient=True,
    )


def cmd_articles(store: SQLStore, console: Console) -> int:
    status = {article_id: state for article_id, state, _ in store.extraction_status()}
    console.print(articles_table(list(store.articles()), status=status))
    return EXIT_OK


def cmd_show(store: SQLStore, key: str, console: Console) -> int:
    a = store.article(key)
    if a is None:
        console.print(f"no single article has an id starting with {key!r}; see `rashomon articles`")
        return EXIT_ERROR
    for name in ("id", "origin", "outlet", "url", "published", "title", "byline", "author_bio", "encoding"):
        console.print(f"[bold]{name}[/bold]: {getattr(a, name)}", highlight=False)
    if a.furniture:
        console.print(f"[bold]page furniture removed[/bold]: {', '.join(a.furniture)}", highlight=False)
    console.print()
    console.print(a.text, markup=False, highlight=False)
    return EXIT_OK


def cmd_rejected(store: SQLStore, console: Console) -> int:
    for r in store.rejections():
        console.print(f"{r.at.isoformat(timespec='seconds')}  {r.origin}: {r.reason}", markup=False, highlight=False)
    return EXIT_OK


def cmd_export(store: SQLStore, fmt: str, output: Path | None) -> int:
    if output is None:
        write_export(store, fmt, sys.stdout)
        return EXIT_OK
    partial = output.with_name(output.name + ".partial")  # a failed export never leaves a truncated file
    with partial.open("w", encoding="utf-8") as fh:
        write_export(store, fmt, fh)
    partial.replace(output)
    return EXIT_OK


def cmd_reextract(store: SQLStore, settings: Settings, args: argparse.Namespace, console: Console) -> int:
    if args.failed:
        ids = [article_id for article_id, _, _ in store.extraction_status("failed")]
    elif args.all:
        ids = [a.id for a in store.articles()]
    elif args.articles:
        found = [(key, store.article(key)) for key in args.articles]
        unknown = [key for key, a in found if a is None]
        if unknown:
            console.print(f"no single article matches {', '.join(unknown)}; see `rashomon articles`", markup=False)
            return EXIT_ERROR
        ids = [a.id for _, a in found if a is not None]
    else:
        console.print("say which articles: --failed, --all, or their ids", markup=False)
        return EXIT_ERROR
    engine = open_engine("local", args.workers, None)
    try:
        report = reextract(ids, store, settings, engine)
    finally:
        engine.close()
    console.print(
        f"extracted {report.extracted} of {len(ids)} article(s) again; {len(report.failed)} failed; "
        f"{len(report.stories)} stor{'y' if len(report.stories) == 1 else 'ies'} reconciled",
        markup=False,
    )
    for article_id, reason in report.failed:
        console.print(f"  failed {article_id[:10]}: {reason}", markup=False, highlight=False)
    return EXIT_REFUSED if report.failed else EXIT_OK


def _duration(text: str) -> int:
    """Seconds from "90", "30s", "15m" or "2h"."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    number, unit = (text[:-1], text[-1]) if text[-1:] in units else (text, "s")
    if not number.isdigit() or int(number) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration such as 30s, 15m or 2h")
    return int(number) * units[unit]


def cmd_feeds(store: SQLStore, args: argparse.Namespace, console: Console) -> int:
    if args.feeds_command == "add":
        store.add_feed(args.url, args.outlet, args.every)
        console.print(f"following {args.url} every {args.every} s", markup=False)
        return EXIT_OK
    if args.feeds_command == "remove":
        store.remove_feed(args.url)
        console.print(f"no longer following {args.url}", markup=False)
        return EXIT_OK
    table = Table(title="Feeds", box=box.SIMPLE_HEAD)
    for col in ("feed", "outlet", "every", "entries", "last success", "last error"):
        table.add_column(col, overflow="fold")
    for f in store.feeds():
        cells = (f.url, f.outlet or "", f"{f.every_s} s", f.entries_seen, f.last_success or "never", f.last_error or "")
        table.add_row(*(Text(str(c)) for c in cells))
    console.print(table)
    return EXIT_OK


def cmd_watch(store: SQLStore, settings: Settings, args: argparse.Namespace, console: Console) -> int:
    import logging
    import signal
    import threading

    from rashomon.ingest.feeds import Polite
    from rashomon.ingest.fetch import limits_for
    from rashomon.watch import watch

    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    if not store.feeds():
        console.print("no feed is followed: add one with `rashomon feeds add URL`", markup=False)
        return EXIT_ERROR
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):  # finish the poll under way, then exit
        signal.signal(sig, lambda *_: stop.set())
    polite = Polite(limits_for(settings), delay=args.delay)
    reports = watch(store, settings, polite, stop, once=args.once)
    failed = sum(1 for r in reports if r.outcome.startswith("error"))
    return EXIT_REFUSED if failed else EXIT_OK


def cmd_stories(store: SQLStore, console: Console) -> int:
    table = Table(title="Stories", box=box.SIMPLE_HEAD)
    for col in ("id", "reports", "days", "conflicts"):
        table.add_column(col, no_wrap=True)  # short fields whole; the title wraps by words in what is left
    table.add_column("title", ratio=1)
    for s in story_lines(store):
        first, last = s.first_day, s.last_day
        days = (
            "?"
            if first is None
            else first
            if first == last
            else f"{first}..{last[5:] if last and last[:4] == first[:4] else last}"
        )
        cells = (
            s.id[:10],
            f"{s.reports} ({s.outlets} outlet{'s' * (s.outlets != 1)})",
            days,
            s.conflicts,
        )
        table.add_row(*(Text(str(c)) for c in (*cells, s.title)))
    console.print(table)
    return EXIT_OK


def cmd_story(store: SQLStore, key: str, fmt: str, console: Console) -> int:
    story = find_story(store, key)
    if story is None:
        console.print(f"no single story matches {key!r}; see `rashomon stories`", markup=False)
        return EXIT_ERROR
    sheet = fact_sheet(story)
    if fmt == "terminal":
        terminal(sheet, console)
    elif fmt == "md":
        sys.stdout.write(markdown(sheet))
    elif fmt == "html":
        sys.stdout.write(html(sheet))
    else:
        sys.stdout.write(json.dumps(sheet_json(sheet), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def cmd_serve(store: SQLStore, settings: Settings, host: str, port: int, console: Console) -> int:
    import uvicorn

    from rashomon.web import create_app

    if not settings.api_token:
        console.print("no api_token set (RASHOMON_API_TOKEN): the API is read-only", markup=False)
    console.print(f"serving {store.where} on http://{host}:{port}/", markup=False)
    uvicorn.run(create_app(store, settings), host=host, port=port, log_level="warning")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    store, report = run_demo(settings, args.demo_db or args.db)
    with store:
        console.print(f"Demo store: {store.where}")
        _print_report(console, report, quiet=False)
        console.print(articles_table(list(store.articles()), title="Demo articles"))
        story = biggest_story(store)
        if story is not None:
            terminal(fact_sheet(story), console)
    return EXIT_REFUSED if report.rejected else EXIT_OK


def run(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    console = Console(soft_wrap=True)
    try:
        settings = load_settings(db=args.db)
        if args.command == "ingest":
            return cmd_ingest(args, settings, console)
        if args.command == "demo":
            return cmd_demo(args, settings, console)
        if args.command == "gazetteer":
            from rashomon.geo.gazetteer import import_dump

            console.print(f"imported {import_dump(args.file)} place(s) from {args.file}")
            return EXIT_OK
        if args.command == "eval":
            from rashomon.eval.__main__ import main as eval_main

            return eval_main([args.task, "--data", str(args.data)])
        with open_store(settings.store_target) as store:
            if args.command == "serve":
                return cmd_serve(store, settings, args.host, args.port, console)
            if args.command == "articles":
                return cmd_articles(store, console)
            if args.command == "show":
                return cmd_show(store, args.article, console)
            if args.command == "rejected":
                return cmd_rejected(store, console)
            if args.command == "feeds":
                return cmd_feeds(store, args, console)
            if args.command == "watch":
                return cmd_watch(store, settings, args, console)
            if args.command == "reextract":
                return cmd_reextract(store, settings, args, console)
            if args.command == "stories":
                return cmd_stories(store, console)
            if args.command == "story":
                sheet_console = Console(soft_wrap=True, width=args.width) if args.width else console
                return cmd_story(store, args.story, args.format, sheet_console)
            return cmd_export(store, args.format, args.output)
    except RashomonError as exc:
        Console(stderr=True).print(f"rashomon: {exc}", markup=False, highlight=False)
        return EXIT_ERROR


def main() -> None:
    sys.exit(run())
