package io.metalboot.router.dialect;

import java.util.Map;

/** What metalboot wants on a router, in its kind's terms, as the controller renders it. */
public interface Desired {
    /** Files metalboot writes, by router path. */
    Map<String, String> files();
}
