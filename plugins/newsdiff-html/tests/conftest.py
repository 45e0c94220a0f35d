"""These tests import the plugin itself: skipped, saying how to install it, where newsdiff-html is not
installed (they fail instead where CI is set, since CI installs it)."""

from newsdiff.testing import installed_plugin

installed_plugin("html", "pip install -e plugins/newsdiff-html")
