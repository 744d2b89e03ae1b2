/**
 * Shared kernel: the error vocabulary every module throws and the one place that turns it into
 * {@code application/problem+json}. Open so that every module may use it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
package org.minsheng.platform;

import org.springframework.modulith.ApplicationModule;
