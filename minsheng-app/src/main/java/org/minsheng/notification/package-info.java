/**
 * Tells people and systems what happened: in-app notifications for the handlers and admins of the
 * department concerned, and signed webhooks for integrations. Listens to the work-order events
 * through the event publication registry, so a crash delays a notification but never loses or
 * doubles it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.minsheng.notification;
