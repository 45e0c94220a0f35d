"""These tests import the plugin itself: skipped, saying how to install it, where newsdiff-wordpress is not
installed (they fail instead where CI is set, since CI installs it)."""

from newsdiff.testing import installed_plugin

installed_plugin("wordpress", "pip install -e plugins/newsdiff-wordpress")
