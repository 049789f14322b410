"""Keep test runs from writing state into the repository."""
import os
import sys
import tempfile

from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
set_hypothesis_home_dir(os.path.join(tempfile.gettempdir(), "accessspec-python-tests-hypothesis"))
settings.register_profile("accessspec", database=None)
settings.load_profile("accessspec")
