"""Module resolution and loading (CommonJS and ES modules) for the realm."""
