"""mt: machine translation, sentence alignment and translation-fidelity checks."""
__version__ = "0.1.0"
