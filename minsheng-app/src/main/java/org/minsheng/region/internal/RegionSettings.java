package org.minsheng.region.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param dataDir a folder with replacement division files; empty means the copy shipped in the jar */
@ConfigurationProperties("minsheng.region")
record RegionSettings(String dataDir) {
}
