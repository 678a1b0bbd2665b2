package org.runbench.app.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, or reports a development build. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"Runbench " + (version == null ? "development build" : version)};
    }
}
