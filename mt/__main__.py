import sys

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C while still starting up: the same quiet exit as later
    exec("")  # clears CPython's mark of an unhandled Ctrl-C (see cli._exit_interrupted)
    sys.exit(130)

main()
