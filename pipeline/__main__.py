"""`python -m pipeline` runs the claimcheck command."""

from .cli import main

main(prog_name="claimcheck")
