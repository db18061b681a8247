package io.metalboot.boot.http;

import java.util.regex.Pattern;

/** The {@code metalboot adopt} command the page offers for a discovered machine. */
final class Adopt {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?");

    private Adopt() {
    }

    /** Named after the machine's own host name when that is a usable name, else after its MAC's last three bytes. */
    static String command(String mac, String hostname) {
        String name = NAME.matcher(hostname).matches() ? hostname : "node-" + mac.substring(9).replace(":", "");
        return "metalboot adopt " + mac + " --name " + name + " --role worker";
    }
}
