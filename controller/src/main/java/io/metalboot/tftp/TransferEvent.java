package io.metalboot.tftp;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One request's end: who asked, for which file, how many bytes the client acknowledged, and how it
 * ended. {@code detail} is the error text sent or received, empty when the file was sent;
 * {@code blksize} and {@code windowsize} are what was negotiated (0 when the request never got that far).
 */
public record TransferEvent(InetSocketAddress client, String file, long bytes, Outcome outcome, String detail, int blksize,
        int windowsize) {
    /** How a request ended. */
    public enum Outcome {
        /** Every block was acknowledged. */
        SENT,
        /** Answered with an error packet: unknown file, outside the root, write request, bad options. */
        REFUSED,
        /** The client stopped acknowledging; the retries ran out. */
        TIMED_OUT,
        /** The client sent an error packet (it gave up or rejected the options). */
        ABORTED_BY_CLIENT,
        /** A local I/O error while reading the file or sending. */
        FAILED
    }

    public TransferEvent(InetSocketAddress client, String file, long bytes, Outcome outcome, String detail) {
        this(client, file, bytes, outcome, detail, 0, 0);
    }

    /** The same event with the block and window sizes the transfer used. */
    public TransferEvent negotiated(int newBlksize, int newWindowsize) {
        return new TransferEvent(client, file, bytes, outcome, detail, newBlksize, newWindowsize);
    }

    public TransferEvent {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        if (bytes < 0) {
            throw new TftpException("transfer event bytes must be >= 0, got " + bytes);
        }
    }
}
