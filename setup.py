"""The one packaging fact pyproject.toml cannot state: the package list, when one package lives
outside the others.

The Fluent files stay in the repository's top-level `locales/` and ship as the package
`bot.locales` (`site-packages/bot/locales/{kk,ru}/*.ftl` in a wheel). `[tool.setuptools]` can map
a package to a directory, but its `packages` is either found or listed, never both; so the found
packages and the mapped ones are joined here. Everything else, the `*.ftl` package data included,
is in pyproject.toml.
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=[
        *find_namespace_packages(
            include=["bot", "bot.*", "domain", "domain.*", "storage", "storage.*"]
        ),
        "bot.locales",
        *(f"bot.locales.{lang}" for lang in find_namespace_packages(where="locales")),
    ],
    package_dir={"bot.locales": "locales"},
)
