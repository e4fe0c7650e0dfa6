"""`python -m pipeline.cli` runs the claimcheck command, as `python -m pipeline` does."""

from . import main

# Guarded: batch workers start by importing the main module (multiprocessing's
# spawn), and must not run the command again.
if __name__ == "__main__":
    main(prog_name="claimcheck")
