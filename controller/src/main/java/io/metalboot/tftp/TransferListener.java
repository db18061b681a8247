package io.metalboot.tftp;

/**
 * Told about every request the server answered, once it is over: the boot server turns these into
 * boot-progress events (client address to machine). Called on the transfer's own thread; keep it quick.
 */
@FunctionalInterface
public interface TransferListener {
    /** A listener that ignores everything. */
    TransferListener NONE = event -> { };

    void transferEnded(TransferEvent event);
}
