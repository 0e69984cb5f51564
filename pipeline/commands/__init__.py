"""CLI commands, one module each; importing a module adds its command to ``pipeline.cli.app``."""
