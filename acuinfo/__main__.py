"""Run acuinfo as ``python -m acuinfo``."""

from acuinfo.launch import main

if __name__ == "__main__":  # not when a worker process started afresh imports it again
    main()
