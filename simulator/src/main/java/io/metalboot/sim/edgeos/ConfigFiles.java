package io.metalboot.sim.edgeos;

import io.metalboot.router.RouterAgentException;
import io.metalboot.router.edgeos.ConfigTree;
import io.metalboot.sim.fs.RouterFs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code save} (vyatta-save-config.pl) and {@code load} (vyatta-load-config.pl), shared by the
 * wrapper and configure mode. Save writes the active configuration in config.boot's brace format
 * with the firmware's version comments, through the router's file system (so a full {@code /config}
 * makes it fail and leaves the old file); relative names live in {@code /config}.
 */
final class ConfigFiles {
    static final String VERSION_MARK = " === vyatta-config-version:";

    private ConfigFiles() {
    }

    static int save(EdgeosRouter router, List<String> args, PrintStream out, PrintStream err) {
        if (args.size() > 2) {
            out.println("Usage: save [config_file_name] --no-defaults");
            return 1;
        }
        String target = args.stream().filter(arg -> !arg.equals("--no-defaults")).findFirst()
                .map(ConfigFiles::underConfig).orElse(EdgeosRouter.CONFIG_BOOT);
        out.println("Saving configuration to '" + target + "'...");
        RouterFs fs = router.fs();
        try {
            if (fs.exists(target) && !fs.read(target).contains(VERSION_MARK)) {
                out.println("File exists and is not a Vyatta configuration file, aborting save!");
                return 1;
            }
            ConfigTree active = router.active();
            if (active.trailer().isEmpty()) {
                active = active.withTrailer(EdgeosImage.VERSION_TRAILER);
            }
            fs.write(target, active.toBoot());
        } catch (IOException e) {
            err.println("Can not open file '" + target + "': " + reason(e, target));
            return 1;
        }
        out.println("Done");
        return 0;
    }

    /**
     * Loads {@code args[0]} (default config.boot) into session {@code sessionId}'s working tree;
     * {@code terminal} answers the script's questions (empty: no terminal, the default answer).
     */
    static int load(EdgeosRouter router, String sessionId, List<String> args, Supplier<Optional<String>> terminal,
                    PrintStream out, PrintStream err) {
        String source = args.isEmpty() ? EdgeosRouter.CONFIG_BOOT : underConfig(args.get(0));
        String text;
        try {
            text = router.fs().read(source);
        } catch (IOException e) {
            err.println("Cannot open configuration file " + source + ": " + reason(e, source));
            return 1;
        }
        if (!text.contains("vyatta-config-version")) {
            out.println("Warning: file does NOT appear to be a valid config file.");
            out.print("Do you want to continue? ");
            if (!terminal.get().filter(line -> line.strip().toLowerCase().startsWith("y")).isPresent()) {
                out.println("Configuration not loaded");
                return 1;
            }
        }
        out.println("Loading configuration from '" + source + "'...");
        ConfigTree tree;
        try {
            tree = ConfigTree.parseBoot(text, source);
        } catch (RouterAgentException e) {
            err.println(e.getMessage());
            out.println("Configuration not loaded");
            return 1;
        }
        if (tree.children().isEmpty()) {
            out.println("The specified file does not contain any configuration.");
            out.print("Do you want to remove everything in the running configuration? [no] ");
            if (!terminal.get().filter(line -> line.strip().equalsIgnoreCase("yes")).isPresent()) {
                out.println("Configuration not loaded");
                return 1;
            }
        }
        router.load(sessionId, tree);
        out.println();
        out.println("Load complete.  Use 'commit' to make changes active.");
        return 0;
    }

    static String underConfig(String name) {
        return name.startsWith("/") ? RouterFs.normalize(name, "/") : "/config/" + name;
    }

    /** The OS's reason without the path RouterFs puts in front ("No space left on device"). */
    static String reason(IOException e, String path) {
        String message = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        return message.startsWith(path + ": ") ? message.substring(path.length() + 2) : message;
    }
}
