package org.minsheng.region;

/** One administrative division; {@code parent} is null for a province. */
public record Division(DivisionCode code, String name, DivisionCode parent) {

	public DivisionLevel level() {
		return code.level();
	}
}
