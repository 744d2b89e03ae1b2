package org.minsheng.workorder.internal;

import static org.minsheng.workorder.internal.Input.normalizedPhone;

import java.util.List;
import java.util.Optional;

import org.minsheng.category.Categories;
import org.minsheng.identity.Actor;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.platform.NotFoundException;
import org.minsheng.privacy.PersonalDataCipher;
import org.minsheng.privacy.PersonalDataKind;
import org.minsheng.workorder.CitizenLine;
import org.minsheng.workorder.DispatchSuggestion;
import org.minsheng.workorder.TimelineEntry;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrderQuery;
import org.minsheng.workorder.WorkOrderSummary;
import org.minsheng.workorder.WorkOrderView;
import org.minsheng.workorder.WorkOrders.InboxBox;
import org.minsheng.workorder.WorkOrders.Page;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What a person may read of the orders: one order with its timeline, lists, inboxes, a caller's history, dispatch advice. */
@Component
@Transactional(readOnly = true)
class WorkOrderReads {

	private final WorkOrderRows rows;

	private final WorkOrderQueries queries;

	private final WorkOrderViews views;

	private final DispatchAdvice advice;

	private final Categories categories;

	private final PersonalDataCipher cipher;

	private final CurrentActor current;

	WorkOrderReads(WorkOrderRows rows, WorkOrderQueries queries, WorkOrderViews views, DispatchAdvice advice,
			Categories categories, PersonalDataCipher cipher, CurrentActor current) {
		this.rows = rows;
		this.queries = queries;
		this.views = views;
		this.advice = advice;
		this.categories = categories;
		this.cipher = cipher;
		this.current = current;
	}

	Optional<WorkOrderView> find(WorkOrderNo no) {
		var actor = require(Permission.WORKORDER_READ);
		return rows.loadByNo(no)
			.filter(l -> rows.visible(actor.scope(), l.order().id()))
			.map(l -> views.view(l.order(), l.facts(), actor, l.screeningFailed()));
	}

	List<TimelineEntry> timeline(WorkOrderNo no) {
		var actor = require(Permission.WORKORDER_READ);
		return views.timeline(visibleId(actor, no));
	}

	Page<WorkOrderSummary> list(WorkOrderQuery query) {
		var actor = require(Permission.WORKORDER_READ);
		String phoneIndex = null;
		if (query.phone() != null && !query.phone().isBlank()) {
			phoneIndex = cipher.blindIndex(PersonalDataKind.PHONE, normalizedPhone(query.phone(), "phone"));
		}
		List<Long> categoryIds = query.categoryId() == null ? null : categories.subtreeIds(query.categoryId());
		return queries.list(query, actor.scope(), categoryIds, phoneIndex, actor);
	}

	Page<WorkOrderSummary> inbox(InboxBox box, int page, int size) {
		var actor = require(Permission.WORKORDER_READ);
		return queries.inbox(box, actor.departmentId().value(), page, size, actor);
	}

	List<WorkOrderSummary> callerHistory(String phone) {
		var actor = require(Permission.WORKORDER_READ);
		var index = cipher.blindIndex(PersonalDataKind.PHONE, normalizedPhone(phone, "phone"));
		return queries.byPhone(index, actor.scope(), actor);
	}

	List<WorkOrderSummary> registeredDuring(String callId) {
		var actor = require(Permission.WORKORDER_READ);
		return callId == null || callId.isBlank() ? List.of() : queries.byCall(callId.strip(), actor.scope(), actor);
	}

	Optional<CitizenLine> lineToCitizen(WorkOrderNo no) {
		var actor = current.get();
		if (!actor.can(Permission.WORKORDER_CALLBACK) && !actor.can(Permission.WORKORDER_HANDLE)) {
			actor.require(Permission.WORKORDER_CALLBACK);
		}
		var facts = rows.facts(visibleId(actor, no)).orElseThrow();
		if (facts.anonymous() || facts.callerPhoneCipher() == null) return Optional.empty();
		return Optional.of(new CitizenLine(facts.no(), cipher.decrypt(facts.callerPhoneCipher())));
	}

	List<DispatchSuggestion> suggestions(WorkOrderNo no) {
		var actor = require(Permission.WORKORDER_DISPATCH);
		return advice.advise(rows.facts(visibleId(actor, no)).orElseThrow());
	}

	private long visibleId(Actor actor, WorkOrderNo no) {
		return rows.idOf(no).filter(id -> rows.visible(actor.scope(), id)).orElseThrow(() -> new NotFoundException("工单", no));
	}

	private Actor require(Permission permission) {
		return current.get().require(permission);
	}
}
