package org.minsheng.workorder;

/**
 * Looks at every order once its registration has committed: text intelligence declares a bean of
 * this type to flag risks, near-duplicates and bursts for the supervisors. Each screen runs in a
 * transaction of its own; when it fails, the failure is shown on the order and the screening runs
 * again later, so a screen must bear being run more than once for the same order. Its failure never
 * fails or undoes the registration.
 */
public interface RegistrationScreen {

	/** @param divisionCode the division the order was registered for, or null */
	void screen(WorkOrderNo no, String title, String content, String divisionCode);
}
