package org.rmmfiji.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project's version and commit, written into the build by Maven resource filtering. */
public final class SoftwareVersion {
    private SoftwareVersion() {}

    private static final Properties PROPS = new Properties();

    static {
        try (InputStream in = SoftwareVersion.class.getResourceAsStream("/org/rmmfiji/version.properties")) {
            if (in != null) PROPS.load(in);
        } catch (IOException e) {
            // leave the values unknown
        }
    }

    public static String version() { return clean(PROPS.getProperty("version")); }

    public static String commit() { return clean(PROPS.getProperty("commit")); }

    private static String clean(String v) {
        return v == null || v.startsWith("${") ? "unknown" : v;
    }
}
