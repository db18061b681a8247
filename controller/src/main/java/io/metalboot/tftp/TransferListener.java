package io.metalboot.tftp;

import java.net.InetSocketAddress;

/** Told about every transfer when it ends; the boot server turns these into boot-progress events. */
@FunctionalInterface
public interface TransferListener {
    /** {@code outcome}: {@code sent}, or why it failed ({@code not found}, {@code timed out} …). */
    void transferred(InetSocketAddress client, String file, long bytes, String outcome);
}
