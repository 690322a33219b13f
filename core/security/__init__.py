"""The portal's security layer: headers, rate limits, admin lockout and 2FA, uploads, logging.

Importing this package must not touch Django models: settings import `core.security.policy`.
"""
