package io.metalboot.template;

import static io.metalboot.template.TestData.list;
import static io.metalboot.template.TestData.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real templates, unchanged: the seed article's install-reboot Ignition snippet and router configs. */
class SeedTemplatesTest {
    private static final String INSTALL_REBOOT = """
                    ExecStart=/usr/bin/curl {{.ignition_endpoint}}?{{.query}}&os=installed -o ignition.json
                    ExecStart=/usr/bin/coreos-install -d /dev/sda -C {{.coreos_channel}} -V {{.coreos_version}} \
            -i ignition.json {{if index . "baseurl"}}-b {{.baseurl}}{{end}}
            {{ if index . "ssh_authorized_keys" }}
            passwd:
              users:
                - name: core
                  ssh_authorized_keys:
                    {{ range $element := .ssh_authorized_keys }}
                    - {{$element}}
                    {{end}}
            {{end}}
            """;

    private static final String CURL = "        ExecStart=/usr/bin/curl http://matchbox:8080/ignition"
            + "?uuid=1&mac=52-54-00-a1-9c-ae&os=installed -o ignition.json\n";
    private static final String INSTALL = "        ExecStart=/usr/bin/coreos-install -d /dev/sda -C stable -V 1632.3.0"
            + " -i ignition.json ";

    private static Map<String, Object> machine() {
        return map("ignition_endpoint", "http://matchbox:8080/ignition", "query", "uuid=1&mac=52-54-00-a1-9c-ae",
                "coreos_channel", "stable", "coreos_version", "1632.3.0");
    }

    @Test
    void installRebootWithBaseurlAndKeys() {
        Map<String, Object> data = machine();
        data.put("baseurl", "http://matchbox:8080/assets/coreos");
        data.put("ssh_authorized_keys", list("ssh-rsa AAAA1 a@b", "ssh-ed25519 AAAA2 c@d"));
        assertEquals(CURL + INSTALL + "-b http://matchbox:8080/assets/coreos\n"
                + "\npasswd:\n  users:\n    - name: core\n      ssh_authorized_keys:\n        "
                + "\n        - ssh-rsa AAAA1 a@b\n        "
                + "\n        - ssh-ed25519 AAAA2 c@d\n        "
                + "\n"
                + "\n", Template.parse("install-reboot.yaml.tmpl", INSTALL_REBOOT).render(data));
    }

    @Test
    void installRebootWithoutBaseurlOrKeys() {
        assertEquals(CURL + INSTALL + "\n\n", Template.parse("install-reboot.yaml.tmpl", INSTALL_REBOOT).render(machine()));
    }

    @Test
    void installRebootWithEmptyKeysSkipsPasswd() {
        Map<String, Object> data = machine();
        data.put("ssh_authorized_keys", list());
        assertEquals(CURL + INSTALL + "\n\n", Template.parse("install-reboot.yaml.tmpl", INSTALL_REBOOT).render(data));
    }

    @Test
    void iscDhcpdHostEntries() {
        String source = """
                {{- range .machines }}
                host {{ .name }} {
                  hardware ethernet {{ .mac }};
                  fixed-address {{ .ip }};
                {{- if .pxe }}
                  filename "{{ .pxe }}";
                {{- end }}
                }
                {{ end -}}
                """;
        Object data = map("machines", list(
                map("name", "node1", "mac", "52:54:00:aa:bb:01", "ip", "10.0.0.11", "pxe", "undionly.kpxe"),
                map("name", "node2", "mac", "52:54:00:aa:bb:02", "ip", "10.0.0.12", "pxe", "")));
        assertEquals("""

                host node1 {
                  hardware ethernet 52:54:00:aa:bb:01;
                  fixed-address 10.0.0.11;
                  filename "undionly.kpxe";
                }

                host node2 {
                  hardware ethernet 52:54:00:aa:bb:02;
                  fixed-address 10.0.0.12;
                }
                """, Template.parse("hosts.conf.tmpl", source).render(data));
    }

    @Test
    void edgeosSetCommandsInSortedOrder() {
        String source = """
                {{- range $name, $m := .static }}
                set service dhcp-server shared-network-name LAN subnet {{ $.subnet }} static-mapping {{ $name }} ip-address {{ $m.ip }}
                set service dhcp-server shared-network-name LAN subnet {{ $.subnet }} static-mapping {{ $name }} mac-address {{ $m.mac }}
                {{- end }}
                """;
        Object data = map("subnet", "10.0.0.0/24", "static", map(
                "node2", map("ip", "10.0.0.12", "mac", "52:54:00:aa:bb:02"),
                "node1", map("ip", "10.0.0.11", "mac", "52:54:00:aa:bb:01")));
        String prefix = "set service dhcp-server shared-network-name LAN subnet 10.0.0.0/24 static-mapping ";
        assertEquals("\n" + prefix + "node1 ip-address 10.0.0.11\n" + prefix + "node1 mac-address 52:54:00:aa:bb:01\n"
                + prefix + "node2 ip-address 10.0.0.12\n" + prefix + "node2 mac-address 52:54:00:aa:bb:02\n",
                Template.parse("dhcp.set.tmpl", source).render(data));
    }

    @Test
    void uciBatchWithQuoteFunction() {
        String source = """
                {{ range .machines -}}
                set dhcp.{{ .name }}=host
                set dhcp.{{ .name }}.mac={{ quote .mac }}
                set dhcp.{{ .name }}.ip={{ .ip | quote }}
                {{ end -}}
                commit dhcp
                """;
        Template t = Template.funcs(Map.of("quote", args -> "'" + args.get(0) + "'")).parse("dhcp.uci.tmpl", source);
        Object data = map("machines", list(map("name", "node1", "mac", "52:54:00:aa:bb:01", "ip", "10.0.0.11")));
        assertEquals("""
                set dhcp.node1=host
                set dhcp.node1.mac='52:54:00:aa:bb:01'
                set dhcp.node1.ip='10.0.0.11'
                commit dhcp
                """, t.render(data));
    }
}
