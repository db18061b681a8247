package io.metalboot.sim;

import static io.metalboot.sim.PlanCommandTest.metalboot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.history.DriftRecord;
import io.metalboot.router.plan.RouterKind;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Drift: an entry changed by hand on the router after an apply shows in `metalboot diff`. */
class DiffCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aHandEditShowsAsDrift(RouterKind kind) throws Exception {
        try (OpenSsh ssh = OpenSsh.start(kind, dir)) {
            String inv = LabDesired.inventoryFor(ssh.router(), dir).toString();
            assertEquals(1, metalboot("diff", "-c", inv).status(), "no applied revision yet");
            PlanCommandTest.Run applied = metalboot("apply", "-c", inv, "--yes", "--trust-new-host-key");
            assertEquals(0, applied.status(), applied.out() + applied.err());
            PlanCommandTest.Run clean = metalboot("diff", "-c", inv);
            assertEquals(0, clean.status(), clean.out() + clean.err());
            assertTrue(clean.out().startsWith("no drift: the router matches revision 0001"), clean.out());
            assertEquals(java.util.List.of(), DriftRecord.read(Path.of(inv)).orElseThrow().paths(), "what the boot page shows");

            String edit = kind == RouterKind.EDGEOS
                    ? "W=/opt/vyatta/sbin/vyatta-cfg-cmd-wrapper; $W begin; $W set service dhcp-server shared-network-name LAN"
                            + " subnet 192.168.1.0/24 static-mapping kube-master ip-address 192.168.1.231; $W commit; $W save; $W end"
                    : "uci set dhcp.mb_kube_master.ip='192.168.1.231' && uci commit dhcp";
            assertEquals(0, ssh.run(edit).status());
            PlanCommandTest.Run drift = metalboot("diff", "-c", inv);
            assertEquals(3, drift.status(), drift.out() + drift.err());
            assertTrue(drift.out().contains("+ ") && drift.out().contains("192.168.1.231"), drift.out());
            assertTrue(drift.out().contains("- ") && drift.out().contains("192.168.1.201"), drift.out());
            DriftRecord recorded = DriftRecord.read(Path.of(inv)).orElseThrow();
            assertEquals("0001", recorded.revision());
            assertTrue(!recorded.paths().isEmpty(), recorded.toString());
        }
    }
}
