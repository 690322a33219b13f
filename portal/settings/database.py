"""Session defaults of every PostgreSQL connection, computed by the settings (core/dbguard.py
explains the guard rails; this is the part that has to exist before any app is loaded)."""

IDLE_IN_TRANSACTION_MS = 60_000
CLIENT_CHECK_MS = 1_000


def session_options(statement_timeout_ms: int, command: bool = False) -> str:
    """libpq `options` for a connection: the timeouts every session of this process starts with.

    A command (an import, a backfill) may think for minutes inside a transaction between two
    statements; a web request that does is a leak, and its session is ended.
    """
    idle = 0 if command else IDLE_IN_TRANSACTION_MS
    return (
        f"-c statement_timeout={int(statement_timeout_ms)} "
        f"-c idle_in_transaction_session_timeout={idle} "
        f"-c client_connection_check_interval={CLIENT_CHECK_MS}"
    )
