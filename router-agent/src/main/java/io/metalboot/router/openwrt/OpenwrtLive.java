package io.metalboot.router.openwrt;

import io.metalboot.router.RouterAgentException;
import io.metalboot.router.dialect.LiveState;
import io.metalboot.router.plan.Ownership;
import io.metalboot.router.plan.ReadOutput;
import io.metalboot.router.plan.ReadScript;
import io.metalboot.router.plan.RouterKind;
import io.metalboot.router.plan.TransactionRecords;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An OpenWrt router's live state as one read round trip finds it: the committed
 * {@code /etc/config/dhcp} (raw, absent if missing, and parsed), {@code uci export dhcp} (committed
 * plus staged changes, as uci shows it), the lines of {@code uci changes dhcp} (staged and not
 * committed, by anyone), metalboot's files (present or absent), its ownership, dnsmasq's pids and
 * whether metalboot's lock directory exists (with its {@code owner} file).
 */
public record OpenwrtLive(Optional<String> dhcpFile, UciConfig committed, UciConfig exported, List<String> stagedChanges,
        Map<String, Optional<String>> files, Ownership ownership, List<Integer> dnsmasqPids, Optional<String> lock,
        TransactionRecords records) implements LiveState {
    public static final String DHCP = "/etc/config/dhcp";

    public OpenwrtLive {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
        stagedChanges = List.copyOf(stagedChanges);
        dnsmasqPids = List.copyOf(dnsmasqPids);
        if (ownership.router() != RouterKind.OPENWRT) {
            throw new IllegalArgumentException("an OpenWrt router's ownership must be for openwrt, not " + ownership.router().label());
        }
    }

    public boolean dnsmasqRunning() {
        return !dnsmasqPids.isEmpty();
    }

    @Override
    public boolean daemonRunning() {
        return dnsmasqRunning();
    }

    /** metalboot's files present and /etc/config/dhcp. */
    @Override
    public SortedMap<String, String> revisionFiles() {
        SortedMap<String, String> out = new TreeMap<>();
        files.forEach((path, content) -> content.ifPresent(text -> out.put(path, text)));
        dhcpFile.ifPresent(text -> out.put(DHCP, text));
        return out;
    }

    /** The read script, also reading {@code files} (router paths of metalboot's snippet files). */
    public static String readScript(List<String> files) {
        return script(ReadScript.forKind(RouterKind.OPENWRT), files);
    }

    public static String readScript() {
        return readScript(List.of());
    }

    static String script(ReadScript script, List<String> files) {
        script.command("export", "uci export dhcp")
                .command("changes", "uci changes dhcp")
                .file(DHCP);
        files.forEach(script::file);
        return script.file(RouterKind.OPENWRT.stateFile())
                .command("dnsmasq", "pidof dnsmasq")
                .transactions(RouterKind.OPENWRT)
                .build();
    }

    /** Reads the standard output of {@link #readScript}. */
    public static OpenwrtLive parse(String stdout) {
        ReadOutput out = ReadOutput.parse(stdout, RouterKind.OPENWRT);
        Optional<String> raw = out.file(DHCP);
        UciConfig committed = raw.map(text -> UciConfig.parse("dhcp", text)).orElse(UciConfig.empty("dhcp"));
        ReadOutput.Result export = out.command("export");
        UciConfig exported;
        if (export.status() == 0) {
            exported = UciConfig.parse("dhcp", export.output());
        } else if (raw.isEmpty()) {
            exported = UciConfig.empty("dhcp");
        } else {
            throw new RouterAgentException("'uci export dhcp' failed on the router with status " + export.status() + ": "
                    + export.output().strip() + " (check " + DHCP + " with 'uci show dhcp' on the router)");
        }
        ReadOutput.Result changes = out.command("changes");
        if (changes.status() != 0 && raw.isPresent()) {
            throw new RouterAgentException("'uci changes dhcp' failed on the router with status " + changes.status() + ": "
                    + changes.output().strip() + " (check /tmp/.uci/dhcp on the router)");
        }
        List<String> staged = changes.status() != 0 ? List.of()
                : changes.output().lines().filter(line -> !line.isBlank()).toList();
        Map<String, Optional<String>> files = new TreeMap<>(out.files());
        files.remove(DHCP);
        String stateFile = RouterKind.OPENWRT.stateFile();
        Ownership ownership = files.getOrDefault(stateFile, Optional.empty())
                .map(json -> Ownership.parse(json, stateFile, RouterKind.OPENWRT))
                .orElse(Ownership.none(RouterKind.OPENWRT));
        Optional<String> owner = files.remove(RouterKind.OPENWRT.lockDir() + "/owner");
        Optional<String> lock = out.command("lock").status() == 0 ? Optional.of(owner.orElse("")) : Optional.empty();
        TransactionRecords records = TransactionRecords.of(out);
        return new OpenwrtLive(raw, committed, exported, staged, files, ownership, pids(out.command("dnsmasq")), lock, records);
    }

    private static List<Integer> pids(ReadOutput.Result result) {
        List<Integer> pids = new ArrayList<>();
        if (result.status() != 0 && result.output().isBlank()) {
            return pids;
        }
        for (String word : result.output().strip().split("\\s+")) {
            if (!word.matches("[0-9]{1,9}")) {
                throw new RouterAgentException("'pidof dnsmasq' printed '" + result.output().strip()
                        + "' (expected process ids); is pidof installed on the router?");
            }
            pids.add(Integer.parseInt(word));
        }
        return pids;
    }

    /** The section a {@code uci changes} line is about ({@code -dhcp.cfg0a.ip} → {@code cfg0a}); empty for another package. */
    static Optional<String> changedSection(String line) {
        String text = line.strip();
        if (!text.isEmpty() && "-@+^|~".indexOf(text.charAt(0)) >= 0) {
            text = text.substring(1);
        }
        if (!text.startsWith("dhcp.")) {
            return Optional.empty();
        }
        String rest = text.substring(5);
        int end = 0;
        while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '=') {
            end++;
        }
        return end == 0 ? Optional.empty() : Optional.of(rest.substring(0, end));
    }
}
