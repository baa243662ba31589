"""Sign-in hardening: equal-time password checks and the answer to a locked-out sign-in."""
