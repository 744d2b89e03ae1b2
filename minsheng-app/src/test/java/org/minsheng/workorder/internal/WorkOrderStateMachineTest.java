package org.minsheng.workorder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.minsheng.workorder.WorkOrderAction.*;
import static org.minsheng.workorder.internal.LifecycleFixture.*;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.minsheng.identity.DepartmentId;
import org.minsheng.platform.ConflictException;
import org.minsheng.workorder.ResultType;
import org.minsheng.workorder.Satisfaction;
import org.minsheng.workorder.SupervisionKind;
import org.minsheng.workorder.WorkOrderAction;
import org.minsheng.workorder.WorkOrderClosed;
import org.minsheng.workorder.WorkOrderDispatched;
import org.minsheng.workorder.WorkOrderRegistered;
import org.minsheng.workorder.WorkOrderReplied;
import org.minsheng.workorder.WorkOrderReturned;
import org.minsheng.workorder.WorkOrderState;
import org.minsheng.workorder.WorkOrderSupervised;

/**
 * The work order's lifecycle (《政务服务便民热线运行规范》: 受理、派单、签收、办理、答复、审核、回访、办结), proven on the
 * aggregate alone: what each party may do in each state, that exactly that succeeds and everything
 * else is refused without a trace, and the events each step raises.
 */
class WorkOrderStateMachineTest {

	final LifecycleFixture given = new LifecycleFixture();

	/** One order per situation of the lifecycle, made fresh for each use. */
	Map<String, Supplier<WorkOrder>> situations() {
		var out = new LinkedHashMap<String, Supplier<WorkOrder>>();
		out.put("pending dispatch", given::pendingDispatch);
		out.put("dispatched", given::dispatched);
		out.put("in progress", given::inProgress);
		out.put("dispatched below", given::dispatchedBelow);
		out.put("extension pending", given::extensionPending);
		out.put("returned", given::returned);
		out.put("replied", given::replied);
		out.put("pending callback", given::pendingCallback);
		out.put("closed", given::closed);
		out.put("closed on the spot", given::closedOnTheSpot);
		out.put("withdrawn", given::withdrawn);
		out.put("merged", given::merged);
		return out;
	}

	/** What the rule book lets each party do in each situation, written out by hand. */
	static final Map<String, Map<DepartmentId, Set<WorkOrderAction>>> EXPECTED = Map.ofEntries(
			Map.entry("pending dispatch", Map.of(CENTER, EnumSet.of(DISPATCH, MERGE, WITHDRAW))),
			Map.entry("dispatched", Map.of(
					CENTER, EnumSet.of(REASSIGN, MERGE, WITHDRAW, SUPERVISE),
					LEAD, EnumSet.of(SIGN, RETURN, REQUEST_EXTENSION, REASSIGN, MERGE, WITHDRAW, SUPERVISE),
					CO, EnumSet.of(SIGN, RETURN, REASSIGN, MERGE, WITHDRAW, SUPERVISE))),
			Map.entry("in progress", Map.of(
					CENTER, EnumSet.of(REASSIGN, MERGE, WITHDRAW, SUPERVISE),
					LEAD, EnumSet.of(RETURN, DISPATCH_BELOW, REPLY, REQUEST_EXTENSION, REASSIGN, MERGE, WITHDRAW, SUPERVISE),
					CO, EnumSet.of(SIGN, RETURN, REASSIGN, MERGE, WITHDRAW, SUPERVISE))),
			Map.entry("dispatched below", Map.of(
					CENTER, EnumSet.of(REASSIGN, MERGE, WITHDRAW, SUPERVISE),
					// the lead waits for the department below; it may still ask for more time
					LEAD, EnumSet.of(REQUEST_EXTENSION, REASSIGN, MERGE, WITHDRAW, SUPERVISE),
					BELOW, EnumSet.of(SIGN, RETURN, REASSIGN, MERGE, WITHDRAW, SUPERVISE))),
			Map.entry("extension pending", Map.of(
					CENTER, EnumSet.of(DECIDE_EXTENSION, REASSIGN, MERGE, WITHDRAW, SUPERVISE),
					LEAD, EnumSet.of(RETURN, DISPATCH_BELOW, REPLY, DECIDE_EXTENSION, REASSIGN, MERGE, WITHDRAW, SUPERVISE))),
			Map.entry("returned", Map.of(CENTER, EnumSet.of(DISPATCH, REASSIGN, MERGE, WITHDRAW),
					LEAD, EnumSet.of(DISPATCH, REASSIGN, MERGE, WITHDRAW))),
			Map.entry("replied", Map.of(CENTER, EnumSet.of(REASSIGN, REVIEW, SUPERVISE),
					LEAD, EnumSet.of(REASSIGN, REVIEW, SUPERVISE))),
			Map.entry("pending callback", Map.of(CENTER, EnumSet.of(CALLBACK))),
			Map.entry("closed", Map.of(CENTER, EnumSet.noneOf(WorkOrderAction.class))),
			Map.entry("closed on the spot", Map.of(CENTER, EnumSet.noneOf(WorkOrderAction.class))),
			Map.entry("withdrawn", Map.of(CENTER, EnumSet.noneOf(WorkOrderAction.class))),
			Map.entry("merged", Map.of(CENTER, EnumSet.noneOf(WorkOrderAction.class))));

	@Test
	void eachPartyMayDoExactlyWhatTheRuleBookSaysInEachSituation() {
		situations().forEach((name, order) -> EXPECTED.get(name).forEach((department, actions) ->
				assertThat(order.get().allowed(department)).as("%s, department %s", name, department)
					.containsExactlyInAnyOrderElementsOf(actions)));
		// a department with no part in the order has only what anyone at the center has
		assertThat(given.inProgress().allowed(STRANGER)).isEqualTo(given.inProgress().allowed(CENTER));
	}

	/** Takes the action with plausible input, as the department. */
	void take(WorkOrderAction action, WorkOrder order, DepartmentId department) {
		var act = given.by(department);
		switch (action) {
			case DISPATCH -> order.dispatch(LEAD, List.of(CO), null, false, TERMS, SLA, act);
			case REASSIGN -> order.reassign(STRANGER, List.of(), "职责调整", TERMS, SLA, act);
			case MERGE -> order.mergeInto(given.dispatched(), act);
			case WITHDRAW -> order.withdraw("市民撤回", act);
			case SIGN -> order.sign(act);
			case RETURN -> order.returnToSender("非本单位职责", SLA, act);
			case DISPATCH_BELOW -> order.dispatchBelow(BELOW.equals(department) ? new DepartmentId(12) : BELOW, null, act);
			case REPLY -> order.reply(ResultType.RESOLVED, "已办理", act);
			case REQUEST_EXTENSION -> order.requestExtension("需要更多时间", act.at().plusDays(60), SLA, act);
			case DECIDE_EXTENSION -> order.decideExtension(true, null, SLA, act);
			case REVIEW -> order.review(true, null, TERMS, SLA, act);
			case CALLBACK -> order.callback(Satisfaction.SATISFIED, null, MAX_REOPENS, TERMS, SLA, act);
			case SUPERVISE -> order.supervise(SupervisionKind.REMIND, "请加快", act);
		}
	}

	@Test
	void everyAllowedActionSucceedsAndEveryOtherIsRefusedLeavingNoTrace() {
		situations().forEach((name, made) -> {
			for (var department : List.of(CENTER, LEAD, CO, BELOW, STRANGER)) {
				var allowed = made.get().allowed(department);
				for (var action : WorkOrderAction.values()) {
					var order = made.get();
					order.takeRaised();
					var state = order.state();
					int entries = order.lastSeq();
					var what = name + ": " + action + " by department " + department;
					if (allowed.contains(action)) {
						take(action, order, department);
						assertThat(order.lastSeq()).as(what).isGreaterThan(entries);
					}
					else {
						assertThatThrownBy(() -> take(action, order, department)).as(what)
							.isInstanceOf(ConflictException.class);
						assertThat(order.state()).as(what).isEqualTo(state);
						assertThat(order.lastSeq()).as(what).isEqualTo(entries);
						assertThat(order.takeRaised()).as(what).isEmpty();
					}
				}
			}
		});
	}

	@Test
	void aRefusalNamesTheActionTheOrderAndItsState() {
		var order = given.dispatched();
		assertThatThrownBy(() -> order.reply(ResultType.RESOLVED, "已办理", given.by(LEAD)))
			.hasMessage("工单「" + order.no() + "」当前为「已派单待签收」，不能答复");
		assertThatThrownBy(() -> order.review(true, null, TERMS, SLA, given.center()))
			.hasMessage("工单「" + order.no() + "」当前为「已派单待签收」，不能审核");
		assertThatThrownBy(() -> order.sign(given.by(STRANGER)))
			.isInstanceOf(WorkOrder.NotHoldingException.class)
			.hasMessageContaining("本部门没有这张工单的在办任务");
	}

	@Test
	void aSecondExtensionRequestWaitsForTheFirstToBeDecided() {
		var order = given.extensionPending();
		assertThatThrownBy(() -> order.requestExtension("再延", given.by(LEAD).at().plusDays(90), SLA, given.by(LEAD)))
			.hasMessage("工单「" + order.no() + "」已有待审批的延期申请");
		order.decideExtension(false, "理由不充分", SLA, given.center());
		assertThat(order.allowed(LEAD)).contains(REQUEST_EXTENSION).doesNotContain(DECIDE_EXTENSION);
		assertThatThrownBy(() -> order.decideExtension(true, null, SLA, given.center()))
			.hasMessage("工单「" + order.no() + "」没有待审批的延期申请");
	}

	@Test
	void theWholeLoopRaisesItsEventsInOrder() {
		var order = given.pendingDispatch();
		assertThat(order.takeRaised()).singleElement().isInstanceOf(WorkOrderRegistered.class);

		order.dispatch(LEAD, List.of(CO), null, false, TERMS, SLA, given.center());
		assertThat(order.takeRaised()).singleElement().isEqualTo(new WorkOrderDispatched(order.no(), LEAD, List.of(CO),
				false, false, order.takeChanges().entries().getLast().at().toOffsetDateTime()));
		order.sign(given.by(LEAD));
		order.sign(given.by(CO));
		order.reply(ResultType.RESOLVED, "协办意见", given.by(CO));
		assertThat(order.takeRaised()).as("signing and a co-handler's opinion raise nothing").isEmpty();

		order.reply(ResultType.RESOLVED, "已修复", given.by(LEAD));
		assertThat(order.takeRaised()).singleElement().isInstanceOfSatisfying(WorkOrderReplied.class,
				e -> assertThat(e.department()).isEqualTo(LEAD));
		order.review(true, null, TERMS, SLA, given.center());
		order.callback(Satisfaction.DISSATISFIED, "路灯仍不亮", MAX_REOPENS, TERMS, SLA, given.center());
		assertThat(order.state()).as("a dissatisfied caller reopens the order").isEqualTo(WorkOrderState.DISPATCHED);
		assertThat(order.takeRaised()).isEmpty();

		order.sign(given.by(LEAD));
		order.reply(ResultType.RESOLVED, "已更换灯具", given.by(LEAD));
		order.review(true, null, TERMS, SLA, given.center());
		order.callback(Satisfaction.SATISFIED, null, MAX_REOPENS, TERMS, SLA, given.center());
		var raised = order.takeRaised();
		assertThat(raised).hasSize(2);
		assertThat(raised.getLast()).isInstanceOfSatisfying(WorkOrderClosed.class, e -> {
			assertThat(e.finalState()).isEqualTo(WorkOrderState.CLOSED);
			assertThat(e.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
		});
	}

	@Test
	void onlyTheLeadsReturnGivesTheOrderBackToTheCenter() {
		var order = given.dispatchedBelow();
		order.takeRaised();
		order.returnToSender("不属本辖区", SLA, given.by(BELOW));
		assertThat(order.state()).isEqualTo(WorkOrderState.IN_PROGRESS);
		assertThat(order.takeRaised()).as("a return below stays with the lead").isEmpty();

		order.returnToSender("非本单位职责", SLA, given.by(LEAD));
		assertThat(order.state()).isEqualTo(WorkOrderState.RETURNED);
		assertThat(order.takeRaised()).singleElement().isInstanceOf(WorkOrderReturned.class);
		assertThat(order.allowed(CENTER)).contains(DISPATCH);
	}

	@Test
	void aReviewWithoutACallbackNumberClosesTheOrderAndSupervisionNamesTheHolder() {
		var order = given.pendingDispatch(false);
		order.dispatch(LEAD, List.of(), null, false, TERMS, SLA, given.center());
		order.supervise(SupervisionKind.ESCALATE, "超期未签收", given.center());
		order.takeRaised();
		order.sign(given.by(LEAD));
		order.reply(ResultType.RESOLVED, "已处理", given.by(LEAD));
		order.takeRaised();
		order.supervise(SupervisionKind.FLAG, "重点关注", given.center());
		assertThat(order.takeRaised()).singleElement().isInstanceOfSatisfying(WorkOrderSupervised.class,
				e -> assertThat(e.department()).isEqualTo(LEAD));

		order.review(true, null, TERMS, SLA, given.center());
		assertThat(order.state()).isEqualTo(WorkOrderState.CLOSED);
		assertThat(order.takeRaised()).singleElement().isInstanceOf(WorkOrderClosed.class);
		assertThat(order.allowed(CENTER)).isEmpty();
	}

	@Test
	void mergingAndWithdrawingEndTheOrderAndSaySo() {
		var duplicate = given.dispatched();
		var master = given.dispatched();
		duplicate.takeRaised();
		duplicate.mergeInto(master, given.center());
		assertThat(duplicate.takeRaised()).singleElement().isInstanceOfSatisfying(WorkOrderClosed.class,
				e -> assertThat(e.finalState()).isEqualTo(WorkOrderState.MERGED));
		assertThat(duplicate.assignments()).allSatisfy(a -> assertThat(a.state().active()).isFalse());
		assertThatThrownBy(() -> given.pendingDispatch().mergeInto(given.closed(), given.center()))
			.isInstanceOf(ConflictException.class);

		var withdrawn = given.inProgress();
		withdrawn.takeRaised();
		withdrawn.withdraw("市民已自行解决", given.center());
		assertThat(withdrawn.takeRaised()).singleElement().isInstanceOfSatisfying(WorkOrderClosed.class,
				e -> assertThat(e.finalState()).isEqualTo(WorkOrderState.WITHDRAWN));
		assertThat(withdrawn.clocks()).allSatisfy(c -> assertThat(c.running()).isFalse());
	}
}
