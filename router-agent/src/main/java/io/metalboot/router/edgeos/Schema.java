package io.metalboot.router.edgeos;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The templates of the configuration tree. {@code service dhcp-server} is encoded exactly from the
 * vyatta-cfg-dhcp-server node.def files (kinds, types, syntax checks, defaults) plus the nodes
 * EdgeOS adds (static-arp, use-dnsmasq, unifi-controller, domain-search); that subtree is closed:
 * an unknown name there is "not valid". Everything else is open: a few EdgeOS tag and multi nodes
 * are listed so that {@code set interfaces ethernet eth0 address …} lands where the router puts it,
 * and unknown paths are handled generically (last word is the value).
 */
final class Schema {
    /** One template: node kind, value type, default, whether unknown children are rejected. */
    record Def(String name, Kind kind, ValueType type, Optional<String> defaultValue, boolean closed,
               Map<String, Def> children) {

        Optional<Def> child(String childName) {
            return Optional.ofNullable(children.get(childName));
        }

        /** A template for a node the schema does not describe (outside the closed subtrees). */
        static Def generic(String name, Kind kind) {
            return new Def(name, kind, new ValueType("any", java.util.List.of()), Optional.empty(), false, Map.of());
        }
    }

    /**
     * The top-level nodes and services an EdgeOS 2.0 router has templates for (its
     * /opt/vyatta/share/vyatta-cfg/templates); a path starting elsewhere has no template, and
     * {@code cli-shell-api showCfg} calls it not valid (vyatta-cfg cli_shell_api.cpp showCfg over
     * Cstore::validateTmplPath). The subtrees below are open beyond these two levels.
     */
    private static final java.util.Set<String> TOP_LEVEL = java.util.Set.of("custom-attribute", "firewall", "interfaces",
            "load-balance", "policy", "port-forward", "protocols", "service", "system", "traffic-control", "traffic-policy",
            "vpn", "zone-policy");
    private static final java.util.Set<String> SERVICES = java.util.Set.of("bcast-relay", "dhcp-relay", "dhcp-server",
            "dhcpv6-relay", "dhcpv6-server", "dns", "gui", "lldp", "mdns", "nat", "pppoe-server", "snmp", "ssh", "suspend",
            "telnet", "ubnt-discover", "ubnt-discover-server", "udapi-server", "unms", "upnp", "upnp2", "webproxy");

    /** Whether a template exists for the first two words of {@code path} (an empty path is the root). */
    static boolean templated(java.util.List<String> path) {
        if (path.isEmpty()) {
            return true;
        }
        if (!TOP_LEVEL.contains(path.get(0))) {
            return false;
        }
        return path.size() < 2 || !path.get(0).equals("service") || SERVICES.contains(path.get(1));
    }

    // Indentation is nesting; a line without a spec is a typeless container.
    // Specs: [tag|multi] TYPE [default=VALUE] | valueless | closed.
    private static final String TEMPLATES = """
            interfaces
              ethernet tag any
                address multi any
                disable valueless
                vif tag any
                  address multi any
                  disable valueless
              switch tag any
                address multi any
                switch-port
                  interface tag any
                vif tag any
                  address multi any
                  disable valueless
              bridge tag any
                address multi any
              loopback tag any
                address multi any
            system
              login
                user tag any
              name-server multi any
              ntp
                server tag any
              static-host-mapping
                host-name tag any
                  alias multi any
              syslog
                global
                  facility tag any
                host tag any
                  facility tag any
            firewall
              name tag any
                rule tag any
            service
              nat
                rule tag any
              unms
                disable valueless
              dhcp-server closed
                disabled bool default=false
                dynamic-dns-update
                  enable bool default=false
                global-parameters multi txt
                hostfile-update enable|disable default=disable
                static-arp enable|disable
                use-dnsmasq enable|disable
                shared-network-name tag poolname
                  authoritative enable|disable default=disable
                  description txt
                  disable valueless
                  shared-network-parameters multi txt
                  subnet tag ipv4net
                    bootfile-name txt
                    bootfile-server txt
                    client-prefix-length prefixlen
                    default-router ipv4
                    dns-server multi ipv4
                    domain-name txt
                    domain-search multi txt
                    exclude multi ipv4
                    failover
                      local-address ipv4
                      name txt
                      peer-address ipv4
                      status primary|secondary
                    ip-forwarding
                      enable bool default=false
                    lease u32 default=86400
                    ntp-server multi ipv4
                    pop-server multi ipv4
                    server-identifier ipv4
                    smtp-server multi ipv4
                    start tag ipv4
                      stop ipv4
                    static-mapping tag mapname
                      disable valueless
                      ip-address ipv4
                      mac-address macaddr
                      static-mapping-parameters multi txt
                    static-route
                      destination-subnet ipv4net
                      router ipv4
                    subnet-parameters multi txt
                    tftp-server-name txt
                    time-offset offset
                    time-server multi ipv4
                    unifi-controller ipv4
                    wins-server multi ipv4
                    wpad-url txt
            """;

    static final Def ROOT = parse(TEMPLATES);

    private Schema() {
    }

    private static Def parse(String text) {
        Map<String, Def> top = new LinkedHashMap<>();
        Deque<Map<String, Def>> levels = new ArrayDeque<>();
        Deque<Integer> indents = new ArrayDeque<>();
        Deque<Boolean> closedness = new ArrayDeque<>();
        levels.push(top);
        indents.push(-1);
        closedness.push(false);
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            while (indent <= indents.peek()) {
                levels.pop();
                indents.pop();
                closedness.pop();
            }
            String[] words = line.strip().split(" ");
            Map<String, Def> children = new LinkedHashMap<>();
            Def def = define(words, closedness.peek(), children);
            levels.peek().put(def.name(), def);
            levels.push(children);
            indents.push(indent);
            closedness.push(def.closed());
        }
        return new Def("", Kind.CONTAINER, ValueType.TXT, Optional.empty(), false, top);
    }

    private static Def define(String[] words, boolean parentClosed, Map<String, Def> children) {
        String name = words[0];
        Kind kind = Kind.CONTAINER;
        ValueType type = ValueType.TXT;
        Optional<String> defaultValue = Optional.empty();
        boolean closed = parentClosed;
        for (int i = 1; i < words.length; i++) {
            String word = words[i];
            if (word.equals("tag")) {
                kind = Kind.TAG;
            } else if (word.equals("multi")) {
                kind = Kind.MULTI;
            } else if (word.equals("valueless")) {
                kind = Kind.VALUELESS;
            } else if (word.equals("closed")) {
                closed = true;
            } else if (word.startsWith("default=")) {
                defaultValue = Optional.of(word.substring("default=".length()));
            } else {
                type = ValueType.of(word);
                if (kind == Kind.CONTAINER) {
                    kind = Kind.LEAF;
                }
            }
        }
        return new Def(name, kind, type, defaultValue, closed, java.util.Collections.unmodifiableMap(children));
    }
}
