package org.minsheng.identity;

import java.util.Optional;

/** The actor of the current request or job. */
public interface CurrentActor {

	/** The logged-in actor; throws when there is none (such code runs only behind authentication). */
	Actor get();

	Optional<Actor> find();
}
