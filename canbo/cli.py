"""The ``canbo`` console script: a thin wrapper over Django management commands.

Every verb takes ``--data-dir DIR`` (default ``CANBO_DATA_DIR``, else a per-user folder), which
holds the SQLite database and files. Two-word verbs (``canbo audit verify``) map to one
management command each.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence

# verb (one or two words) -> management command name
COMMANDS: dict[tuple[str, ...], str] = {
    ("demo",): "demo",
    ("serve",): "serve",
    ("import",): "canbo_import",
    ("export",): "canbo_export",
    ("audit", "verify"): "audit_verify",
    ("audit", "anchor"): "audit_anchor",
    ("migrate",): "migrate",
    ("createadmin",): "createadmin",
    ("confidence", "results"): "confidence_results",
    ("election", "results"): "election_results",
    ("appointment", "check"): "appointment_check",
    ("appointment", "timers"): "appointment_timers",
    ("paper", "print"): "paper_print",
    ("vote",): "vote",
    ("classification", "propose"): "classification_propose",
    ("classification", "template"): "classification_template",
    ("classification", "compute"): "classification_compute",
    ("rules",): "rules",
    ("home", "figures"): "home_figures",
    ("bundle",): "bundle",
}

# verbs that run without Django's database: (words) -> "module:function taking the rest of argv"
LOCAL: dict[tuple[str, ...], str] = {
    ("paper", "read"): "canbo.paper.read_cli:main",
}

USAGE = """usage: canbo [--data-dir DIR] VERB [options]

verbs:
  demo [--no-serve] [--scale tiny|small|national]  demo data, an admin account, serve
  serve [--host H] [--port P]                  start the web server on 127.0.0.1
  import units|people FILE                     import CSV or XLSX (all or nothing)
  export units|people FILE                     export CSV or XLSX
  audit verify [--anchor FILE ...]             check the audit chain (and against anchors)
  audit anchor [--out FILE]                    print a signed checkpoint to keep off the server
  confidence results --counts FILE.csv ...     official confidence-vote results table
  election results --counts FILE.csv ...       who is elected in one election round
  appointment check --people FILE.csv --date D  planning and appointment eligibility
  appointment timers [--date D]                open the reappointment cases that are due
  paper print --names FILE.csv --kind K --out F.pdf  paper ballots and their layout
  vote VERB ...                                conference, check-in, ballots, count, minutes
  classification propose|template ...          quality classification calculator
  classification compute --cycle ID            compute a whole cycle (worker processes)
  rules list | show ID | diff A B [--json]     rulebooks, and what changed between two
  home figures [--seconds N]                   count the home page's figures ahead (nightly)
  paper read --layout F.layout.json SCANS...   read scanned paper ballots (no database)
  bundle export|verify|import|keys ...         signed bundles between installations
  manage ARGS...                               any Django management command
"""


def _pop_data_dir(argv: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--data-dir" and i + 1 < len(argv):
            os.environ["CANBO_DATA_DIR"] = os.path.abspath(argv[i + 1])
            i += 2
            continue
        if arg.startswith("--data-dir="):
            os.environ["CANBO_DATA_DIR"] = os.path.abspath(arg.split("=", 1)[1])
            i += 1
            continue
        out.append(arg)
        i += 1
    return out


def resolve(argv: Sequence[str]) -> list[str] | None:
    """Map ``canbo`` arguments to ``manage.py`` arguments, or None when the verb is unknown."""
    args = list(argv)
    if args and args[0] == "manage":
        return args[1:]
    for width in (2, 1):
        key = tuple(args[:width])
        if key in COMMANDS:
            return [COMMANDS[key], *args[width:]]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = _pop_data_dir(list(sys.argv[1:] if argv is None else argv))
    if not args or args[0] in {"-h", "--help", "help"}:
        print(USAGE)
        return 0
    local = LOCAL.get(tuple(args[:2]))
    if local is not None:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings.dev")  # refusal words
        module, _, function = local.partition(":")
        run = getattr(importlib.import_module(module), function)
        return int(run(args[2:]))
    manage_args = resolve(args)
    if manage_args is None:
        print(f"canbo: unknown verb {' '.join(args[:2])!r}\n\n{USAGE}", file=sys.stderr)
        return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings.dev")
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["canbo", *manage_args])
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
