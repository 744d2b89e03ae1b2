package org.minsheng.citizen.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.citizen.CitizenId;
import org.minsheng.citizen.CitizenRegistered;
import org.minsheng.citizen.CitizenView;
import org.minsheng.citizen.Citizens;
import org.minsheng.identity.Actor;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.minsheng.privacy.PersonalDataCipher;
import org.minsheng.privacy.PersonalDataKind;
import org.minsheng.privacy.PhoneNumber;
import org.minsheng.region.DivisionCode;
import org.minsheng.region.Divisions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class CitizenService implements Citizens {


	private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[0-9X]|[A-Z0-9()（）-]{5,20}");

	private final CitizenRows rows;

	private final PersonalDataCipher cipher;

	private final CurrentActor current;

	private final AuditTrail audit;

	private final Divisions divisions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CitizenService(CitizenRows rows, PersonalDataCipher cipher, CurrentActor current, AuditTrail audit,
			Divisions divisions, ApplicationEventPublisher events, Clock clock) {
		this.rows = rows;
		this.cipher = cipher;
		this.current = current;
		this.audit = audit;
		this.divisions = divisions;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public CitizenId register(NewCitizen c) {
		require(Permission.CITIZEN_WRITE);
		var name = c.name() == null || c.name().isBlank() ? null : PersonalDataKind.NAME.normalize(c.name());
		if (name != null && name.length() > 50) {
			throw new InvalidFieldException("name", "姓名最多 50 个字符");
		}
		var idNumber = c.idNumber() == null || c.idNumber().isBlank() ? null
				: PersonalDataKind.ID_NUMBER.normalize(c.idNumber());
		if (idNumber != null && !ID_NUMBER.matcher(idNumber).matches()) {
			throw new InvalidFieldException("idNumber", "不是有效的身份证号");
		}
		var phones = new ArrayList<StoredPhone>();
		var given = c.phones() == null ? List.<CitizenView.Phone>of() : c.phones();
		for (int i = 0; i < given.size(); i++) {
			phones.add(phone(given.get(i).number(), given.get(i).label(), "phones[" + i + "].number"));
		}
		var addresses = c.addresses() == null ? List.<CitizenView.Address>of() : c.addresses();
		for (int i = 0; i < addresses.size(); i++) {
			checkAddress(addresses.get(i), "addresses[" + i + "]");
		}
		if (c.note() != null && c.note().length() > 500) {
			throw new InvalidFieldException("note", "备注最多 500 个字符");
		}
		var now = OffsetDateTime.now(clock);
		long id = rows.insert(encrypt(name), index(PersonalDataKind.NAME, name), encrypt(idNumber),
				index(PersonalDataKind.ID_NUMBER, idNumber), c.gender(), c.note(), now);
		rows.insertPhones(id, phones);
		rows.insertAddresses(id, addresses);
		audit.record(AuditRecord.of(AuditAction.CITIZEN_REGISTERED, "citizen", id, "phones=" + phones.size()));
		events.publishEvent(new CitizenRegistered(new CitizenId(id)));
		return new CitizenId(id);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CitizenView> find(CitizenId id) {
		require(Permission.CITIZEN_READ);
		return rows.find(id.value()).map(r -> view(r, true));
	}

	@Override
	@Transactional(readOnly = true)
	public List<CitizenView> findByPhone(String phone) {
		require(Permission.CITIZEN_READ);
		var normalized = phoneDigits(phone, "phone");
		return rows.findByPhoneIndex(cipher.blindIndex(PersonalDataKind.PHONE, normalized))
			.stream()
			.map(r -> view(r, true))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<CitizenView> findByIdNumber(String idNumber) {
		require(Permission.CITIZEN_READ);
		var normalized = PersonalDataKind.ID_NUMBER.normalize(idNumber == null ? "" : idNumber);
		if (!ID_NUMBER.matcher(normalized).matches()) {
			throw new InvalidFieldException("idNumber", "不是有效的身份证号");
		}
		return rows.findByIdNumberIndex(cipher.blindIndex(PersonalDataKind.ID_NUMBER, normalized))
			.stream()
			.map(r -> view(r, true))
			.toList();
	}

	@Override
	public CitizenView unmask(CitizenId id, String reason) {
		var actor = require(Permission.PERSONAL_DATA_UNMASK);
		if (reason == null || reason.isBlank() || reason.length() > 200) {
			throw new InvalidFieldException("reason", "查看完整信息须填写原因（最多 200 个字符）");
		}
		var row = rows.find(id.value()).orElseThrow(() -> new NotFoundException("市民", id));
		audit.record(AuditRecord.of(AuditAction.PERSONAL_DATA_UNMASKED, "citizen", id,
				"by=" + actor.username() + ", reason=" + reason.strip()));
		return view(row, false);
	}

	@Override
	public void addPhone(CitizenId id, String phone, String label) {
		require(Permission.CITIZEN_WRITE);
		var row = rows.find(id.value()).orElseThrow(() -> new NotFoundException("市民", id));
		rows.insertPhones(id.value(), List.of(phone(phone, label, "phone")), row.phones().size());
		audit.record(AuditRecord.of(AuditAction.CITIZEN_PHONE_ADDED, "citizen", id, null));
	}

	private StoredPhone phone(String raw, String label, String field) {
		var normalized = phoneDigits(raw, field);
		if (label != null && label.length() > 20) {
			throw new InvalidFieldException(field.replace("number", "label"), "标签最多 20 个字符");
		}
		return new StoredPhone(cipher.encrypt(normalized), cipher.blindIndex(PersonalDataKind.PHONE, normalized),
				label);
	}

	private static String phoneDigits(String raw, String field) {
		try {
			return PhoneNumber.parse(raw).digits();
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldException(field, e.getMessage());
		}
	}

	private void checkAddress(CitizenView.Address address, String field) {
		if (address.address() == null || address.address().isBlank() || address.address().length() > 300) {
			throw new InvalidFieldException(field + ".address", "地址为 1 到 300 个字符");
		}
		var code = address.divisionCode();
		if (code != null && (!DivisionCode.isWellFormed(code) || divisions.find(new DivisionCode(code)).isEmpty())) {
			throw new InvalidFieldException(field + ".divisionCode", "未知的行政区划代码 " + code);
		}
	}

	private Actor require(Permission permission) {
		return current.get().require(permission);
	}

	private String encrypt(String value) {
		return value == null ? null : cipher.encrypt(value);
	}

	private String index(PersonalDataKind kind, String value) {
		return value == null ? null : cipher.blindIndex(kind, value);
	}

	private CitizenView view(CitizenRows.Row row, boolean masked) {
		var name = cipher.decrypt(row.nameCipher());
		var idNumber = cipher.decrypt(row.idNumberCipher());
		var phones = row.phones()
			.stream()
			.map(p -> {
				var number = cipher.decrypt(p.cipher());
				return new CitizenView.Phone(masked ? PersonalDataKind.PHONE.mask(number) : number, p.label());
			})
			.toList();
		return new CitizenView(new CitizenId(row.id()), masked ? PersonalDataKind.NAME.mask(name) : name,
				masked ? PersonalDataKind.ID_NUMBER.mask(idNumber) : idNumber, row.gender(), phones, row.addresses(),
				row.note(), masked, row.createdAt());
	}

	record StoredPhone(String cipher, String index, String label) {
	}
}
