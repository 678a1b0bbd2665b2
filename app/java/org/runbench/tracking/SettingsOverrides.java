package org.runbench.tracking;

/**
 * Values given on the command line ({@code --api-host}, {@code --access-key}, {@code --secret-key});
 * each wins over the environment and the config file. A null or blank field means "not given".
 */
public record SettingsOverrides(String apiHost, String accessKey, String secretKey) {

    /** No command-line values. */
    public static final SettingsOverrides NONE = new SettingsOverrides(null, null, null);

    @Override
    public String toString() {
        return "SettingsOverrides[apiHost=" + apiHost + ", accessKey=" + (isSet(accessKey) ? "(set)" : "(none)")
                + ", secretKey=" + (isSet(secretKey) ? "(set)" : "(none)") + "]";
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
