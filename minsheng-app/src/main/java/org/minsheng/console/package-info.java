/**
 * The web console (Simplified Chinese first): thin page controllers that call the modules' APIs
 * like any other client.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package org.minsheng.console;
