package io.metalboot.sim.openwrt;

import io.metalboot.sim.faults.Faults;
import io.metalboot.sim.fs.RouterFs;
import io.metalboot.sim.shell.Command;
import io.metalboot.sim.shell.Invocation;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * {@code /sbin/uci} of OpenWrt 23.05 (openwrt/uci cli.c over libuci): options, the commands, the
 * staged deltas in {@code /tmp/.uci} shared by every caller, errors as {@code uci: Entry not found}
 * under the name it was called by, exit statuses as cli.c returns them (1 for most failures, libuci's
 * error number for {@code add}, 255 with the usage for a bad invocation, 0 for a batch).
 * {@code commit} waits while {@link Faults#holdLock} holds the package file's lock and fails with
 * {@code uci: I/O error} once after {@link Faults#failNextCommit}, leaving the staged changes.
 */
public final class UciCommand implements Command {
    private final Faults faults;

    public UciCommand(Faults faults) {
        this.faults = faults;
    }

    @Override
    public int run(Invocation invocation) throws InterruptedException {
        String appName = invocation.args().get(0);
        UciOptions.Parsed parsed = UciOptions.parse(invocation.args());
        if (parsed.options().isEmpty()) {
            invocation.stderr().print(parsed.stderr());
            if (parsed.printUsage()) {
                invocation.stderr().print(UciOptions.usage(appName));
            }
            return parsed.status();
        }
        UciOptions options = parsed.options().get();
        UciInput input = new UciInput(invocation.stdin());
        if (options.inputFile().isPresent()) {
            try {
                input = new UciInput(new ByteArrayInputStream(
                        invocation.fs().readBytes(RouterFs.normalize(options.inputFile().get(), invocation.cwd()))));
            } catch (IOException e) {
                if (!options.quiet()) {
                    invocation.stderr().print("uci: No such file or directory"); // cli_error("uci: %s", strerror(errno)), no newline
                }
                return 1;
            }
        }
        if (options.operands().isEmpty()) {
            invocation.stderr().print(UciOptions.usage(appName));
            return 0;
        }
        UciStore store = new UciStore(invocation.fs(), options, invocation.cwd());
        UciSession session = new UciSession(options, store, input, invocation.stdout(), invocation.stderr(),
                invocation.fs(), faults);
        int status = session.command(options.operands(), false);
        if (status == UciSession.USAGE) {
            invocation.stderr().print(UciOptions.usage(appName));
        }
        invocation.stdout().flush();
        invocation.stderr().flush();
        return status;
    }
}
