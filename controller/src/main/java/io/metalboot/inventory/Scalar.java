package io.metalboot.inventory;

/** A scalar value read from the inventory, with the field path and line it came from. */
record Scalar(String path, String value, int line) {
    /** The value quoted for a message: {@code machines[2].mac '00:00:00:00:00:1'}. */
    String shown() {
        return path + " '" + value + "'";
    }
}
