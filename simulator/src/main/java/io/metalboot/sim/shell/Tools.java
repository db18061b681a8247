package io.metalboot.sim.shell;

/** Registers the builtin tools every simulated router has (see SHELL.md for their options). */
public final class Tools {
    private Tools() {
    }

    public static CommandTable registerAll(CommandTable table) {
        MiscTools.register(table);
        FileTools.register(table);
        TextTools.register(table);
        SedTool.register(table);
        TestTool.register(table);
        ProcTools.register(table);
        ShTools.register(table);
        DateTool.register(table);
        Sha256Tool.register(table);
        return table;
    }
}
