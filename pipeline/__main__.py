"""``python -m pipeline``: the ``gongwen`` command, for when the console script is not on PATH."""

from pipeline.cli import main

if __name__ == "__main__":
    main()
