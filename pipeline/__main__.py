"""``python -m gongwen``: the ``gongwen`` command, for when the console script is not on PATH."""

from gongwen.cli import main

if __name__ == "__main__":
    main()
