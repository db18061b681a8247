package io.metalboot.router.edgeos;

/**
 * The shapes a Vyatta configuration node takes (vyatta-cfg's node.def: {@code tag:}, {@code multi:},
 * a {@code type:} or none).
 */
enum Kind {
    /** Typeless node with children: {@code dhcp-server { … }}. */
    CONTAINER,
    /** Tag node: its children are tag values, {@code static-mapping kube-master { … }}. */
    TAG,
    /** Single-value leaf: {@code lease 86400}. */
    LEAF,
    /** Multi-value leaf, one line per value, insertion order kept: {@code global-parameters "…"}. */
    MULTI,
    /** Typeless leaf without children: {@code disable}. */
    VALUELESS;

    boolean holdsValues() {
        return this == LEAF || this == MULTI;
    }
}
