package io.metalboot.sim.openwrt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * uci's command-line options, read as musl's {@code getopt(argc, argv, "c:d:f:LmnNp:P:qsSt:X")}
 * reads them (options end at the first operand or {@code --}), applied to the context the way
 * cli.c and libuci do: the delta search path starts as {@code [/tmp/.uci]} and the save directory
 * is always its last entry; {@code -p DIR} inserts DIR before it (a duplicate is ignored);
 * {@code -t DIR} and {@code -P DIR} move (or add) DIR to the end and make it the save directory,
 * so {@code /tmp/.uci} stays on the search path; {@code -P} also turns {@code commit} into a no-op;
 * {@code -d STR} joins list items with STR in {@code get} and {@code show} (cli.c {@code uci_show_value}).
 */
record UciOptions(String appName, String confDir, String saveDir, List<String> deltaPaths, boolean quiet,
                  boolean extendedShow, boolean merge, boolean noCommit, boolean exportNames,
                  Optional<String> inputFile, List<String> operands, String delimiter) {
    static final String DEFAULT_CONFDIR = "/etc/config";
    static final String DEFAULT_SAVEDIR = "/tmp/.uci";
    private static final String OPTSTRING = "c:d:f:LmnNp:P:qsSt:X";

    UciOptions {
        deltaPaths = List.copyOf(deltaPaths);
        operands = List.copyOf(operands);
    }

    /** The context {@code uci_alloc_context} starts from. */
    static UciOptions defaults(String appName) {
        return new UciOptions(appName, DEFAULT_CONFDIR, DEFAULT_SAVEDIR, List.of(DEFAULT_SAVEDIR), false, true, false,
                false, false, Optional.empty(), List.of(), " ");
    }

    /** The options, or why cli.c stopped reading them: what it printed, whether the usage followed, the exit status. */
    record Parsed(Optional<UciOptions> options, String stderr, boolean printUsage, int status) {
    }

    static Parsed parse(List<String> args) {
        UciOptions options = defaults(args.get(0));
        int i = 1;
        while (i < args.size()) {
            String arg = args.get(i);
            if (!arg.startsWith("-") || arg.equals("-")) {
                break;
            }
            i++;
            if (arg.equals("--")) {
                break;
            }
            for (int p = 1; p < arg.length(); p++) {
                char c = arg.charAt(p);
                int at = OPTSTRING.indexOf(c);
                if (at < 0 || c == ':') {
                    return stop(options.appName() + ": unrecognized option: " + c + "\n");
                }
                if (at + 1 < OPTSTRING.length() && OPTSTRING.charAt(at + 1) == ':') {
                    String value;
                    if (p + 1 < arg.length()) {
                        value = arg.substring(p + 1);
                    } else if (i < args.size()) {
                        value = args.get(i++);
                    } else {
                        return stop(options.appName() + ": option requires an argument: " + c + "\n");
                    }
                    if (c == 'f' && options.inputFile().isPresent()) {
                        return new Parsed(Optional.empty(), "Too many input files.\n", false, 1);
                    }
                    Optional<UciOptions> next = options.with(c, value);
                    options = next.orElseThrow();
                    break;
                }
                Optional<UciOptions> next = options.with(c, "");
                if (next.isEmpty()) {
                    return stop(""); // -L is in the option string but cli.c has no case for it: usage
                }
                options = next.get();
            }
        }
        return new Parsed(Optional.of(options.withOperands(args.subList(i, args.size()))), "", false, 0);
    }

    /** getopt's complaint (if any), then cli.c's {@code default: uci_usage(); return 0;}. */
    private static Parsed stop(String message) {
        return new Parsed(Optional.empty(), message, true, 0);
    }

    private Optional<UciOptions> with(char option, String value) {
        return Optional.ofNullable(switch (option) {
            case 'c' -> new UciOptions(appName, value, saveDir, deltaPaths, quiet, extendedShow, merge, noCommit, exportNames, inputFile, operands, delimiter);
            case 'd' -> new UciOptions(appName, confDir, saveDir, deltaPaths, quiet, extendedShow, merge, noCommit, exportNames, inputFile, operands, value);
            case 's', 'S' -> this; // strict mode: accepted, not modelled
            case 'f' -> new UciOptions(appName, confDir, saveDir, deltaPaths, quiet, extendedShow, merge, noCommit, exportNames, Optional.of(value), operands, delimiter);
            case 'm' -> new UciOptions(appName, confDir, saveDir, deltaPaths, quiet, extendedShow, true, noCommit, exportNames, inputFile, operands, delimiter);
            case 'n', 'N' -> new UciOptions(appName, confDir, saveDir, deltaPaths, quiet, extendedShow, merge, noCommit, option == 'n', inputFile, operands, delimiter);
            case 'p' -> new UciOptions(appName, confDir, saveDir, addDeltaPath(value), quiet, extendedShow, merge, noCommit, exportNames, inputFile, operands, delimiter);
            case 'P' -> new UciOptions(appName, confDir, value, moveToEnd(value), quiet, extendedShow, merge, true, exportNames, inputFile, operands, delimiter);
            case 't' -> new UciOptions(appName, confDir, value, moveToEnd(value), quiet, extendedShow, merge, noCommit, exportNames, inputFile, operands, delimiter);
            case 'q' -> new UciOptions(appName, confDir, saveDir, deltaPaths, true, extendedShow, merge, noCommit, exportNames, inputFile, operands, delimiter);
            case 'X' -> new UciOptions(appName, confDir, saveDir, deltaPaths, quiet, false, merge, noCommit, exportNames, inputFile, operands, delimiter);
            default -> null;
        });
    }

    private UciOptions withOperands(List<String> newOperands) {
        return new UciOptions(appName, confDir, saveDir, deltaPaths, quiet, extendedShow, merge, noCommit, exportNames, inputFile, newOperands, delimiter);
    }

    /** delta.c {@code uci_add_delta_path}: before the save directory; a path already listed is refused (cli.c ignores it). */
    private List<String> addDeltaPath(String dir) {
        if (deltaPaths.contains(dir)) {
            return deltaPaths;
        }
        List<String> paths = new ArrayList<>(deltaPaths);
        paths.add(Math.max(0, paths.size() - 1), dir);
        return paths;
    }

    /** delta.c {@code uci_set_savedir}: the directory moves to (or joins) the end of the search path. */
    private List<String> moveToEnd(String dir) {
        List<String> paths = new ArrayList<>(deltaPaths);
        paths.remove(dir);
        paths.add(dir);
        return paths;
    }

    static String usage(String appName) {
        return "Usage: " + appName + " [<options>] <command> [<arguments>]\n\n"
                + "Commands:\n"
                + "\tbatch\n"
                + "\texport     [<config>]\n"
                + "\timport     [<config>]\n"
                + "\tchanges    [<config>]\n"
                + "\tcommit     [<config>]\n"
                + "\tadd        <config> <section-type>\n"
                + "\tadd_list   <config>.<section>.<option>=<string>\n"
                + "\tdel_list   <config>.<section>.<option>=<string>\n"
                + "\tshow       [<config>[.<section>[.<option>]]]\n"
                + "\tget        <config>.<section>[.<option>]\n"
                + "\tset        <config>.<section>[.<option>]=<value>\n"
                + "\tdelete     <config>[.<section>[[.<option>][=<id>]]]\n"
                + "\trename     <config>.<section>[.<option>]=<name>\n"
                + "\trevert     <config>[.<section>[.<option>]]\n"
                + "\treorder    <config>.<section>=<position>\n"
                + "\n"
                + "Options:\n"
                + "\t-c <path>  set the search path for config files (default: /etc/config)\n"
                + "\t-d <str>   set the delimiter for list values in uci show\n"
                + "\t-f <file>  use <file> as input instead of stdin\n"
                + "\t-m         when importing, merge data into an existing package\n"
                + "\t-n         name unnamed sections on export (default)\n"
                + "\t-N         don't name unnamed sections\n"
                + "\t-p <path>  add a search path for config change files\n"
                + "\t-P <path>  add a search path for config change files and use as default\n"
                + "\t-t <path>  set save path for config change files\n"
                + "\t-q         quiet mode (don't print error messages)\n"
                + "\t-s         force strict mode (stop on parser errors, default)\n"
                + "\t-S         disable strict mode\n"
                + "\t-X         do not use extended syntax on 'show'\n"
                + "\n";
    }
}
