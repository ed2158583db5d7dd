"""Run the command line as ``python -m claimmap``."""

from claimmap.cli import app

if __name__ == "__main__":
    app(prog_name="claimmap")
