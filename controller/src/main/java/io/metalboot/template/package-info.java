/**
 * The project's one template engine: Go's {@code text/template} in Java, so that matchbox-era Ignition
 * and iPXE templates and the router config templates (EdgeOS set lists, ISC dhcpd includes, uci
 * batches) render exactly as Go renders them. Entry point: {@link io.metalboot.template.Template}.
 *
 * <p>Deliberate differences from Go: templates run with {@code missingkey=error}; numbers compare by
 * value across int and float (Go refuses {@code eq 1 1.0}); message positions are 1-based
 * {@code NAME:LINE:COL} (Go gives parse errors a line only and exec errors a 0-based byte column);
 * {@code call}, method calls, complex numbers, {@code %#v} Go syntax and custom delimiters are not
 * supported; {@code {{template}}} calls nest at most 256 deep.
 */
package io.metalboot.template;
