/**
 * Work orders (工单): registration, multi-level dispatch with lead and co-handling departments,
 * handling, reply, review, callback and closure, with extension, supervision, merge, withdrawal
 * and reassignment; every step on the order's timeline. The aggregate owns its state machine;
 * deadlines run on the {@link org.minsheng.sla.WorkingCalendar}. Other modules hear about orders
 * through the past-tense events of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Work orders")
package org.minsheng.workorder;
