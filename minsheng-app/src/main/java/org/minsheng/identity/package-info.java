/**
 * Users, roles and permissions, the department tree with its regions, data scope, login and API
 * tokens. Other modules ask {@link org.minsheng.identity.CurrentActor} who is acting and what they
 * may see; they never read the identity tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.minsheng.identity;
