package org.minsheng.identity;

/**
 * Something a person may do to a record (a work order's 派单, an article's 审核), named as staff
 * say it and with the permission it takes. Whether it is open on a given record now is the record's
 * to say; {@link Actor#mayTake} says whether the person may take it at all.
 */
public interface PermittedAction {

	/** The action as the console shows it. */
	String label();

	/** The permission a person needs to take the action at all. */
	Permission permission();
}
