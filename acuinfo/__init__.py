"""acuinfo: plain-language answers about acupuncture for long-lasting pain."""

__version__ = "0.1.0"
