package org.minsheng.identity;

import java.util.function.Supplier;

/**
 * Runs work as a named user outside a request (seeders, schedulers), through the same permission
 * and scope checks a request of that user would meet. The user's roles and scope are read once at
 * the start, as a request reads them once.
 */
public interface RunAs {

	<T> T asUser(String username, Supplier<T> work);
}
