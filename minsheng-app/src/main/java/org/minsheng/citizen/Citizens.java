package org.minsheng.citizen;

import java.util.List;
import java.util.Optional;

/** Citizen records. Reads are masked; {@link #unmask} shows the clear values and leaves an audit entry. */
public interface Citizens {

	CitizenId register(NewCitizen citizen);

	Optional<CitizenView> find(CitizenId id);

	/** Exact search by phone number through the blind index; any common format (+86, spaces, dashes). */
	List<CitizenView> findByPhone(String phone);

	List<CitizenView> findByIdNumber(String idNumber);

	/** The clear record; needs the unmask permission and a reason, which goes on the audit trail. */
	CitizenView unmask(CitizenId id, String reason);

	void addPhone(CitizenId id, String phone, String label);

	record NewCitizen(String name, String idNumber, String gender, List<CitizenView.Phone> phones,
			List<CitizenView.Address> addresses, String note) {
	}
}
