"""``python -m aktindsigt`` and the frozen build's entry point.

A frozen build (PyInstaller) has no ``python -m``: a child process that runs one of our modules is
started as ``<exe> --run-module aktindsigt.x.y`` (see ``aktindsigt.config.module_command``), and
multiprocessing's children are started through ``freeze_support``.
"""

import sys


def run() -> None:
    import multiprocessing

    multiprocessing.freeze_support()
    if len(sys.argv) > 2 and sys.argv[1] == "--run-module":
        import runpy

        module = sys.argv[2]
        sys.argv = [module, *sys.argv[3:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return
    from aktindsigt.cli import main

    main()


if __name__ == "__main__":
    run()
