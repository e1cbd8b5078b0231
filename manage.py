#!/usr/bin/env python
from sikkerby.__main__ import main

if __name__ == "__main__":
    main()
