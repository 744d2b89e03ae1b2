package org.minsheng.workorder.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.minsheng.category.Categories;
import org.minsheng.identity.Actor;
import org.minsheng.identity.DepartmentDirectory;
import org.minsheng.privacy.PersonalDataCipher;
import org.minsheng.privacy.PersonalDataKind;
import org.minsheng.identity.DepartmentId;
import org.minsheng.workorder.Attachment;
import org.minsheng.workorder.TimelineEntry;
import org.minsheng.workorder.WorkOrderAction;
import org.minsheng.workorder.WorkOrderView.AssignmentView;
import org.minsheng.workorder.WorkOrderView.CategoryRef;
import org.minsheng.workorder.WorkOrderView.DepartmentRef;
import org.minsheng.workorder.WorkOrderView;
import org.springframework.stereotype.Component;

/** Builds what an actor sees of an order: names for ids, masked caller, no caller at all on confidential orders for departments. */
@Component
class WorkOrderViews {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final WorkOrderRows rows;

	private final Categories categories;

	private final DepartmentDirectory directory;

	private final PersonalDataCipher cipher;

	private final Screening screening;

	WorkOrderViews(WorkOrderRows rows, Categories categories, DepartmentDirectory directory, PersonalDataCipher cipher,
			Screening screening) {
		this.rows = rows;
		this.screening = screening;
		this.categories = categories;
		this.directory = directory;
		this.cipher = cipher;
	}

	/**
	 * The view of an aggregate as loaded or just saved, without reading it again; its failed screening
	 * is read only when the load found one.
	 */
	WorkOrderView view(WorkOrder order, WorkOrderRows.Facts f, Actor actor, boolean screeningFailed) {
		return view(order, f, actor, screeningFailed ? screening.failure(f.no()) : null);
	}

	/** The same, with its failed screening known (null when none failed). */
	WorkOrderView view(WorkOrder order, WorkOrderRows.Facts f, Actor actor, WorkOrderView.ScreeningFailure failure) {
		var ids = new HashSet<Long>();
		order.assignments().forEach(a -> ids.add(a.departmentId().value()));
		order.clocks().forEach(c -> {
			if (c.departmentId() != null) {
				ids.add(c.departmentId().value());
			}
		});
		order.leadDepartment().ifPresent(d -> ids.add(d.value()));
		var names = directory.names(ids);
		var category = f.categoryId() == null ? null
				: categories.find(f.categoryId()).map(c -> new CategoryRef(c.id(), c.path())).orElse(null);
		var caller = callerFor(f.confidential(), actor, f.citizenId(), f.callerNameCipher(), f.callerPhoneCipher());
		var assignments = order.assignments().stream()
			.map(a -> new AssignmentView(ref(a.departmentId(), names), a.role().name(), a.level(), a.state().name(),
					offset(a.dispatchedAt()), offset(a.signedAt()), offset(a.finishedAt()), a.opinion()))
			.toList();
		var deadlines = order.clocks().stream()
			.map(c -> new WorkOrderView.Deadline(c.stage(), c.departmentId() == null ? null : ref(c.departmentId(), names),
					offset(c.dueAt()), offset(c.warnedAt()), offset(c.overdueAt()), offset(c.stoppedAt()), c.clock().paused()))
			.toList();
		var extension = order.extension()
			.map(e -> new WorkOrderView.Extension(e.reason(), offset(e.deadline()), ref(e.departmentId(), names)))
			.orElse(null);
		var tags = f.tags() == null ? List.<String>of() : Arrays.asList(f.tags().split(","));
		var masterNo = order.masterId().flatMap(rows::noOf).orElse(null);
		return new WorkOrderView(f.no(), f.channel(), f.requestType(), category, f.urgency(), f.complex(), f.title(),
				f.content(), caller, f.anonymous(), f.confidential(),
				new WorkOrderView.Location(f.address(), f.divisionCode(), f.latitude(), f.longitude()), f.callId(),
				f.recordingRef(), tags, order.state(), order.state().label(),
				order.leadDepartment().map(d -> ref(d, names)).orElse(null),
				order.holderDepartment().map(d -> ref(d, names)).orElse(null), assignments, order.redoCount(),
				order.reopenCount(), order.resultType(), order.replyText(), order.satisfaction(), order.supervised(), extension,
				offset(order.dueAt()), order.warning().name(), deadlines, masterNo, f.registeredBy(),
				f.registeredAt().atZoneSameInstant(SHANGHAI).toOffsetDateTime(),
				offset(order.closedAt()), failure, allowedActions(order, actor));
	}

	List<TimelineEntry> timeline(long id) {
		var entries = rows.timeline(id);
		var ids = new HashSet<Long>();
		entries.forEach(e -> {
			if (e.actorDepartmentId() != null) {
				ids.add(e.actorDepartmentId());
			}
			if (e.departmentId() != null) {
				ids.add(e.departmentId());
			}
		});
		var names = directory.names(ids);
		var files = new HashMap<Integer, List<Attachment>>();
		for (var a : rows.attachments(id)) {
			if (a.timelineSeq() != null) {
				files.computeIfAbsent(a.timelineSeq(), k -> new ArrayList<>()).add(a);
			}
		}
		return entries.stream()
			.map(e -> new TimelineEntry(e.seq(), e.at(), e.action(), e.action().label(), e.from(), e.to(), e.actor(),
					e.actorName(), e.actorDepartmentId() == null ? null : names.get(e.actorDepartmentId()),
					e.departmentId() == null ? null : names.get(e.departmentId()), e.comment(),
					files.getOrDefault(e.seq(), List.of())))
			.toList();
	}

	/** What the state machine allows the actor's department now, of what the actor's permissions allow at all. */
	static List<WorkOrderAction> allowedActions(WorkOrder order, Actor actor) {
		return order.allowed(actor.departmentId()).stream().filter(actor::mayTake).toList();
	}

	/** The caller as this actor may see them: masked, or nothing on a confidential order outside the center. */

	WorkOrderView.Caller callerFor(boolean confidential, Actor actor, Long citizenId, String nameCipher,
			String phoneCipher) {
		if (confidential && !actor.scope().all()) {
			return null;
		}
		if (citizenId == null && nameCipher == null && phoneCipher == null) {
			return null;
		}
		var name = nameCipher == null ? null : PersonalDataKind.NAME.mask(cipher.decrypt(nameCipher));
		var phone = phoneCipher == null ? null : PersonalDataKind.PHONE.mask(cipher.decrypt(phoneCipher));
		return new WorkOrderView.Caller(citizenId, name, phone);
	}

	private static DepartmentRef ref(DepartmentId department, Map<Long, String> names) {
		return ref(department.value(), names);
	}

	private static DepartmentRef ref(long id, Map<Long, String> names) {
		return new DepartmentRef(id, names.getOrDefault(id, "#" + id));
	}

	private static OffsetDateTime offset(ZonedDateTime value) {
		return value == null ? null : value.toOffsetDateTime();
	}
}
