"""CLI commands, one module each; importing a module adds its command to ``gongwen.cli.app``."""
