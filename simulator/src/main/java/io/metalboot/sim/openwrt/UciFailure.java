package io.metalboot.sim.openwrt;

/**
 * A libuci error as the command line reports it: the {@code UCI_ERR_*} number (some commands exit
 * with it) and the text {@code uci_perror} prints after the program name, e.g. {@code Entry not found}
 * or {@code Parse error (invalid command) at line 3, byte 0}.
 */
final class UciFailure extends Exception {
    private static final long serialVersionUID = 1L;
    static final int INVALID = 2;
    static final int NOT_FOUND = 3;
    static final int IO = 4;
    static final int PARSE = 5;

    private final int code;

    UciFailure(int code, String text) {
        super(text, null, false, false);
        this.code = code;
    }

    static UciFailure notFound() {
        return new UciFailure(NOT_FOUND, "Entry not found");
    }

    static UciFailure io() {
        return new UciFailure(IO, "I/O error");
    }

    static UciFailure invalid() {
        return new UciFailure(INVALID, "Invalid argument");
    }

    /** From a router-agent message such as {@code uci: Parse error (…) at line 2, byte 12}. */
    static UciFailure parse(String uciMessage) {
        return new UciFailure(PARSE, uciMessage.startsWith("uci: ") ? uciMessage.substring(5) : uciMessage);
    }

    /** From a router-agent message of any kind ({@code uci: Entry not found}, {@code uci: Invalid argument} …), with its number. */
    static UciFailure of(String uciMessage) {
        String text = uciMessage.startsWith("uci: ") ? uciMessage.substring(5) : uciMessage;
        int code = switch (text) {
            case "Entry not found" -> NOT_FOUND;
            case "Invalid argument" -> INVALID;
            case "I/O error" -> IO;
            default -> PARSE;
        };
        return new UciFailure(code, text);
    }

    int code() {
        return code;
    }
}
