"""The portal's security layer: headers, rate limits, admin lockout and 2FA, uploads, logging."""
