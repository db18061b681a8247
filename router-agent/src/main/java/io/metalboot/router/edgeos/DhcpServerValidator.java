package io.metalboot.router.edgeos;

import io.metalboot.router.Ipv4Address;
import io.metalboot.router.Ipv4Subnet;
import io.metalboot.router.edgeos.DhcpServerView.Mapping;
import io.metalboot.router.edgeos.DhcpServerView.Range;
import io.metalboot.router.edgeos.DhcpServerView.Subnet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commit-time checks EdgeOS runs on {@code service dhcp-server} (vyatta-cfg-dhcp-server's
 * dhcpd-config.pl), with its messages line for line: ranges inside the subnet, stop not before
 * start, no overlapping ranges, static mappings with an address and a MAC inside the subnet (inside
 * a start-stop range is fine: the generator cuts the address out, Vyatta bug 3800), no overlapping subnets, and at least one subnet on a router interface (only
 * checked when the tree holds {@code interfaces}). It also reports what passes the commit but
 * stops dhcpd from starting, such as one host name under two shared networks.
 */
public final class DhcpServerValidator {
    static final String ABORTED = "DHCP server configuration commit aborted due to error(s).";

    /**
     * The outcome. {@code errors} are the stderr lines of a failed commit, ending with "DHCP server
     * configuration commit aborted due to error(s)."; {@code warnings} are printed but do not stop
     * the commit; {@code dhcpdFailures} pass the commit yet make dhcpd refuse to start.
     */
    public record Result(List<String> errors, List<String> warnings, List<String> dhcpdFailures) {
        public Result {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
            dhcpdFailures = List.copyOf(dhcpdFailures);
        }

        /** Whether the commit goes through. */
        public boolean commits() {
            return errors.isEmpty();
        }
    }

    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> dhcpdFailures = new ArrayList<>();

    private DhcpServerValidator() {
    }

    /** Checks the {@code service dhcp-server} subtree of {@code tree} (a tree without it is valid). */
    public static Result validate(ConfigTree tree) {
        DhcpServerValidator validator = new DhcpServerValidator();
        validator.check(new DhcpServerView(tree));
        if (!validator.errors.isEmpty()) {
            validator.errors.add(ABORTED);
        }
        return new Result(validator.errors, validator.warnings, validator.dhcpdFailures);
    }

    private void check(DhcpServerView view) {
        if (!view.configured()) {
            return;
        }
        if (view.server().value("disabled").filter("true"::equals).isPresent()) {
            warnings.add("Warning:  DHCP server will be deactivated because ");
            warnings.add("'service dhcp-server disabled' is 'true'");
        }
        if (view.server().children("shared-network-name").isEmpty()) {
            error("No DHCP shared networks configured. ", "At least one DHCP shared network must be configured.");
            return;
        }
        List<Ipv4Subnet> interfaces = view.interfaceAddresses();
        List<String> allSubnets = new ArrayList<>();
        List<String> failoverNames = new ArrayList<>();
        Map<String, String> hostOwners = new LinkedHashMap<>();
        boolean matched = false;
        for (String name : view.activeSharedNetworks()) {
            List<Subnet> subnets = view.subnets(name);
            if (subnets.isEmpty()) {
                error("No DHCP lease subnets configured for shared network name '" + name + "'.",
                        "At least one DHCP lease subnet must be configured for each shared network.");
                continue;
            }
            if (subnets.size() > 1) {
                warnings.add("DHCP server warning: Multiple subnets configured under shared-network-name '" + name + "'");
                warnings.add("This implies that " + String.join(", ", subnets.stream().map(Subnet::cidr).sorted().toList())
                        + " share the same physical network");
            }
            for (Subnet subnet : subnets) {
                allSubnets.add(subnet.cidr());
                Ipv4Subnet network = Ipv4Subnet.parse(subnet.cidr());
                matched |= interfaces.stream().anyMatch(address -> contains(address, network));
                checkSubnet(subnet, network, failoverNames);
                for (Mapping mapping : subnet.activeMappings()) {
                    String owner = hostOwners.putIfAbsent(mapping.name(), name);
                    if (owner != null) {
                        dhcpdFailures.add("static-mapping '" + mapping.name() + "' appears under shared network name '"
                                + owner + "' and '" + name + "': dhcpd refuses a second 'host " + mapping.name()
                                + "' declaration and will not start (give each static-mapping its own name)");
                    }
                }
            }
        }
        for (String outer : allSubnets) {
            for (String inner : allSubnets) {
                if (outer != inner && Ipv4Subnet.parse(outer).contains(Ipv4Subnet.parse(inner))) {
                    error("Conflicting subnet ranges: " + inner + " overlaps " + outer);
                }
            }
        }
        if (!allSubnets.isEmpty() && !matched && view.tree().exists("interfaces")) {
            error("DHCP server error: None of the DHCP lease subnets are inside any of the subnets",
                    "configured on broadcast interfaces. At least one DHCP lease subnet must be set",
                    "such that DHCP server listens on a minimum of one broadcast interface");
        }
    }

    /** Whether the DHCP subnet lies inside the network of an interface address (doCheckIfAddressPLInsideNetwork). */
    private static boolean contains(Ipv4Subnet interfaceAddress, Ipv4Subnet subnet) {
        return interfaceAddress.contains(subnet);
    }

    private void checkSubnet(Subnet subnet, Ipv4Subnet network, List<String> failoverNames) {
        DhcpServerView.Scope scope = subnet.scope();
        String cidr = subnet.cidr();
        String name = subnet.sharedNetwork();
        List<Range> ranges = subnet.ranges();
        if (scope.value("static-route", "destination-subnet").isPresent() != scope.value("static-route", "router").isPresent()) {
            error("Please specify the missing DHCP static-route parameter:", "destination-subnet | router");
        }
        checkFailover(subnet, ranges, failoverNames);
        List<String> excludes = scope.values("exclude");
        List<Range> checkedRanges = new ArrayList<>();
        boolean rangesUsable = !ranges.isEmpty();
        if (ranges.isEmpty() && !excludes.isEmpty()) {
            error("Atleast one start-stop range must be configured for " + cidr + " to exclude IP");
        }
        for (Range range : ranges) {
            Ipv4Address start = Ipv4Address.parse(range.start());
            if (!network.contains(start)) {
                error("Start DHCP lease IP '" + range.start() + "' is outside of the DHCP lease network '" + cidr + "'",
                        "under shared network '" + name + "'.");
                rangesUsable = false;
            }
            if (range.stop().isEmpty()) {
                error("Stop DHCP lease IP not defined for Start DHCP lease IP '" + range.start() + "'");
                rangesUsable = false;
                continue;
            }
            Ipv4Address stop = Ipv4Address.parse(range.stop().get());
            if (!network.contains(stop)) {
                error("Stop DHCP lease IP '" + range.stop().get() + "' is outside of the DHCP lease network '" + cidr + "'",
                        "under shared network '" + name + "'.");
                rangesUsable = false;
            }
            if (stop.compareTo(start) < 0) {
                error("Stop DHCP lease IP '" + range.stop().get() + "' should be an address equal to or later ",
                        "than the Start DHCP lease IP '" + range.start() + "'");
                rangesUsable = false;
            }
            checkedRanges.add(range);
        }
        if (rangesUsable) {
            checkConflicts(checkedRanges);
            if (errors.isEmpty()) {
                for (String exclude : excludes) {
                    if (!network.contains(Ipv4Address.parse(exclude))) {
                        error("Exclude IP '" + exclude + "' is outside of the DHCP lease network ",
                                "'" + cidr + "' under shared network '" + name + "'.");
                    }
                }
                if (errors.isEmpty() && !excludes.isEmpty()) {
                    RangeSplitter.Split split = RangeSplitter.split(checkedRanges, excludes);
                    warnings.addAll(split.warnings());
                    split.error().ifPresent(errors::addAll);
                }
            }
        }
        List<Mapping> mappings = subnet.activeMappings();
        if (mappings.isEmpty() && ranges.isEmpty()) {
            error("No DHCP start-stop range or active static-mapping set for subnet " + cidr);
        }
        for (Mapping mapping : mappings) {
            checkMapping(mapping, name, cidr, network);
        }
    }

    private void checkConflicts(List<Range> ranges) {
        for (Range i : ranges) {
            for (Range j : ranges) {
                if (i == j) {
                    continue;
                }
                Ipv4Address jStart = Ipv4Address.parse(j.start());
                Ipv4Address jStop = Ipv4Address.parse(j.stop().orElseThrow());
                if (within(Ipv4Address.parse(i.start()), jStart, jStop)) {
                    error("Conflicting DHCP lease ranges: Start IP '" + i.start() + "'",
                            "lies in DHCP lease range '" + j.start() + "'-'" + j.stop().get() + "'.");
                } else if (within(Ipv4Address.parse(i.stop().orElseThrow()), jStart, jStop)) {
                    error("Conflicting DHCP lease ranges: Stop IP '" + i.stop().get() + "' ",
                            "lies in DHCP lease range '" + j.start() + "'-'" + j.stop().get() + "'.");
                }
            }
        }
    }

    private void checkMapping(Mapping mapping, String name, String cidr, Ipv4Subnet network) {
        String quoted = "'" + mapping.name() + "'";
        if (mapping.ip().isEmpty()) {
            error("No static DHCP lease IP address specified for static mapping " + quoted,
                    "under shared network name '" + name + "'.");
        } else {
            Ipv4Address ip = Ipv4Address.parse(mapping.ip().get());
            if (!network.contains(ip)) {
                error("Static DHCP lease IP '" + mapping.ip().get() + "' under static mapping " + quoted,
                        "under shared network name '" + name + "' is outside of the DHCP lease network '" + cidr + "'.");
            }
        }
        if (mapping.mac().isEmpty()) {
            error("No static DHCP lease mac address specified for static mapping " + quoted,
                    "under shared network name '" + name + "'.");
        }
    }

    private void checkFailover(Subnet subnet, List<Range> ranges, List<String> failoverNames) {
        DhcpServerView.Scope scope = subnet.scope();
        List<Optional<String>> parts = List.of(scope.value("failover", "local-address"),
                scope.value("failover", "peer-address"), scope.value("failover", "name"), scope.value("failover", "status"));
        long present = parts.stream().filter(Optional::isPresent).count();
        if (present == 0) {
            return;
        }
        if (present < parts.size()) {
            error("Please set one or more of the missing DHCP failover parameters:", "local-address | peer-address | name | status");
            return;
        }
        String peer = parts.get(2).orElseThrow();
        if (failoverNames.contains(peer)) {
            error("Failover names should be unique: '" + peer + "' has already been configured");
        } else if (ranges.isEmpty()) {
            error("Atleast one start-stop range must be configured for " + subnet.cidr() + " to set up DHCP failover");
        } else {
            failoverNames.add(peer);
        }
    }

    private static boolean within(Ipv4Address ip, Ipv4Address start, Ipv4Address stop) {
        return start.compareTo(ip) <= 0 && ip.compareTo(stop) <= 0;
    }

    private void error(String... lines) {
        errors.addAll(List.of(lines));
    }
}
