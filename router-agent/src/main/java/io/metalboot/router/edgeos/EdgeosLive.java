package io.metalboot.router.edgeos;

import io.metalboot.router.RouterAgentException;
import io.metalboot.router.dialect.LiveState;
import io.metalboot.router.plan.Ownership;
import io.metalboot.router.plan.ReadOutput;
import io.metalboot.router.plan.ReadScript;
import io.metalboot.router.plan.Snapshot;
import io.metalboot.router.plan.RouterKind;
import io.metalboot.router.plan.TransactionRecords;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EdgeRouter's live state as one read round trip finds it: the saved {@code /config/config.boot}
 * (raw, absent if missing, and parsed), the ACTIVE {@code service dhcp-server} and {@code interfaces}
 * subtrees (what {@code cli-shell-api showCfg} shows outside a session; they may differ from the
 * saved file), the include files metalboot writes (present with content, or absent), metalboot's
 * ownership from its state file, dhcpd's pids and whether metalboot's lock directory exists
 * (with the content of its {@code owner} file).
 */
public record EdgeosLive(Optional<String> configBoot, ConfigTree saved, ConfigTree active,
        Map<String, Optional<String>> files, Ownership ownership, List<Integer> dhcpdPids, Optional<String> lock,
        TransactionRecords records) implements LiveState {
    /** Where metalboot's include files live: {@code /config/scripts/} survives firmware upgrades. */
    public static final String SCRIPTS = "/config/scripts/";
    /** The include file declaring the iPXE option space (dhcpd's global parameters include it). */
    public static final String OPTION_SPACE_FILE = SCRIPTS + "ipxe-option-space.conf";
    /** The include file with the chainloading rules (the subnet's parameters include it). */
    public static final String GREEN_FILE = SCRIPTS + "ipxe-green.conf";
    /** Include files metalboot writes. */
    public static final List<String> INCLUDES = List.of(OPTION_SPACE_FILE, GREEN_FILE);
    public static final String CONFIG_BOOT = "/config/config.boot";
    static final String SHOW_DHCP = "cli-shell-api showCfg service dhcp-server";
    static final String SHOW_INTERFACES = "cli-shell-api showCfg interfaces";
    private static final String EMPTY = "Configuration under specified path is empty";
    private static final String NOT_VALID = "Specified configuration path is not valid";

    public EdgeosLive {
        files = new TreeMap<>(files);
        files = java.util.Collections.unmodifiableMap(files);
        dhcpdPids = List.copyOf(dhcpdPids);
        if (ownership.router() != RouterKind.EDGEOS) {
            throw new IllegalArgumentException("an EdgeOS router's ownership must be for edgeos, not " + ownership.router().label());
        }
    }

    public boolean dhcpdRunning() {
        return !dhcpdPids.isEmpty();
    }

    @Override
    public boolean daemonRunning() {
        return dhcpdRunning();
    }

    /** The include files present, config.boot and the active dhcp-server subtree ({@link Snapshot#ACTIVE_DHCP}). */
    @Override
    public SortedMap<String, String> revisionFiles() {
        SortedMap<String, String> out = new TreeMap<>();
        files.forEach((path, content) -> content.ifPresent(text -> out.put(path, text)));
        configBoot.ifPresent(text -> out.put(CONFIG_BOOT, text));
        out.put(Snapshot.ACTIVE_DHCP, active.subtree("service", "dhcp-server").toBoot());
        return out;
    }

    /** Whether the active dhcp-server differs from the saved one (a commit without save): applying also saves it. */
    public boolean unsavedDhcpChanges() {
        return !saved.subtree(DhcpServerView.ROOT).equals(active.subtree(DhcpServerView.ROOT));
    }

    /** The read script for the standard include files. */
    public static String readScript() {
        return readScript(INCLUDES);
    }

    /** The read script, also reading {@code files} (router paths of include files). */
    public static String readScript(List<String> files) {
        return script(ReadScript.forKind(RouterKind.EDGEOS), files);
    }

    static String script(ReadScript script, List<String> files) {
        script.file(CONFIG_BOOT)
                .command("active-dhcp", SHOW_DHCP)
                .command("active-interfaces", SHOW_INTERFACES);
        files.forEach(script::file);
        return script.file(RouterKind.EDGEOS.stateFile())
                .command("dhcpd", "pidof dhcpd")
                .transactions(RouterKind.EDGEOS)
                .build();
    }

    /** Reads the standard output of {@link #readScript}. */
    public static EdgeosLive parse(String stdout) {
        ReadOutput out = ReadOutput.parse(stdout, RouterKind.EDGEOS);
        Optional<String> boot = out.file(CONFIG_BOOT);
        ConfigTree saved = boot.map(text -> ConfigTree.parseBoot(text, CONFIG_BOOT)).orElse(ConfigTree.empty());
        ConfigTree dhcp = shown(out.command("active-dhcp"), SHOW_DHCP, "service", "dhcp-server");
        ConfigTree interfaces = shown(out.command("active-interfaces"), SHOW_INTERFACES, "interfaces");
        ConfigTree active = dhcp.graft(interfaces, List.of("interfaces"));
        Map<String, Optional<String>> files = new TreeMap<>(out.files());
        files.remove(CONFIG_BOOT);
        String stateFile = RouterKind.EDGEOS.stateFile();
        Ownership ownership = files.getOrDefault(stateFile, Optional.empty())
                .map(json -> Ownership.parse(json, stateFile, RouterKind.EDGEOS))
                .orElse(Ownership.none(RouterKind.EDGEOS));
        String ownerFile = RouterKind.EDGEOS.lockDir() + "/owner";
        Optional<String> owner = files.remove(ownerFile);
        Optional<String> lock = out.command("lock").status() == 0 ? Optional.of(owner.orElse("")) : Optional.empty();
        TransactionRecords records = TransactionRecords.of(out);
        return new EdgeosLive(boot, saved, active, files, ownership, pids(out.command("dhcpd"), "dhcpd"), lock, records);
    }

    /** The pids {@code pidof} printed; none when it exited 1 (no such process). */
    static List<Integer> pids(ReadOutput.Result result, String program) {
        if (result.status() != 0 && result.output().isBlank()) {
            return List.of();
        }
        List<Integer> pids = new ArrayList<>();
        for (String word : result.output().strip().split("\\s+")) {
            if (!word.matches("[0-9]{1,9}")) {
                throw new RouterAgentException("'pidof " + program + "' printed '" + result.output().strip()
                        + "' (expected process ids); is pidof installed on the router?");
            }
            pids.add(Integer.parseInt(word));
        }
        return pids;
    }

    /** Parses showCfg output (the children of {@code path}) into a tree holding {@code path}. */
    private static ConfigTree shown(ReadOutput.Result result, String command, String... path) {
        String text = result.output();
        if (result.status() != 0) {
            throw new RouterAgentException("'" + command + "' failed on the router with status " + result.status()
                    + ": " + text.strip() + " (is the login user an EdgeOS admin?)");
        }
        if (text.strip().equals(EMPTY)) {
            return ConfigTree.empty();
        }
        if (text.strip().equals(NOT_VALID)) {
            throw new RouterAgentException("'" + command + "' says '" + NOT_VALID + "': this router has no template for "
                    + String.join(" ", path) + " (is it an EdgeOS router? check router.kind in the inventory)");
        }
        StringBuilder wrapped = new StringBuilder();
        Arrays.stream(path).forEach(element -> wrapped.append(element).append(" {\n"));
        wrapped.append(text).append(text.endsWith("\n") ? "" : "\n");
        wrapped.append("}\n".repeat(path.length));
        try {
            return ConfigTree.parseBoot(wrapped.toString(), command);
        } catch (RouterAgentException e) {
            Matcher m = Pattern.compile("^" + Pattern.quote(command) + ":(\\d+):").matcher(e.getMessage());
            if (!m.find()) {
                throw e;
            }
            int line = Integer.parseInt(m.group(1)) - path.length;
            throw new RouterAgentException(command + " output line " + line + ":" + e.getMessage().substring(m.end()), e);
        }
    }
}
