"""Live rooms: the runner and the room functions the CLI and the console share."""
