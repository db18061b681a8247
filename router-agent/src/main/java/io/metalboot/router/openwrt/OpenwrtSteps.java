package io.metalboot.router.openwrt;

import static io.metalboot.router.plan.ReadScript.quote;

import io.metalboot.router.dialect.KindSteps;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.RouterKind;
import java.util.List;
import java.util.Optional;

/** OpenWrt: {@code uci batch}, {@code uci commit dhcp} (which writes /etc/config/dhcp) and a dnsmasq reload. */
final class OpenwrtSteps implements KindSteps {
    @Override
    public List<String> trackedFiles() {
        return List.of(OpenwrtLive.DHCP);
    }

    @Override
    public String snapshot(String backup) {
        return "";
    }

    @Override
    public String commit(Plan plan, String backup) {
        StringBuilder s = new StringBuilder();
        if (!plan.commands().isEmpty()) {
            String err = quote(backup + "/batch.err");
            s.append("if [ $mb_ok = 1 ]; then uci batch 2>").append(err).append(" <<'MB_EOF'\n")
                    .append(String.join("\n", plan.commands())).append("\nMB_EOF\n");
            s.append("if [ -s ").append(err).append(" ]; then cat ").append(err).append(" 1>&2; mb_ok=0; fi; fi\n");
            // uci says only "I/O error" when it cannot write: a probe write beside the file names the cause
            s.append("if [ $mb_ok = 1 ]; then uci commit dhcp 1>&2 || { mb_ok=0; : > /etc/config/.metalboot-probe; rm -f")
                    .append(" /etc/config/.metalboot-probe; }; fi\n");
        }
        return s.append("if [ $mb_ok = 1 ]; then /etc/init.d/dnsmasq reload 1>&2 || mb_ok=0; fi\n").toString();
    }

    @Override
    public String restore(String backup) {
        return "uci revert dhcp || mb_f=1\n/etc/init.d/dnsmasq reload || mb_f=1\n";
    }

    @Override
    public String save(String backup) {
        return "";
    }

    @Override
    public List<String> writtenAtConfirm() {
        return List.of(RouterKind.OPENWRT.stateFile());
    }

    @Override
    public Optional<String> stagedChanges() {
        return Optional.of("uci changes dhcp");
    }
}
