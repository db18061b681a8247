package io.metalboot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.cli.Cli;
import io.metalboot.router.plan.RouterKind;

/**
 * Text stored on the router reaches the terminal escaped: a hand edit that puts a title change and a
 * clear-screen into a mapping shows in plan, diff and rollback as {@code \x1b…}, never as the escape itself.
 */
class RouterTextEscapeTest {
    static final String HOSTILE = "$(printf 'x\\033]0;pwned\\007\\033[2J\\rY')";

    @SimRouterTest
    void escapesFromTheRouterArePrintedEscaped(SimLab lab) throws Exception {
        Cli applied = lab.metalboot("apply", "--yes", "--trust-new-host-key");
        assertEquals(0, applied.exitCode(), applied.out() + applied.err());
        String edit = lab.kind == RouterKind.EDGEOS
                ? "W=/opt/vyatta/sbin/vyatta-cfg-cmd-wrapper; $W begin; $W set service dhcp-server shared-network-name LAN"
                        + " subnet 192.168.1.0/24 static-mapping kube-master static-mapping-parameters \"" + HOSTILE + "\";"
                        + " $W commit; $W save; $W end"
                : "v=$(printf 'x\\033]0;pwned\\007\\033[2J'); sed -i \"s/name 'kube-master'/name '$v'/\" /etc/config/dhcp";
        OpenSsh.Result edited = lab.ssh.run(edit);
        assertEquals(0, edited.exitCode(), edited.out() + edited.err());
        StringBuilder printed = new StringBuilder();
        for (String command : new String[] {"plan", "diff", "rollback"}) {
            Cli run = lab.metalboot(command);
            String all = run.out() + run.err();
            assertFalse(all.contains("\u001b") || all.contains("\u0007") || all.contains("\r"), command + " printed a raw escape: " + all);
            printed.append(all);
        }
        assertTrue(printed.toString().contains("x\\x1b]0;pwned\\x07\\x1b[2J"), printed.toString());
    }
}
