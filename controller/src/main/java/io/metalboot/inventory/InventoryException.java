package io.metalboot.inventory;

import java.util.List;
import java.util.stream.Collectors;

/** An inventory that cannot be used; carries every problem found, not only the first. */
public final class InventoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InventoryException(List<Problem> problems) {
        super(problems.stream().sorted().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = problems.stream().sorted().toList();
    }

    public InventoryException(String file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.problems = List.of(new Problem(file, 0, message));
    }

    public List<Problem> problems() {
        return problems;
    }
}
