"""``python -m newsassert``."""

import sys

from newsassert.cli import main

sys.exit(main())
