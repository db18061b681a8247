package io.metalboot.sim;

import io.metalboot.inventory.Inventory;
import io.metalboot.router.change.Dialects;
import io.metalboot.router.dialect.Desired;
import io.metalboot.router.dialect.KindSteps;
import io.metalboot.inventory.InventoryLoader;
import io.metalboot.router.edgeos.EdgeosDesired;
import io.metalboot.router.openwrt.OpenwrtDesired;
import io.metalboot.router.plan.Ownership;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.ReadScript;
import io.metalboot.routercfg.DesiredState;
import io.metalboot.routercfg.RouterTemplates;
import java.nio.file.Path;
import java.util.Optional;

/** The example lab's desired router state, rendered by the controller, and a test-only way to apply a plan in one exec. */
final class LabDesired {
    static final String WRAPPER = "/opt/vyatta/sbin/vyatta-cfg-cmd-wrapper";
    static final Path EXAMPLE = Path.of("../examples/home-lab/cluster.yaml");

    private LabDesired() {
    }

    static Inventory inventory() {
        return InventoryLoader.load(EXAMPLE);
    }

    /** The example lab, pointed at {@code router} on loopback with the key and known_hosts of {@link OpenSsh} in {@code dir}. */
    static Path inventoryFor(SimulatedRouter router, Path dir) throws java.io.IOException {
        return java.nio.file.Files.writeString(dir.resolve("cluster.yaml"), LabInventory.pointedAt(
                java.nio.file.Files.readString(EXAMPLE), router, dir.resolve("id_ed25519"), dir.resolve("known_hosts")));
    }

    static Desired desired(Inventory inv) {
        return DesiredState.of(inv, new RouterTemplates(Optional.empty()));
    }

    static EdgeosDesired edgeos(Inventory inv) {
        return DesiredState.edgeos(inv, new RouterTemplates(Optional.empty()));
    }

    static OpenwrtDesired openwrt(Inventory inv) {
        return DesiredState.openwrt(inv, new RouterTemplates(Optional.empty()));
    }

    /**
     * A bare apply (no lock, snapshot or watchdog: that is the transaction's job): files, then the kind's own commit
     * and save steps ({@link KindSteps}), then the state file; exits non-zero if a step failed.
     */
    static String applyScript(Plan plan) {
        KindSteps steps = Dialects.of(plan.router()).steps();
        String backup = plan.router().stateDir() + "/bare-apply";
        StringBuilder s = new StringBuilder("mb_ok=1\nmkdir -p ").append(ReadScript.quote(backup)).append('\n');
        plan.uploads().forEach((path, content) -> s.append("printf '%s' ").append(ReadScript.quote(content))
                .append(" > ").append(ReadScript.quote(path)).append('\n'));
        plan.fileDeletions().forEach(path -> s.append("rm -f ").append(ReadScript.quote(path)).append('\n'));
        s.append(steps.commit(plan, backup));
        String save = steps.save(backup);
        if (!save.isEmpty()) {
            s.append("if [ $mb_ok = 1 ]; then\n").append(save).append("fi\n");
        }
        Ownership after = plan.ownershipAfter();
        s.append("mkdir -p ").append(plan.router().stateDir()).append(" && printf '%s' ").append(ReadScript.quote(after.toJson()))
                .append(" > ").append(plan.router().stateFile()).append('\n');
        return s.append("[ $mb_ok = 1 ]\n").toString();
    }
}
