package io.metalboot.sim.openwrt;

import java.io.PrintStream;
import java.util.Optional;

/**
 * How uci prints errors: cli.c {@code cli_error} (text as is) and {@code cli_perror} over libuci.c
 * {@code uci_get_errorstr}, both silent under {@code -q}. The detail after the error text sits in a
 * static buffer ({@code static char error_info[128]}): a parse error with a parse context (a file, or
 * the batch's input) writes {@code " (reason) at line N, byte M"} into it, every error appends a
 * newline to it, and it is printed as it stands. So the second error of a batch ends with an empty
 * line, the third with two, and an error after a parse error repeats that parse error's position.
 */
final class UciErrors {
    private final UciOptions options;
    private final PrintStream stderr;
    private final StringBuilder errorInfo = new StringBuilder();

    UciErrors(UciOptions options, PrintStream stderr) {
        this.options = options;
        this.stderr = stderr;
    }

    /** {@code batchLine}: the batch parse context's line count, when a batch is being read. */
    void perror(UciFailure failure, Optional<Integer> batchLine) {
        if (options.quiet()) {
            return; // cli_perror returns before uci_perror: the buffer is not touched
        }
        String text = failure.getMessage();
        int detail = text.indexOf(" (");
        if (failure.code() == UciFailure.PARSE && detail > 0) {
            errorInfo.setLength(0);
            errorInfo.append(text, detail, Math.min(text.length(), detail + 126)); // snprintf(error_info, sizeof - 1, …)
            text = text.substring(0, detail);
        } else if (failure.code() == UciFailure.PARSE && batchLine.isPresent()) {
            errorInfo.setLength(0);
            errorInfo.append(" (unknown) at line ").append(batchLine.get()).append(", byte 0");
        }
        errorInfo.append('\n');
        stderr.print(options.appName() + ": " + text + errorInfo);
    }

    void error(String text) {
        if (!options.quiet()) {
            stderr.print(text);
        }
    }
}
