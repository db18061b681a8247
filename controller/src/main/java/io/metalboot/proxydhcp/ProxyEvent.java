package io.metalboot.proxydhcp;

import io.metalboot.router.MacAddress;
import java.util.Optional;

/** One answer the proxy sent: to whom, on which port, and the boot file; {@code clientIp} once the client has an address. */
public record ProxyEvent(MacAddress mac, Optional<String> clientIp, int arch, String file, boolean bootServerPort) {
}
