"""Allow ``python -m sckg``."""

from sckg.cli import main

if __name__ == "__main__":
    main()
