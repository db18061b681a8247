package io.metalboot.boot.render;

import io.metalboot.boot.Profile;
import io.metalboot.boot.select.Match;

/** {@code /grub}: a GRUB menu entry booting the profile's kernel and initrds. */
public final class GrubConfig {
    private GrubConfig() {
    }

    public static String of(Match m) {
        Profile p = m.profile();
        StringBuilder s = new StringBuilder("default=0\ntimeout=1\nmenuentry \"").append(p.name().isEmpty() ? p.id() : p.name()).append("\" {\n");
        s.append("echo \"Loading kernel\"\nlinuxefi \"").append(p.kernel()).append('"');
        p.args().forEach(arg -> s.append(' ').append(arg));
        s.append("\necho \"Loading initrd\"\ninitrdefi");
        p.initrd().forEach(initrd -> s.append(" \"").append(initrd).append('"'));
        return s.append("\n}\n").toString();
    }
}
