package io.metalboot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metalboot.pki.BundleFiles;
import io.metalboot.pki.CertificateAuthority;
import io.metalboot.pki.CertificateRequest;
import io.metalboot.pki.ConfigJson;
import io.metalboot.pki.CsrJson;
import io.metalboot.pki.Hosts;
import io.metalboot.pki.Issued;
import io.metalboot.pki.Issuer;
import io.metalboot.pki.SigningProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "gencert", mixinStandardHelpOptions = true,
        description = {"cfssl gencert, in-process: reads cfssl's CSR JSON and ca-config.json unchanged.", "",
                "  metalboot pki gencert -initca ca-csr.json -bare ca",
                "  metalboot pki gencert -ca=ca.pem -ca-key=ca-key.pem -config=ca-config.json -profile=server \\",
                "      apiserver-csr.json -bare apiserver",
                "",
                "With -bare NAME it writes what `cfssljson -bare NAME` writes: NAME.pem, NAME-key.pem (mode 0600)"
                        + " and NAME.csr. Without it, it prints cfssl's JSON ({\"cert\",\"csr\",\"key\"}) so"
                        + " `| cfssljson -bare NAME` works as in the seed.", ""},
        footer = {"", "Exit status: 0 ok, 1 failure, 2 bad input (JSON files, flags)."})
final class PkiGencertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "-initca", description = "Make a new self-signed CA from the CSR JSON (its ca.expiry, default 43800h).")
    boolean initCa;

    @Option(names = "-ca", paramLabel = "FILE", description = "The CA certificate that signs, e.g. ca.pem.")
    Optional<Path> ca;

    @Option(names = "-ca-key", paramLabel = "FILE", description = "The CA's private key, e.g. ca-key.pem.")
    Optional<Path> caKey;

    @Option(names = "-config", paramLabel = "FILE", description = "cfssl signing config, e.g. ca-config.json (default: cfssl's built-in policy).")
    Optional<Path> config;

    @Option(names = "-profile", paramLabel = "NAME", description = "Profile in the config's signing.profiles (default: signing.default).")
    Optional<String> profile;

    @Option(names = "-hostname", paramLabel = "HOSTS", split = ",", description = "Comma-separated hosts that replace the CSR's hosts, as cfssl's -hostname.")
    List<String> hostnames;

    @Option(names = "-bare", paramLabel = "NAME", description = "Write NAME.pem, NAME-key.pem and NAME.csr (NAME may include a directory).")
    Optional<Path> bare;

    @Option(names = "--force", description = "With -initca, replace an existing CA (everything it signed stops verifying).")
    boolean force;

    @Option(names = {"-allow-outliving-ca", "--allow-outliving-ca"},
            description = "Sign a certificate that stays valid after the CA expires (refused otherwise).")
    boolean outliveCa;

    @Parameters(index = "0", paramLabel = "CSR.json", description = "cfssl CSR JSON: CN, hosts, key, names, ca.")
    Path csrFile;

    @Override
    public Integer call() {
        checkFlags();
        CertificateRequest req = CsrJson.read(csrFile);
        if (hostnames != null) {
            req = new CertificateRequest(req.subject(), Hosts.of(hostnames.stream().filter(h -> !h.isBlank()).toList()), req.key(), req.ca());
        }
        Issuer issuer = new Issuer(Clock.systemUTC(), outliveCa);
        Issued issued;
        if (initCa) {
            issued = issuer.initCa(req);
        } else {
            CertificateAuthority authority = CertificateAuthority.load(ca.get(), caKey.get());
            SigningProfile.Config policy = config.map(ConfigJson::read)
                    .orElseGet(() -> ConfigJson.parse("cfssl's default policy", "{\"signing\": {}}"));
            issued = issuer.sign(req, authority, policy.profile(profile));
        }
        var out = spec.commandLine().getOut();
        if (bare.isEmpty()) {
            out.println(cfsslJson(issued));
        } else {
            BundleFiles files = BundleFiles.bare(bare.get());
            files.write(issued);
            out.printf("wrote %s, %s (mode 0600), %s%n", files.certificate(), files.key(), files.csr());
        }
        out.flush();
        return 0;
    }

    private void checkFlags() {
        if (initCa) {
            if (ca.isPresent() || caKey.isPresent() || config.isPresent() || profile.isPresent()) {
                throw new BadInputException("-initca makes a new self-signed CA; drop -ca, -ca-key, -config and -profile");
            }
            bare.map(BundleFiles::bare).ifPresent(files -> {
                if (!files.existing().isEmpty() && !force) {
                    throw new BadInputException("not replacing the CA: " + files.existing().stream().map(Path::toString)
                            .collect(Collectors.joining(", ")) + " already exist(s); every certificate it signed would stop"
                            + " verifying. Use another -bare NAME, or --force to replace it");
                }
            });
            return;
        }
        if (ca.isEmpty() || caKey.isEmpty()) {
            throw new BadInputException("gencert needs -ca and -ca-key to sign (or -initca to make a new CA)");
        }
        if (profile.isPresent() && config.isEmpty()) {
            throw new BadInputException("-profile " + profile.get() + " needs -config FILE, the ca-config.json that defines it");
        }
        bare.map(BundleFiles::bare).ifPresent(files -> {
            for (Path p : files.all()) {
                for (Path c : List.of(ca.get(), caKey.get())) {
                    if (Files.exists(p) && Files.exists(c) && same(p, c)) {
                        throw new BadInputException("-bare " + bare.get() + " would overwrite the CA's own " + c
                                + "; choose another NAME");
                    }
                }
            }
        });
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** cfssl's output object, keys in Go's sorted order. */
    private static String cfsslJson(Issued issued) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("cert", issued.certificatePem());
        json.put("csr", issued.csrPem());
        json.put("key", issued.keyPem());
        try {
            return new ObjectMapper().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
