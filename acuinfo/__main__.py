"""Run acuinfo as ``python -m acuinfo``."""

from acuinfo.cli import main

main()
