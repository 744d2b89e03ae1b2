package org.minsheng.console;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The browser libraries under {@code /vendor/<package>/<version>/} (tools/vendor-console.sh): a
 * version's files never change, so browsers keep them for a year and an upgrade is a new path.
 */
@Configuration(proxyBeanMethods = false)
class VendorResources implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/vendor/**")
			.addResourceLocations("classpath:/static/vendor/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
	}
}
