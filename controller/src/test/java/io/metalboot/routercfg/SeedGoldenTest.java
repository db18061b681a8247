package io.metalboot.routercfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.metalboot.router.edgeos.ConfigTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The example lab must reproduce the article exactly: its EdgeOS set commands, read as a config
 * tree, are the "In the end, our configuration section for DHCP should look like" block, and the
 * include files are the article's.
 */
class SeedGoldenTest {
    private static final String ARTICLE = "seed-article-dhcp-block.md";
    private static final String BLOCK_START = "In the end, our configuration section for DHCP should look like";
    private final EdgeosConfig rendered = EdgeosConfig.render(Fixtures.example(), Fixtures.BUNDLED);

    @Test
    void setCommandsReadAsTheSeedsDhcpServerBlock() {
        ConfigTree seed = ConfigTree.parseBoot(Fixtures.seedResource("seed-dhcp-server.boot"), "seed-dhcp-server.boot");
        assertEquals(seed, ConfigTree.fromCommands(rendered.commands()));
        assertEquals(seed.toBoot(), rendered.configBoot());
    }

    /** The article's include files; its two architecture branches are now the rows of the boot architecture table. */
    @Test
    void includeFilesAreTheSeeds() {
        assertEquals(Fixtures.seedResource("ipxe-option-space.conf"), rendered.optionSpace());
        assertEquals(Fixtures.seedResource("ipxe-green.conf").replace(BootArchGoldenTest.SEED_BRANCHES,
                BootArchGoldenTest.TABLE_BRANCHES), rendered.green());
    }

    /**
     * The fixture above is the article's block plus the closing brace the article forgot. The
     * article's paragraph and block are kept beside this test (seed-article-dhcp-block.md), copied
     * from the seed article, so the check needs nothing outside the clone.
     */
    @Test
    void fixtureIsTheBlockInTheArticle() throws IOException {
        String article;
        try (InputStream in = SeedGoldenTest.class.getResourceAsStream(ARTICLE)) {
            assertNotNull(in, ARTICLE + " is not on the test class path");
            article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int from = article.indexOf("```", article.indexOf(BLOCK_START)) + 3;
        String block = article.substring(from, article.indexOf("```", from)).strip() + "\n}\n";
        assertEquals(ConfigTree.parseBoot(block, "seed"),
                ConfigTree.parseBoot(Fixtures.seedResource("seed-dhcp-server.boot"), "fixture"));
    }
}
