package io.metalboot.boot.store;

import io.metalboot.boot.DataDir;
import java.util.function.Consumer;

/**
 * Where the boot server's groups, profiles and templates come from: a data dir ({@link FileStore}) or
 * etcd ({@link EtcdStore}). A request reads one immutable {@link #snapshot()} and renders everything from
 * it; a store loads a new snapshot in the background when its data changes, and a change that does not
 * load is refused (the last good snapshot keeps serving, {@link #health()} says why). Nothing here is
 * called on the request path but {@link #snapshot()}, which only reads a reference.
 */
public interface Store extends AutoCloseable {
    /** The data as last loaded. */
    DataDir snapshot();

    /** Calls {@code listener} with every snapshot loaded after this call. */
    void watch(Consumer<DataDir> listener);

    /** Whether this store serves its data as it is now, and if not, why. */
    Health health();

    /** Where the data comes from, for logs and messages: a directory or an etcd URL. */
    String describe();

    @Override
    void close();
}
