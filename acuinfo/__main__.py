"""Run acuinfo as ``python -m acuinfo``."""

from acuinfo.launch import main

main()
