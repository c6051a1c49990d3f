"""``python -m rashomon`` is the ``rashomon`` command."""

from rashomon.cli import main

main()
