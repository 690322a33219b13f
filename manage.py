#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    if sys.argv[1:2] != ["runserver"]:
        # Commands (rollups, seeding, migrations) get the longer statement timeout; web
        # processes keep the public one (core/dbguard.py).
        os.environ.setdefault("PORTAL_PROCESS", "command")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
