package io.metalboot.sim.shell;

/** Non-local control flow inside the interpreter: exit, return, break, continue, fatal errors. */
final class Flow {
    private Flow() {
    }

    private abstract static class Signal extends RuntimeException {
        Signal() {
            super(null, null, false, false);
        }
    }

    /** {@code exit N}, or the shell exiting because of {@code set -e}. */
    static final class Exit extends Signal {
        final int status;

        Exit(int status) {
            this.status = status;
        }
    }

    /** {@code return N} from a function or a sourced file. */
    static final class Return extends Signal {
        final int status;

        Return(int status) {
            this.status = status;
        }
    }

    /** {@code break N} / {@code continue N}. */
    static final class LoopControl extends Signal {
        final boolean isBreak;
        int levels;

        LoopControl(boolean isBreak, int levels) {
            this.isBreak = isBreak;
            this.levels = levels;
        }
    }

    /**
     * An error a non-interactive shell dies of ({@code ${x:?}}, {@code set -u}, a syntax error in
     * {@code eval}); an interactive shell only abandons the command line.
     */
    static final class Fatal extends Signal {
        final int status;

        Fatal(int status) {
            this.status = status;
        }
    }
}
