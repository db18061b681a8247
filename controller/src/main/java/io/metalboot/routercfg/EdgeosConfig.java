package io.metalboot.routercfg;

import io.metalboot.inventory.Inventory;
import io.metalboot.router.RouterAgentException;
import io.metalboot.router.edgeos.ConfigTree;
import io.metalboot.router.edgeos.DhcpServerValidator;
import io.metalboot.router.edgeos.DhcpdConfGenerator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What metalboot wants on an EdgeRouter: the two include files for {@code /config/scripts/} and
 * the {@code service dhcp-server} subtree, as commands and as the tree they build.
 */
public record EdgeosConfig(String optionSpace, String green, List<String> commands, ConfigTree tree) {
    public static final String KIND = "edgeos";

    public EdgeosConfig {
        commands = List.copyOf(commands);
    }

    /** Renders the EdgeOS templates for {@code inv}; refuses what EdgeOS's own commit would refuse. */
    public static EdgeosConfig render(Inventory inv, RouterTemplates templates) {
        Map<String, Object> data = TemplateData.of(inv);
        List<String> commands = templates.render(KIND, "dhcp-server.commands", data).lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        ConfigTree tree = ConfigTree.fromCommands(commands);
        DhcpServerValidator.Result verdict = DhcpServerValidator.validate(tree);
        if (!verdict.commits() || !verdict.dhcpdFailures().isEmpty()) {
            throw new RouterAgentException("the rendered dhcp-server commands would not work on the router: "
                    + String.join(" / ", verdict.commits() ? verdict.dhcpdFailures() : verdict.errors())
                    + " (check the inventory and any template given with --templates)");
        }
        return new EdgeosConfig(templates.render(KIND, "ipxe-option-space.conf", data),
                templates.render(KIND, "ipxe-green.conf", data), commands, tree);
    }

    /** The subtree as it reads in {@code /config/config.boot}. */
    public String configBoot() {
        return tree.toBoot();
    }

    /** The dhcpd.conf the router generates; {@code includes} maps router paths of include files. */
    public String dhcpdConf(UnaryOperator<String> includes) {
        return new DhcpdConfGenerator(includes).generate(tree);
    }
}
