package org.minsheng.nlp;

/**
 * A division of the administrative tree (GB/T 2260 codes, with 9-digit codes for streets and towns) as the address
 * resolver knows it.
 *
 * @param code       2 digits for a province, 4 for a city, 6 for a district or county, 9 for a street, town or township
 * @param name       the official name, e.g. 粤海街道
 * @param parentCode the code of the division it belongs to; null for a province
 */
public record Place(String code, String name, String parentCode) {

	public Place {
		if (code == null || !code.matches("[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}")) {
			throw new IllegalArgumentException("a division code has 2, 4, 6 or 9 digits: " + code);
		}
		if (name == null || name.isBlank()) throw new IllegalArgumentException("division " + code + " has no name");
	}

	/** 1 province, 2 city, 3 district or county, 4 street, town or township. */
	public int level() {
		return switch (code.length()) {
			case 2 -> 1;
			case 4 -> 2;
			case 6 -> 3;
			default -> 4;
		};
	}
}
