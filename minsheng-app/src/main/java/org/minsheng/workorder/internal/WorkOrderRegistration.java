package org.minsheng.workorder.internal;

import static org.minsheng.workorder.internal.Input.blankToNull;
import static org.minsheng.workorder.internal.Input.normalizedPhone;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.identity.Actor;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.privacy.PersonalDataCipher;
import org.minsheng.privacy.PersonalDataKind;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrderView;
import org.minsheng.workorder.WorkOrders.NewWorkOrder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 登记: a citizen's request becomes an order. Checked whole first, then numbered, stored with the
 * caller's personal data encrypted, audited, queued for screening (duplicates, bursts, risk), closed
 * on the spot when answered (即时办结), and dispatched at once when an advisor is sure enough.
 */
@Component
class WorkOrderRegistration {

	static final String SYSTEM = "system";

	private final RegistrationCheck check;

	private final OrderNumbers numbers;

	private final WorkOrderRows rows;

	private final WorkOrderViews views;

	private final Screening screening;

	private final DispatchAdvice advice;

	private final WorkOrderTerms terms;

	private final PersonalDataCipher cipher;

	private final WorkOrderSettings settings;

	private final CurrentActor current;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate tx;

	WorkOrderRegistration(RegistrationCheck check, OrderNumbers numbers, WorkOrderRows rows, WorkOrderViews views,
			Screening screening, DispatchAdvice advice, WorkOrderTerms terms, PersonalDataCipher cipher,
			WorkOrderSettings settings, CurrentActor current, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
			TransactionTemplate tx) {
		this.check = check;
		this.numbers = numbers;
		this.rows = rows;
		this.views = views;
		this.screening = screening;
		this.advice = advice;
		this.terms = terms;
		this.cipher = cipher;
		this.settings = settings;
		this.current = current;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.tx = tx;
	}

	/**
	 * Takes the order number before the registration's own transaction, so a registration never
	 * holds one pooled connection while it waits for a second one to reserve numbers.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	WorkOrderView register(NewWorkOrder o) {
		var actor = current.get().require(Permission.WORKORDER_REGISTER);
		check.check(o);
		var no = numbers.next(LocalDate.now(clock));
		return tx.execute(status -> register(o, no, actor));
	}

	private WorkOrderView register(NewWorkOrder o, WorkOrderNo no, Actor actor) {
		// to the microsecond, as the database keeps it: the view built from these facts equals a later read
		var now = ZonedDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		var phone = o.callerPhone() == null || o.callerPhone().isBlank() || o.anonymous() ? null
				: normalizedPhone(o.callerPhone(), "callerPhone");
		var name = o.callerName() == null || o.callerName().isBlank() || o.anonymous() ? null
				: PersonalDataKind.NAME.normalize(o.callerName());
		var tags = o.tags() == null || o.tags().isEmpty() ? null : String.join(",", o.tags().stream().map(String::strip).toList());
		var answer = blankToNull(o.answerOnSpot());
		var order = WorkOrder.register(no, new WorkOrder.Registration(o.categoryId(), blankToNull(o.divisionCode()),
				o.channel(), o.urgency()), !o.anonymous() && phone != null, answer,
				new WorkOrder.Act(actor.username(), actor.displayName(), actor.departmentId(), now));
		var row = new WorkOrderRows.NewOrder(no, o.channel(), o.requestType(), o.categoryId(), o.urgency(),
				o.title().strip(), o.content().strip(), o.anonymous() || o.citizenId() == null ? null : o.citizenId().value(),
				name == null ? null : cipher.encrypt(name), phone == null ? null : cipher.encrypt(phone),
				phone == null ? null : cipher.blindIndex(PersonalDataKind.PHONE, phone), o.anonymous(),
				o.confidential(), blankToNull(o.address()), blankToNull(o.divisionCode()), o.latitude(), o.longitude(),
				blankToNull(o.callId()), blankToNull(o.recordingRef()), tags, actor.username(),
				now.toOffsetDateTime());
		rows.insert(row, order);
		audit.record(AuditRecord.of(AuditAction.WORK_ORDER_REGISTERED, "work_order", no,
				"channel=" + o.channel() + ", urgency=" + o.urgency() + (answer != null ? ", closed on the spot" : "")));
		order.takeRaised().forEach(events::publishEvent);
		screening.enqueue(no, o.title().strip(), o.content().strip(), blankToNull(o.divisionCode()));
		var facts = row.facts(order.id());
		if (answer == null && settings.autoDispatch()) {
			autoDispatch(order, facts, now);
		}
		// just registered: its screening has not run, so it cannot have failed
		return views.view(order, facts, actor, null);
	}

	/** Dispatches the new order when an advisor is sure enough; leaves it waiting otherwise. */
	private void autoDispatch(WorkOrder order, WorkOrderRows.Facts facts, ZonedDateTime now) {
		var best = advice.advise(facts).stream().findFirst();
		if (best.isEmpty() || best.get().confidence() < settings.autoDispatchConfidence()
				|| !advice.dispatchable(best.get().department())
				|| !best.get().coHandlers().stream().allMatch(advice::dispatchable)) {
			return;
		}
		var s = best.get();
		var act = new WorkOrder.Act(SYSTEM, "自动派单", null, now);
		order.dispatch(s.department(), s.coHandlers(),
				s.reason(), true, terms.of(facts, facts.complex()), terms.sla(), act);
		rows.save(order, now.toOffsetDateTime());
		audit.record(AuditRecord.of(AuditAction.WORK_ORDER_DISPATCHED, "work_order", order.no(),
				"lead=" + s.department() + ", automatic, " + s.source()).by(SYSTEM));
		order.takeRaised().forEach(events::publishEvent);
	}
}
