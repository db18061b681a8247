package io.metalboot.boot.render;

import io.metalboot.boot.BootException;
import io.metalboot.boot.Profile;
import io.metalboot.boot.select.Match;

/** {@code /boot.ipxe} and {@code /ipxe}: the chainload script, and a profile's kernel, arguments and initrds. */
public final class IpxeScript {
    /** What {@code /boot.ipxe} answers: chain to {@code /ipxe} with the machine's identity. */
    public static final String CHAIN = "#!ipxe\nchain ipxe?uuid=${uuid}&mac=${mac:hexhyp}&domain=${domain}&hostname=${hostname}"
            + "&serial=${serial}&arch=${buildarch:uristring}\n";

    private IpxeScript() {
    }

    public static String of(Match m) {
        Profile p = m.profile();
        if (p.kernel().isEmpty()) {
            throw BootException.notFound(p.file() + ": profile '" + p.id() + "' has no boot.kernel, so it has no iPXE script");
        }
        StringBuilder s = new StringBuilder("#!ipxe\nkernel ").append(p.kernel());
        p.args().forEach(arg -> s.append(' ').append(arg));
        s.append('\n');
        p.initrd().forEach(initrd -> s.append("initrd ").append(initrd).append('\n'));
        return s.append("boot\n").toString();
    }
}
