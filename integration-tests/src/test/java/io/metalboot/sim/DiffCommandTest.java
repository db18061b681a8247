package io.metalboot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.cli.Cli;
import io.metalboot.router.history.DriftRecord;
import io.metalboot.router.plan.RouterKind;
import java.util.List;

/** Drift: an entry changed by hand on the router after an apply shows in `metalboot diff`, and is recorded for the boot page. */
class DiffCommandTest {
    @SimRouterTest
    void aHandEditShowsAsDrift(SimLab lab) throws Exception {
        assertEquals(1, lab.metalboot("diff").exitCode(), "no applied revision yet");
        Cli applied = lab.metalboot("apply", "--yes", "--trust-new-host-key");
        assertEquals(0, applied.exitCode(), applied.out() + applied.err());
        Cli clean = lab.metalboot("diff");
        assertEquals(0, clean.exitCode(), clean.out() + clean.err());
        assertTrue(clean.out().startsWith("no drift: the router matches revision 0001"), clean.out());
        assertEquals(List.of(), DriftRecord.read(lab.inventory).orElseThrow().paths(), "what the boot page shows");

        String edit = lab.kind == RouterKind.EDGEOS
                ? "W=/opt/vyatta/sbin/vyatta-cfg-cmd-wrapper; $W begin; $W set service dhcp-server shared-network-name LAN"
                        + " subnet 192.168.1.0/24 static-mapping kube-master ip-address 192.168.1.231; $W commit; $W save; $W end"
                : "uci set dhcp.mb_kube_master.ip='192.168.1.231' && uci commit dhcp";
        assertEquals(0, lab.ssh.run(edit).exitCode());
        Cli drift = lab.metalboot("diff");
        assertEquals(3, drift.exitCode(), drift.out() + drift.err());
        assertTrue(drift.out().contains("+ ") && drift.out().contains("192.168.1.231"), drift.out());
        assertTrue(drift.out().contains("- ") && drift.out().contains("192.168.1.201"), drift.out());
        DriftRecord recorded = DriftRecord.read(lab.inventory).orElseThrow();
        assertEquals("0001", recorded.revision());
        assertTrue(!recorded.paths().isEmpty(), recorded.toString());
    }
}
