"""``python -m aktindsigt.training build`` - see build.py."""

import os

# single-threaded, reproducible numerics (set before numpy is imported)
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import sys  # noqa: E402

from aktindsigt.training.build import DataMissing, main  # noqa: E402

if __name__ == "__main__":
    try:
        sys.exit(main())
    except DataMissing as exc:
        print(exc.code, file=sys.stderr)
        sys.exit(2)
