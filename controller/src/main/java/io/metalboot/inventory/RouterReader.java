package io.metalboot.inventory;

import io.metalboot.inventory.Inventory.Router;
import io.metalboot.router.plan.RouterKind;
import java.util.List;
import java.util.Optional;

/** The {@code router} section: which router, how to reach it, and raw DHCP lines to keep on it. */
record RouterReader(Problems problems, Fields f) {
    static final List<String> FIELDS = List.of("kind", "address", "port", "user", "identity", "knownHosts", "legacySshRsa", "dhcp");
    private static final List<String> DHCP_FIELDS = List.of("globalParameters", "subnetParameters", "lanInterface");

    Optional<Router> read() {
        Values values = new Values(problems);
        Optional<RouterKind> kind = f.required("kind", String.join(" or ", RouterKind.labels()))
                .flatMap(s -> values.oneOf(s, RouterKind.labels())).map(k -> RouterKind.ofLabel(k).orElseThrow());
        Optional<String> address = kind.equals(Optional.of(RouterKind.NONE)) // never connected to: the address is only a note
                ? Optional.of(f.scalar("address").flatMap(this::host).orElse(""))
                : f.required("address", "the router's SSH address, e.g. 192.168.1.1").flatMap(this::host);
        int port = f.scalar("port").flatMap(s -> values.integer(s, 1, 65535)).orElse(22);
        Optional<String> user = f.scalar("user").flatMap(values::text);
        Optional<String> identity = f.scalar("identity").flatMap(values::text);
        Optional<String> knownHosts = f.scalar("knownHosts").flatMap(values::text);
        boolean legacy = f.scalar("legacySshRsa").flatMap(s -> values.oneOf(s, List.of("true", "false")))
                .map(Boolean::parseBoolean).orElse(false);
        Optional<Fields> dhcp = f.node("dhcp").flatMap(n -> Fields.of(problems, f.child("dhcp"), n, DHCP_FIELDS));
        List<String> globals = dhcp.map(d -> rawParameters(d, "globalParameters")).orElse(List.of());
        List<String> subnet = dhcp.map(d -> rawParameters(d, "subnetParameters")).orElse(List.of());
        String lan = dhcp.flatMap(d -> d.scalar("lanInterface")).flatMap(this::uciName).orElse("lan");
        return kind.flatMap(k -> address.map(a -> new Router(k, a, port,
                user.orElse(k.defaultUser()), identity, knownHosts, legacy, globals, subnet, lan)));
    }

    private Optional<String> host(Scalar s) {
        if (s.value().matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})")) {
            return Optional.of(s.value());
        }
        problems.add(s.line(), s.shown() + " is not a host name or IPv4 address (e.g. 192.168.1.1 or router.lan)");
        return Optional.empty();
    }

    private Optional<String> uciName(Scalar s) {
        if (s.value().matches("[A-Za-z0-9_]+")) {
            return Optional.of(s.value());
        }
        problems.add(s.line(), s.shown() + " is not a uci section name (letters, digits and '_' only, e.g. lan)");
        return Optional.empty();
    }

    /**
     * Raw ISC dhcpd statements. EdgeOS copies them into dhcpd.conf unchecked, so a slip here would stop
     * dhcpd on the router; catch what can be caught before anything is sent.
     */
    private List<String> rawParameters(Fields d, String key) {
        return d.scalars(key).stream().filter(s -> {
            String v = s.value().strip();
            if (v.contains("&quot;")) {
                problems.add(s.line(), s.shown() + " contains &quot;; write plain double quotes, metalboot encodes them for EdgeOS");
            } else if (!v.endsWith(";") && !v.endsWith("}")) {
                problems.add(s.line(), s.shown() + " does not end with ';' or '}' (each entry must be a complete dhcpd statement,"
                        + " e.g. \"deny bootp;\")");
            } else if (v.chars().filter(c -> c == '"').count() % 2 != 0) {
                problems.add(s.line(), s.shown() + " has an unbalanced double quote");
            } else if (v.chars().filter(c -> c == '{').count() != v.chars().filter(c -> c == '}').count()) {
                problems.add(s.line(), s.shown() + " has unbalanced braces");
            } else {
                return new Values(problems).text(s).isPresent();
            }
            return false;
        }).map(s -> s.value().strip()).toList();
    }
}
