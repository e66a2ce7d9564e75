"""Processing provider ``landoffice``: every job of the plugin is an algorithm here."""
