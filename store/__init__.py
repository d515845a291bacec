"""Storage: SQLModel tables, engine set-up, migrations."""
