package io.metalboot.router.openwrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.metalboot.router.RouterAgentException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UciPlanTest {
    private static final UciConfig CURRENT = UciConfig.parse("dhcp", """
            config dhcp 'lan'
            	option interface 'lan'
            	option start '100'
            	option limit '150'
            	list dhcp_option '3,192.168.1.254'

            config host 'mb_a'
            	option name 'a'
            	option ip '192.168.1.201'

            config boot 'mb_x'
            	option filename 'old'
            """);

    private static final UciConfig DESIRED = UciConfig.parse("dhcp", """
            config dhcp 'lan'
            	option start '100'
            	option limit '100'
            	list dhcp_option '3,192.168.1.1'
            	list dhcp_option '6,192.168.1.1'

            config host 'mb_a'
            	option name 'a'
            	option ip '192.168.1.201'

            config match 'mb_x'
            	option networkid 'bios'

            config host 'mb_b'
            	option name 'it'\\''s'
            """);

    @Test
    void changesOnlyWhatDiffersAndLeavesUnmentionedOptions() {
        List<String> plan = UciPlan.between(CURRENT, DESIRED);
        assertEquals(List.of(
                "set dhcp.lan.limit='100'",
                "delete dhcp.lan.dhcp_option",
                "add_list dhcp.lan.dhcp_option='3,192.168.1.1'",
                "add_list dhcp.lan.dhcp_option='6,192.168.1.1'",
                "delete dhcp.mb_x",
                "set dhcp.mb_x=match",
                "set dhcp.mb_x.networkid='bios'",
                "set dhcp.mb_b=host",
                "set dhcp.mb_b.name='it'\\''s'"), plan);
        UciResult applied = CURRENT.batch(String.join("\n", plan) + "\n");
        assertEquals(List.of(), applied.stderr());
        assertEquals("lan", applied.config().section("lan").orElseThrow().get("interface").orElseThrow());
        assertEquals(List.of(), UciPlan.between(applied.config(), DESIRED), "a second plan must be empty");
    }

    @Test
    void anonymousDesiredSectionsAreRefused() {
        UciConfig anonymous = UciConfig.parse("dhcp", "config host\n\toption name 'a'\n");
        RouterAgentException e = assertThrows(RouterAgentException.class, () -> UciPlan.between(CURRENT, anonymous));
        assertEquals("desired section 'config host' has no name; give it one (config host 'mb_…') so metalboot can"
                + " find it again", e.getMessage());
    }
}
