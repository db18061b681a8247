package io.metalboot.sim.shell;

import io.metalboot.sim.fs.RouterFs;

/** What every shell process on one router shares. */
record ShellContext(RouterFs fs, CommandTable commands, ProcessTable processes, Dialect dialect) {
}
