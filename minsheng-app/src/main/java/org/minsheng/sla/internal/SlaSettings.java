package org.minsheng.sla.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param workingHours the working periods of a working day, e.g. {@code 09:00-12:00,13:00-18:00}
 * @param holidayDir a folder of holiday-cn year files that replace or add to the shipped ones
 */
@ConfigurationProperties("minsheng.sla")
record SlaSettings(@DefaultValue("09:00-12:00,13:00-18:00") String workingHours, String holidayDir) {
}
