"""Build the optional C kernel of calendar scalar queries (decision record 0007).

Everything else about the package is declared in pyproject.toml. The extension is
``optional``: where no C compiler is present the install goes on and dealbook uses the
pure-Python kernel, with the same answers (``dealbook.calendars.kernel``).
"""

from setuptools import Extension
from setuptools import setup

setup(
    ext_modules=[
        Extension(
            "dealbook.calendars._daykernel",
            sources=["src/dealbook/calendars/_daykernel.c"],
            extra_compile_args=["-O2", "-Wall", "-Wextra", "-Wno-unused-parameter"],
            optional=True,
        )
    ]
)
