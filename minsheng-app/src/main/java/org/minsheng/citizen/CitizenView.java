package org.minsheng.citizen;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A citizen as shown to an actor. With {@code masked} true the name, ID number and phone numbers
 * are masked ({@code 138****1234}); an unmasked view exists only through {@link Citizens#unmask}.
 */
public record CitizenView(CitizenId id, String name, String idNumber, String gender, List<Phone> phones,
		List<Address> addresses, String note, boolean masked, OffsetDateTime createdAt) {

	public record Phone(String number, String label) {
	}

	public record Address(String address, String divisionCode) {
	}
}
