"""python -m corpuslint: runs the bundled corpuslint binary."""

import sys

from corpuslint import main

if __name__ == "__main__":
    sys.exit(main())
