"""The Spanish edition's bookkeeping: which English page each Spanish page translates, whether
the translation is current, and the stamp that records what was translated."""
