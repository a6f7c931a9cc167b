import sys

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C while still starting up: the same quiet exit as later
    sys.exit(130)

main()
