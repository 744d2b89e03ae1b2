/**
 * Service levels: the official working-day calendar (holidays and make-up workdays), working
 * hours and deadline arithmetic on them. Work-order deadlines, warnings and overdue marks build on
 * {@link org.minsheng.sla.WorkingCalendar}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA")
package org.minsheng.sla;
