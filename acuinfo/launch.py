"""The ``acuinfo`` script's entry point, kept small so that it is in charge at once.

Ctrl-C at any moment ends acuinfo quietly with exit status 130, as shells
expect: while modules load, while the command line is read, during a command
(the files it was writing are cleaned up on the way out), and after it. Python
may deliver Ctrl-C where an exception cannot go (a weak reference's callback,
say) and would print "Exception ignored"; acuinfo notes it there instead, and
stops with 130 as soon as it can.
"""

try:  # the first statement: a Ctrl-C before it comes while Python is still finding this file
    import signal
    import sys

    from acuinfo.base import interrupt as _ctrl_c
    from acuinfo.base.interrupt import Interrupted, pressed

    # From here on Ctrl-C is acuinfo's: noted at once, acted on as soon as ``main`` runs
    # (the script pip writes still has a line of its own to run before it calls ``main``).
    _ctrl_c.hold()
    signal.signal(signal.SIGINT, _ctrl_c.interrupt)
except KeyboardInterrupt:  # Ctrl-C before acuinfo could take it over
    raise SystemExit(130) from None


def _quiet_when_interrupted(unraisable: object, default=sys.unraisablehook) -> None:
    if not issubclass(unraisable.exc_type, (Interrupted, KeyboardInterrupt)):
        default(unraisable)


def _stop() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not interrupt this
    try:
        sys.stderr.write("\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
    raise SystemExit(130) from None


def main() -> None:
    """Run acuinfo with the command line of this process."""
    try:
        sys.unraisablehook = _quiet_when_interrupted
        _ctrl_c.release()
        from acuinfo.cli.main import main as run

        run()
    except (Interrupted, KeyboardInterrupt):
        _stop()
    except BaseException:
        # Python may wrap Ctrl-C in another exception on its way out (an error calling
        # __set_name__ while a class is made, as a module loads): after Ctrl-C, any
        # exception, and any exit, is Ctrl-C's.
        if pressed:
            _stop()
        raise
    if pressed:
        _stop()
