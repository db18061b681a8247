package io.metalboot.boot.ignition;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** {@code passwd.users}: name, ssh_authorized_keys, password_hash, groups, home_dir, shell, uid. */
final class Passwd {
    private static final Set<String> USER = Set.of("name", "ssh_authorized_keys", "password_hash", "groups", "home_dir", "shell", "uid");

    private Passwd() {
    }

    static ObjectNode of(YamlTree t, Node node) {
        Map<String, Node> passwd = t.mapping(node, "passwd");
        t.keys(passwd, Set.of("users"), "passwd");
        ObjectNode out = Ignition.object();
        ArrayNode users = out.putArray("users");
        if (!passwd.containsKey("users")) {
            return out;
        }
        for (Node item : t.sequence(passwd.get("users"), "passwd.users")) {
            Map<String, Node> u = t.mapping(item, "a user");
            t.keys(u, USER, "passwd.users[]");
            if (!u.containsKey("name")) {
                throw t.error(item, "a user needs a name (e.g. core)");
            }
            ObjectNode user = users.addObject().put("name", t.scalar(u.get("name"), "name"));
            list(t, u, "ssh_authorized_keys", user, "sshAuthorizedKeys");
            list(t, u, "groups", user, "groups");
            if (u.containsKey("password_hash")) {
                user.put("passwordHash", t.scalar(u.get("password_hash"), "password_hash"));
            }
            if (u.containsKey("home_dir")) {
                user.put("homeDir", t.scalar(u.get("home_dir"), "home_dir"));
            }
            if (u.containsKey("shell")) {
                user.put("shell", t.scalar(u.get("shell"), "shell"));
            }
            if (u.containsKey("uid")) {
                user.put("uid", Integer.parseInt(t.scalar(u.get("uid"), "uid")));
            }
        }
        return out;
    }

    private static void list(YamlTree t, Map<String, Node> u, String key, ObjectNode user, String field) {
        if (u.containsKey(key)) {
            ArrayNode out = user.putArray(field);
            t.sequence(u.get(key), key).forEach(n -> out.add(t.scalar(n, key)));
        }
    }
}
