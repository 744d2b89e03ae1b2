package org.minsheng.workorder;

/**
 * Looks at every order as it is registered, in the registration's own transaction: text
 * intelligence declares a bean of this type to flag risks for the supervisors. A screen must be
 * quick (it runs on every registration) and its failure never fails the registration.
 */
public interface RegistrationScreen {

	/** @param divisionCode the division the order was registered for, or null */
	void screen(WorkOrderNo no, String title, String content, String divisionCode);
}
