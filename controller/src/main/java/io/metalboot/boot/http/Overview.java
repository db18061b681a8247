package io.metalboot.boot.http;

import java.util.Map;

/**
 * The page's panels on the lab besides its machines (router revision and drift, assets, certificates, the data
 * dir's health), as JSON-ready maps and lists of strings and numbers. Read from files only: a page view never
 * opens SSH. Nothing secret goes in (no private key, no token).
 */
@FunctionalInterface
public interface Overview {
    Map<String, Object> panels();

    /** No panels. */
    Overview NONE = Map::of;
}
