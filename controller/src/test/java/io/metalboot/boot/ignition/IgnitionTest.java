package io.metalboot.boot.ignition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** CLC and Butane to Ignition, one field kind per row; unknown keys are errors naming file and line. */
class IgnitionTest {
    record Case(String yaml, String json) {
    }

    static final String HEAD = "{\"ignition\":{\"version\":\"3.3.0\"},";

    static Stream<Case> cases() {
        return Stream.of(
                new Case("systemd:\n  units:\n    - name: a.service\n      enable: true\n      contents: |\n        [Unit]\n",
                        HEAD + "\"systemd\":{\"units\":[{\"name\":\"a.service\",\"enabled\":true,\"contents\":\"[Unit]\\n\"}]}}"),
                new Case("variant: flatcar\nversion: 1.0.0\nsystemd:\n  units:\n    - name: b.service\n      enabled: false\n      mask: true\n",
                        HEAD + "\"systemd\":{\"units\":[{\"name\":\"b.service\",\"enabled\":false,\"mask\":true}]}}"),
                new Case("systemd:\n  units:\n    - name: docker.service\n      dropins:\n        - name: 50-reg.conf\n          contents: x\n",
                        HEAD + "\"systemd\":{\"units\":[{\"name\":\"docker.service\",\"dropins\":[{\"name\":\"50-reg.conf\",\"contents\":\"x\"}]}]}}"),
                new Case("storage:\n  files:\n    - path: /etc/hostname\n      filesystem: root\n      mode: 0644\n      contents:\n        inline: a b&c\n",
                        HEAD + "\"storage\":{\"files\":[{\"path\":\"/etc/hostname\",\"mode\":420,\"contents\":{\"source\":\"data:,a%20b%26c\"}}]}}"),
                new Case("variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /opt/x\n      mode: 0o755\n      overwrite: true\n"
                        + "      contents:\n        source: http://h/x\n      user:\n        name: core\n",
                        HEAD + "\"storage\":{\"files\":[{\"path\":\"/opt/x\",\"mode\":493,\"overwrite\":true,\"user\":{\"name\":\"core\"},"
                                + "\"contents\":{\"source\":\"http://h/x\"}}]}}"),
                new Case("storage:\n  directories:\n    - path: /var/lib/x\n      mode: 0700\n  links:\n    - path: /etc/l\n      target: /x\n",
                        HEAD + "\"storage\":{\"directories\":[{\"path\":\"/var/lib/x\",\"mode\":448}],\"links\":[{\"path\":\"/etc/l\",\"target\":\"/x\"}]}}"),
                new Case("passwd:\n  users:\n    - name: core\n      ssh_authorized_keys:\n        - ssh-ed25519 AAAA k\n      groups: [docker]\n",
                        HEAD + "\"passwd\":{\"users\":[{\"name\":\"core\",\"sshAuthorizedKeys\":[\"ssh-ed25519 AAAA k\"],\"groups\":[\"docker\"]}]}}"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void translates(Case c) {
        assertEquals(c.json(), Ignition.of("t.yaml", c.yaml()));
    }

    @Test
    void unknownKeysAreErrorsNotDropped() {
        var e = assertThrows(IgnitionException.class, () -> Ignition.of("k8s.yaml", "systemd:\n  units:\n    - name: a\n      enabel: true\n"));
        assertEquals("k8s.yaml:4: unknown key 'enabel' in systemd.units[] (known: contents, dropins, enable, enabled, mask, name);"
                + " metalboot does not drop keys it does not understand: fix the spelling, or write this part as Ignition JSON (.ign)",
                e.getMessage());
        assertEquals("t.yaml:1: unknown key 'etcd' in a Container Linux Config (known: ignition, passwd, storage, systemd);"
                + " metalboot does not drop keys it does not understand: fix the spelling, or write this part as Ignition JSON (.ign)",
                assertThrows(IgnitionException.class, () -> Ignition.of("t.yaml", "etcd:\n  name: x\n")).getMessage());
    }

    @Test
    void ignitionJsonPassesThroughChecked() {
        assertEquals("{\"ignition\":{\"version\":\"3.3.0\"}}", Ignition.of("a.ign", "{ \"ignition\": {\"version\": \"3.3.0\"} }"));
        assertThrows(IgnitionException.class, () -> Ignition.of("a.ign", "{ \"ignition\": "));
    }
}
