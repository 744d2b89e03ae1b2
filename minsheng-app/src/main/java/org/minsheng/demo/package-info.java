/**
 * The {@code demo} profile: a believable city (深圳) so that a newcomer sees a living system at
 * once. Seeds through the public APIs of the other modules, as an administrator would.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package org.minsheng.demo;
