package org.minsheng.region;

import java.util.List;
import java.util.Optional;

/** Look-ups in the administrative division tree. */
public interface Divisions {

	Optional<Division> find(DivisionCode code);

	/** The division and its ancestors, province first. */
	List<Division> path(DivisionCode code);

	/** Full name from province down, e.g. 广东省 深圳市 南山区 南头街道 (a 市辖区 level is left out). */
	String fullName(DivisionCode code);

	List<Division> children(DivisionCode code);

	List<Division> provinces();

	int size();
}
