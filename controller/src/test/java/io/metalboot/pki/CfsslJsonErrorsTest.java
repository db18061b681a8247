package io.metalboot.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message a bad cfssl CSR or config file gets, word for word. */
class CfsslJsonErrorsTest {
    record Case(String json, String message) {
        @Override
        public String toString() {
            return message;
        }
    }

    static final String USAGES = "signing, digital signature, content commitment, content committment, key encipherment,"
            + " key agreement, data encipherment, cert sign, crl sign, encipher only, decipher only, any, server auth,"
            + " client auth, code signing, email protection, s/mime, ipsec end system, ipsec tunnel, ipsec user,"
            + " timestamping, ocsp signing, microsoft sgc, netscape sgc";

    static Stream<Case> csrCases() {
        return Stream.of(
                new Case("", "x-csr.json:1: the file is empty (expected a JSON object like cfssl's)"),
                new Case("{\"CN\": \"a\",\n}", "x-csr.json:2: not valid JSON: Unexpected character ('}' (code 125)):"
                        + " was expecting double-quote to start field name"),
                new Case("[1]", "x-csr.json:1: the file must be an object, found a list; valid fields: CN, hosts, key, names, ca"),
                new Case("{\n\"hosts\": []\n}", "x-csr.json:1: missing required field 'CN'"
                        + " (the certificate's common name, e.g. \"kube-apiserver\")"),
                new Case("{\"CN\": 42}", "x-csr.json:1: CN must be a string, found 42"),
                new Case("{\"CN\": \"a\",\n \"host\": [\"x\"]}", "x-csr.json:2: host: unknown field 'host' (did you mean 'hosts'?);"
                        + " valid fields here: CN, hosts, key, names, ca"),
                new Case("{\"CN\": \"a\",\n \"cn\": \"b\"}", "x-csr.json:2: CN is given twice (first at line 1);"
                        + " keep one (cfssl would silently use the last)"),
                new Case("{\"CN\": \"a\", \"hosts\": \"x\"}", "x-csr.json:1: hosts must be a list, found 'x'"),
                new Case("{\"CN\": \"a\", \"hosts\": [\n\"ok.example\",\n\"bad host\"]}", "x-csr.json:3: hosts[1] 'bad host'"
                        + " is neither an IP address nor a DNS name (expected e.g. kubernetes.default or 10.3.0.1)"),
                new Case("{\"CN\": \"a\", \"hosts\": [10]}", "x-csr.json:1: hosts[0] must be a string, found 10"),
                new Case("{\"CN\": \"a\",\n \"key\": {\"algo\": \"dsa\", \"size\": 2048}}", "x-csr.json:2: key.algo 'dsa'"
                        + " is not a key algorithm metalboot makes (expected ecdsa or rsa)"),
                new Case("{\"CN\": \"a\",\n \"key\": {\"algo\": \"rsa\",\n \"size\": 1024}}", "x-csr.json:3: key.size 1024"
                        + " is not a size for rsa keys (expected 2048, 3072, 4096 or 8192)"),
                new Case("{\"CN\": \"a\",\n \"key\": {\"algo\": \"ecdsa\", \"size\": 2048}}", "x-csr.json:2: key.size 2048"
                        + " is not a size for ecdsa keys (expected 256, 384 or 521)"),
                new Case("{\"CN\": \"a\", \"key\": {\"size\": \"256\"}}", "x-csr.json:1: key.size must be a whole number, found '256'"),
                new Case("{\"CN\": \"a\", \"key\": {\"algorithm\": \"rsa\"}}", "x-csr.json:1: key.algorithm: unknown field"
                        + " 'algorithm'; valid fields here: algo, size"),
                new Case("{\"CN\": \"a\", \"names\": [\n{\"C\": \"US\", \"Org\": \"x\"}]}", "x-csr.json:2: names[0].Org: unknown"
                        + " field 'Org' (did you mean 'O'?); valid fields here: C, ST, L, O, OU"),
                new Case("{\"CN\": \"a\", \"names\": [\"US\"]}", "x-csr.json:1: names[0] must be an object, found 'US';"
                        + " valid fields: C, ST, L, O, OU"),
                new Case("{\"CN\": \"a\", \"ca\": {\n\"expiry\": \"10y\"}}", "x-csr.json:2: ca.expiry '10y' is not a duration"
                        + " (expected a number and a unit as cfssl writes them, e.g. 87600h for 10 years; units h, m, s)"),
                new Case("{\"CN\": \"a\", \"ca\": {\"expiry\": \"-1h\"}}", "x-csr.json:1: ca.expiry '-1h' must be positive"
                        + " (e.g. 87600h for 10 years)"),
                new Case("{\"CN\": \"a\", \"ca\": {\"pathlen\": -1}}", "x-csr.json:1: ca.pathlen -1 must be 0 or more"
                        + " (how many CAs may sit below this one)"));
    }

    static Stream<Case> configCases() {
        return Stream.of(
                new Case("{}", "ca-config.json:1: missing required field 'signing' (cfssl's signing policy: default and profiles)"),
                new Case("{\"signing\": {\"profiles\": {\"server\": {\"expiry\": \"8760h\",\n\"usages\": [\"signing\",\n"
                        + "\"server-auth\"]}}}}", "ca-config.json:3: signing.profiles.server.usages[1] 'server-auth' is not a"
                        + " cfssl usage (valid usages: " + USAGES + ")"),
                new Case("{\"signing\": {\"profiles\": {\n\"client\": {\"expiry\": \"8760h\"}}}}", "ca-config.json:2:"
                        + " signing.profiles.client: needs at least one usage in 'usages' (e.g. [\"signing\", \"key encipherment\","
                        + " \"server auth\"])"),
                new Case("{\"signing\": {\"profiles\": {\"client\": {\"expiry\": \"8760h\",\n\"usages\": []}}}}",
                        "ca-config.json:2: signing.profiles.client: needs at least one usage in 'usages' (e.g. [\"signing\","
                                + " \"key encipherment\", \"server auth\"])"),
                new Case("{\"signing\": {\"profiles\": {\"client\": {\"usage\": [\"signing\"]}}}}", "ca-config.json:1:"
                        + " signing.profiles.client.usage: unknown field 'usage' (did you mean 'usages'?); valid fields here: usages, expiry"),
                new Case("{\"signing\": {\"default\": {\n\"expiry\": \"1 year\"}}}", "ca-config.json:2: signing.default.expiry"
                        + " '1 year' is not a duration (expected a number and a unit as cfssl writes them, e.g. 8760h for one year;"
                        + " units h, m, s)"),
                new Case("{\"signing\": {\"default\": {\"usages\": [\"signing\"]}}}", "ca-config.json:1: signing.default:"
                        + " missing required field 'expiry' (how long its certificates are valid, e.g. \"8760h\")"),
                new Case("{\"signing\": {\"profiles\": [\"server\"]}}", "ca-config.json:1: signing.profiles must be an object"
                        + " of named profiles, found a list"),
                new Case("{\"signing\": {\"profiles\": {\"s\": {\"expiry\": \"1h\", \"usages\": [\"signing\", 7]}}}}",
                        "ca-config.json:1: signing.profiles.s.usages[1] must be a string, found 7"),
                new Case("{\"signing\": {}, \"auth_keys\": {}}", "ca-config.json:1: auth_keys: unknown field 'auth_keys';"
                        + " valid fields here: signing"));
    }

    @ParameterizedTest
    @MethodSource("csrCases")
    void csrJson(Case c) {
        PkiException e = assertThrows(PkiException.class, () -> CsrJson.parse("x-csr.json", c.json()));
        assertEquals(c.message(), e.getMessage());
        assertTrue(e.badInput());
    }

    @ParameterizedTest
    @MethodSource("configCases")
    void configJson(Case c) {
        PkiException e = assertThrows(PkiException.class, () -> ConfigJson.parse("ca-config.json", c.json()));
        assertEquals(c.message(), e.getMessage());
        assertTrue(e.badInput());
    }
}
