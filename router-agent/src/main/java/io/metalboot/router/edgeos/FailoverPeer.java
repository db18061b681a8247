package io.metalboot.router.edgeos;

/** dhcpd-config.pl's failover peer declaration; only a primary gets {@code mclt} and {@code split}. */
final class FailoverPeer {
    private FailoverPeer() {
    }

    static String declaration(String name, String status, String localAddress, String peerAddress) {
        StringBuilder out = new StringBuilder("failover peer \"").append(name).append("\" {\n");
        out.append(status).append(";\n");
        out.append("address ").append(localAddress).append(";\n");
        out.append("port 520;\n");
        out.append("peer address ").append(peerAddress).append(";\n");
        out.append("peer port 520;\n");
        out.append("max-response-delay 30;\n");
        out.append("max-unacked-updates 10;\n");
        out.append("load balance max seconds 3;\n");
        if (status.equals("primary")) {
            out.append("mclt 1800;\n");
            out.append("split 128;\n");
        }
        return out.append("}\n").toString();
    }
}
