package org.minsheng.workorder.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.minsheng.identity.DepartmentDirectory;
import org.minsheng.privacy.PersonalDataCipher;
import org.minsheng.workorder.PublicStatus;
import org.minsheng.workorder.TimelineAction;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrderState;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The caller's own view of an order, by order number and the last four digits of their phone. */
@Service
@Transactional(readOnly = true)
class PublicStatusService implements PublicStatus.Lookup {

	/** Department names are public on these steps; on the others the step alone is shown. */
	private static final Set<TimelineAction> NAMES_DEPARTMENT = Set.of(TimelineAction.DISPATCHED,
			TimelineAction.AUTO_DISPATCHED, TimelineAction.SIGNED, TimelineAction.SUB_DISPATCHED,
			TimelineAction.REPLIED, TimelineAction.REASSIGNED, TimelineAction.SENT_BACK, TimelineAction.REOPENED);

	private final WorkOrderRows rows;

	private final DepartmentDirectory directory;

	private final PersonalDataCipher cipher;

	private final LookupThrottle throttle;

	PublicStatusService(WorkOrderRows rows, DepartmentDirectory directory, PersonalDataCipher cipher,
			LookupThrottle throttle) {
		this.rows = rows;
		this.throttle = throttle;
		this.directory = directory;
		this.cipher = cipher;
	}

	@Override
	public Optional<PublicStatus> find(String orderNo, String phoneLastFour, String client) {
		var key = orderNo == null ? "" : WorkOrderNo.normalize(orderNo);
		var source = client == null ? "?" : client;
		throttle.attempt(source, key);
		var digits = phoneLastFour == null ? null
				: Normalizer.normalize(phoneLastFour, Normalizer.Form.NFKC).strip();
		var found = lookUp(key, digits);
		if (found.isEmpty()) {
			throttle.failed(source, key);
		}
		return found;
	}

	private Optional<PublicStatus> lookUp(String orderNo, String phoneLastFour) {
		if (!WorkOrderNo.isWellFormed(orderNo) || phoneLastFour == null || !phoneLastFour.matches("\\d{4}")) {
			return Optional.empty();
		}
		return rows.idOf(new WorkOrderNo(orderNo)).flatMap(rows::facts).filter(f -> {
			if (f.callerPhoneCipher() == null) {
				return false;
			}
			var phone = cipher.decrypt(f.callerPhoneCipher());
			return phone.endsWith(phoneLastFour);
		}).map(f -> status(f.id(), true));
	}

	private PublicStatus status(long id, boolean followMaster) {
		var facts = rows.facts(id).orElseThrow();
		var order = rows.load(id).orElseThrow();
		var entries = rows.timeline(id).stream().filter(e -> e.action().citizenSees()).toList();
		var names = directory.names(entries.stream()
			.filter(e -> e.departmentId() != null && NAMES_DEPARTMENT.contains(e.action()))
			.map(e -> e.departmentId())
			.toList());
		List<PublicStatus.Step> steps = entries.stream()
			.filter(e -> !(e.action() == TimelineAction.DISPATCHED && "协办".equals(e.comment())))
			.map(e -> new PublicStatus.Step(e.at(), e.action().label(),
					NAMES_DEPARTMENT.contains(e.action()) && e.departmentId() != null ? names.get(e.departmentId()) : null,
					e.action().citizenSeesText() ? e.comment() : null))
			.toList();
		var masterNo = order.masterId().flatMap(rows::noOf).orElse(null);
		var master = followMaster && order.masterId().isPresent() ? status(order.masterId().get(), false) : null;
		var closed = order.state() == WorkOrderState.CLOSED;
		return new PublicStatus(facts.no(), facts.title(), order.state().label(), facts.registeredAt(), steps,
				order.resultType() == null ? null : order.resultType().label(),
				order.resultType() != null || closed ? order.replyText() : null,
				order.satisfaction() == null ? null : order.satisfaction().label(), masterNo, master);
	}
}
