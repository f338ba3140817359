package io.fastsync.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Makes {@link FastSyncSettings} injectable, read once from MicroProfile Config. */
@ApplicationScoped
class SettingsProducer {

    private volatile FastSyncSettings settings;

    @Produces
    FastSyncSettings settings() {
        FastSyncSettings s = settings;
        if (s == null) {
            Config config = ConfigProvider.getConfig();
            s = FastSyncSettings.read(key -> config.getOptionalValue(key, String.class));
            settings = s;
        }
        return s;
    }
}
