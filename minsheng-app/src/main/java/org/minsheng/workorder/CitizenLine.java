package org.minsheng.workorder;

import org.minsheng.privacy.PersonalDataKind;

/**
 * The citizen's number of an order, for the platform to dial on a person's behalf (号码隐私保护):
 * it goes to the call engine and nowhere else. Its text form is masked, so that a log line or an
 * error message that mentions it shows no more than the console would.
 *
 * @param digits the number to dial, as it was registered (normalised)
 */
public record CitizenLine(WorkOrderNo order, String digits) {

	@Override
	public String toString() {
		return "CitizenLine[" + order.value() + ", " + PersonalDataKind.PHONE.mask(digits) + "]";
	}
}
