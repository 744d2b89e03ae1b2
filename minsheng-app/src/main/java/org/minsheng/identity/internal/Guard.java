package org.minsheng.identity.internal;

import org.minsheng.identity.Actor;
import org.minsheng.identity.Permission;

/** Permission checks shared by the identity services; the REST and console paths both go through them. */
final class Guard {

	private Guard() {
	}

	static void require(Actor actor, Permission permission) {
		actor.require(permission);
	}
}
