package org.minsheng.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minsheng.workorder.WorkOrderFixture.dispatch;
import static org.minsheng.workorder.WorkOrderFixture.ok;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.ApplicationTest;

/** The lifecycle of a work order through the API, as center staff and departments drive it. */
abstract class WorkOrderLifecycleContract extends ApplicationTest {

	WorkOrderFixture hotline;

	@BeforeEach
	void hotline() {
		hotline = new WorkOrderFixture(api, given);
	}

	@Test
	void registersAnOrderWithAReadableNumberThatWaitsForDispatch() {
		var r = hotline.agent.post("/api/work-orders", hotline.order("路灯不亮"));

		assertThat(r.status()).as(r.body()).isEqualTo(201);
		var no = r.json().get("no").asString();
		var today = LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.BASIC_ISO_DATE);
		assertThat(no).matches("WO" + today + "\\d{6}");
		assertThat(r.json().get("state").asString()).isEqualTo("PENDING_DISPATCH");
		assertThat(r.json().get("stateLabel").asString()).isEqualTo("待派单");
		assertThat(r.json().get("caller").get("phone").asString()).isEqualTo(
				hotline.phone.substring(0, 3) + "****" + hotline.phone.substring(7));
		assertThat(hotline.actions(no)).containsExactly("REGISTERED");
		assertThat(count("select count(*) from audit_entry where action = 'WORK_ORDER_REGISTERED' and target_id = ?",
				no)).isEqualTo(1);
	}

	@Test
	void numbersAreUniqueAndIncreasingWithinADay() {
		var first = hotline.registered();
		var second = hotline.registered();

		assertThat(second).isNotEqualTo(first);
		assertThat(Long.parseLong(second.substring(10))).isGreaterThan(Long.parseLong(first.substring(10)));
	}

	@Test
	void closesOnTheSpotWhenTheAgentAnswersFromKnowledge() {
		var body = hotline.order("咨询社保卡补办");
		body.put("requestType", "CONSULTATION");
		body.put("answerOnSpot", "可携带身份证到任一社保网点或通过i深圳APP补办。");

		var view = ok(hotline.agent.post("/api/work-orders", body));

		assertThat(view.get("state").asString()).isEqualTo("CLOSED");
		assertThat(view.get("reply").asString()).contains("i深圳");
		assertThat(hotline.actions(view.get("no").asString())).containsExactly("REGISTERED", "CLOSED_ON_SPOT");
	}

	@Test
	void runsTheWholeLoopThroughTwoLevelsOfDispatchAndCoHandling() {
		var no = hotline.registered();

		var dispatched = ok(hotline.dispatcher.post("/api/work-orders/" + no + "/dispatch",
				dispatch(hotline.district, hotline.bureau)));
		assertThat(dispatched.get("state").asString()).isEqualTo("DISPATCHED");
		assertThat(dispatched.get("lead").get("id").asLong()).isEqualTo(hotline.district);

		ok(hotline.districtHandler.post("/api/work-orders/" + no + "/sign", null));
		ok(hotline.bureauHandler.post("/api/work-orders/" + no + "/sign", null));
		ok(hotline.bureauHandler.post("/api/work-orders/" + no + "/reply", Map.of("content", "协办意见：路灯属街道管养。")));
		var below = ok(hotline.districtHandler.post("/api/work-orders/" + no + "/dispatch-below",
				Map.of("departmentId", hotline.street, "comment", "请街道核实")));
		assertThat(below.get("holder").get("id").asLong()).isEqualTo(hotline.street);
		assertThat(below.get("state").asString()).isEqualTo("DISPATCHED");

		ok(hotline.streetHandler.post("/api/work-orders/" + no + "/sign", null));
		var subReply = ok(hotline.streetHandler.post("/api/work-orders/" + no + "/reply",
				Map.of("resultType", "RESOLVED", "content", "已更换灯泡")));
		assertThat(subReply.get("state").asString()).as("a sub-department replies to its parent")
			.isEqualTo("IN_PROGRESS");
		assertThat(subReply.get("holder").get("id").asLong()).isEqualTo(hotline.district);

		var replied = ok(hotline.districtHandler.post("/api/work-orders/" + no + "/reply",
				Map.of("resultType", "RESOLVED", "content", "经街道核实，路灯已于今日修复。")));
		assertThat(replied.get("state").asString()).isEqualTo("REPLIED");
		assertThat(replied.get("resultType").asString()).isEqualTo("RESOLVED");

		var approved = ok(hotline.dispatcher.post("/api/work-orders/" + no + "/review", Map.of("approve", true)));
		assertThat(approved.get("state").asString()).isEqualTo("PENDING_CALLBACK");

		var closed = ok(hotline.agent.post("/api/work-orders/" + no + "/callback",
				Map.of("satisfaction", "SATISFIED", "note", "市民表示满意")));
		assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
		assertThat(closed.get("closedAt").isNull()).isFalse();

		assertThat(hotline.actions(no)).containsExactly("REGISTERED", "DISPATCHED", "DISPATCHED", "SIGNED",
				"CO_SIGNED", "CO_REPLIED", "SUB_DISPATCHED", "SUB_SIGNED", "SUB_REPLIED", "REPLIED", "REVIEW_APPROVED",
				"CALLED_BACK", "CLOSED");
		var timeline = ok(hotline.supervisor.get("/api/work-orders/" + no + "/timeline"));
		assertThat(timeline.get(3).get("actorDepartment").asString()).startsWith("南山区");
		assertThat(timeline.get(3).get("fromState").asString()).isEqualTo("DISPATCHED");
		assertThat(timeline.get(3).get("toState").asString()).isEqualTo("IN_PROGRESS");
		assertThat(count("select count(*) from audit_entry where target_type = 'work_order' and target_id = ?", no))
			.isEqualTo(11);
	}

	@Test
	void keepsACallIdAsLongAsTheSwitchGivesItAndNamesTheFieldBeyondThat() {
		var body = hotline.order("路灯不亮");
		var sipCallId = "a84b4c76e66710-" + "9".repeat(WorkOrderLimits.CALL_ID - 15);
		body.put("callId", sipCallId);
		var kept = hotline.agent.post("/api/work-orders", body);
		assertThat(kept.status()).as(kept.body()).isEqualTo(201);
		assertThat(kept.json().get("callId").asString()).isEqualTo(sipCallId);

		body.put("callId", sipCallId + "x");
		var refused = hotline.agent.post("/api/work-orders", body);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("field").asString()).isEqualTo("callId");
	}

	@Test
	void theOrderSaysWhatThePersonAskingMayDoWithItNow() {
		var no = hotline.registered();
		assertThat(allowed(hotline.dispatcher, no)).contains("DISPATCH", "MERGE").doesNotContain("SIGN", "REVIEW");
		assertThat(hotline.districtHandler.get("/api/work-orders/" + no).status()).as("not yet the district's to see")
			.isEqualTo(404);

		hotline.dispatcher.post("/api/work-orders/" + no + "/dispatch", Map.of("leadDepartmentId", hotline.district));
		assertThat(allowed(hotline.districtHandler, no)).containsExactlyInAnyOrder("SIGN", "RETURN", "REQUEST_EXTENSION");
		assertThat(allowed(hotline.supervisor, no)).as("the supervisor watches and steps in").contains("SUPERVISE")
			.doesNotContain("SIGN", "REPLY", "DISPATCH");
		assertThat(allowed(hotline.dispatcher, no)).contains("REASSIGN").doesNotContain("DISPATCH", "SIGN");

		hotline.districtHandler.post("/api/work-orders/" + no + "/sign", Map.of());
		assertThat(allowed(hotline.districtHandler, no)).contains("REPLY", "RETURN").doesNotContain("SIGN");
	}

	private List<String> allowed(org.minsheng.testsupport.Api.Session session, String no) {
		var r = session.get("/api/work-orders/" + no);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		var out = new java.util.ArrayList<String>();
		r.json().get("allowedActions").forEach(a -> out.add(a.asString()));
		return out;
	}

	@Test
	void rejectsAReplyToAnUnsignedOrderNamingTheOrderAndItsState() {
		var no = hotline.dispatchedTo(hotline.district);

		var r = hotline.districtHandler.post("/api/work-orders/" + no + "/reply",
				Map.of("resultType", "RESOLVED", "content", "已处理"));

		assertThat(r.status()).isEqualTo(409);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().get("detail").asString())
			.isEqualTo("工单「" + no + "」当前为「已派单待签收」，不能答复");
		assertThat(hotline.state(no)).isEqualTo("DISPATCHED");
		assertThat(hotline.actions(no)).containsExactly("REGISTERED", "DISPATCHED");
	}

	@Test
	void rejectsEveryStepThatDoesNotFitTheState() {
		var no = hotline.registered();
		var steps = Map.of(
				"/review", Map.<String, Object>of("approve", true),
				"/callback", Map.<String, Object>of("satisfaction", "SATISFIED"),
				"/reassign", Map.<String, Object>of("leadDepartmentId", hotline.district, "comment", "改派"),
				"/supervision", Map.<String, Object>of("kind", "REMIND", "note", "请加快"));
		steps.forEach((path, body) -> {
			var session = path.equals("/callback") ? hotline.agent : hotline.supervisor;
			var r = session.post("/api/work-orders/" + no + path, body);
			assertThat(r.status()).as(path + " " + r.body()).isEqualTo(409);
			assertThat(r.json().get("detail").asString()).as(path)
				.startsWith("工单「" + no + "」当前为「待派单」，不能");
		});
		assertThat(hotline.actions(no)).containsExactly("REGISTERED");
	}

	@Test
	void aReturnedOrderGoesBackToTheDispatcherWithItsClocksStopped() {
		var no = hotline.dispatchedTo(hotline.otherDistrict);

		var returned = ok(hotline.otherHandler.post("/api/work-orders/" + no + "/return",
				Map.of("reason", "地址属南山区，非我区管辖")));

		assertThat(returned.get("state").asString()).isEqualTo("RETURNED");
		assertThat(returned.get("holder").isNull()).isTrue();
		assertThat(returned.get("dueAt").isNull()).isTrue();
		for (var d : returned.get("deadlines")) {
			assertThat(d.get("stoppedAt").isNull()).as(d.toString()).isFalse();
		}
		var redispatched = ok(hotline.dispatcher.post("/api/work-orders/" + no + "/dispatch",
				dispatch(hotline.district)));
		assertThat(redispatched.get("state").asString()).isEqualTo("DISPATCHED");
		assertThat(redispatched.get("dueAt").isNull()).isFalse();
		assertThat(count("select count(*) from work_order_clock c join work_order o on o.id = c.order_id"
				+ " where o.order_no = ? and c.stopped_at is null", no)).isEqualTo(2);
		assertThat(ok(hotline.dispatcher.get("/api/inbox?box=TO_SIGN")).get("total").asLong())
			.as("the dispatcher's department holds nothing").isZero();
	}

	@Test
	void aSubDepartmentReturnsToItsParentNotToTheCenter() {
		var no = hotline.dispatchedTo(hotline.district);
		ok(hotline.districtHandler.post("/api/work-orders/" + no + "/sign", null));
		ok(hotline.districtHandler.post("/api/work-orders/" + no + "/dispatch-below",
				Map.of("departmentId", hotline.street)));

		var back = ok(hotline.streetHandler.post("/api/work-orders/" + no + "/return", Map.of("reason", "不属本街道")));

		assertThat(back.get("state").asString()).isEqualTo("IN_PROGRESS");
		assertThat(back.get("holder").get("id").asLong()).isEqualTo(hotline.district);
		var returnedBox = ok(hotline.districtHandler.get("/api/inbox?box=RETURNED"));
		assertThat(returnedBox.get("items").get(0).get("no").asString()).isEqualTo(no);
	}

	@Test
	void aDepartmentCannotDispatchToADepartmentOutsideItsSubtree() {
		var no = hotline.dispatchedTo(hotline.district);
		ok(hotline.districtHandler.post("/api/work-orders/" + no + "/sign", null));

		var r = hotline.districtHandler.post("/api/work-orders/" + no + "/dispatch-below",
				Map.of("departmentId", hotline.otherDistrict));

		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("field").asString()).isEqualTo("departmentId");
		assertThat(hotline.actions(no)).containsExactly("REGISTERED", "DISPATCHED", "SIGNED");
	}

	@Test
	void theCenterSendsAReplyBackForRedoing() {
		var no = replied();

		var back = ok(hotline.dispatcher.post("/api/work-orders/" + no + "/review",
				Map.of("approve", false, "comment", "回复未说明修复时间")));

		assertThat(back.get("state").asString()).isEqualTo("DISPATCHED");
		assertThat(back.get("redoCount").asInt()).isEqualTo(1);
		assertThat(back.get("holder").get("id").asLong()).isEqualTo(hotline.district);
		var missingReason = hotline.dispatcher.post("/api/work-orders/" + replied() + "/review",
				Map.of("approve", false));
		assertThat(missingReason.status()).isEqualTo(400);
		assertThat(missingReason.json().get("field").asString()).isEqualTo("comment");
	}

	@Test
	void aDissatisfiedCallerReopensTheOrderTwiceThenItCloses() {
		var no = replied();
		ok(hotline.dispatcher.post("/api/work-orders/" + no + "/review", Map.of("approve", true)));

		for (int round = 1; round <= 2; round++) {
			var reopened = ok(hotline.agent.post("/api/work-orders/" + no + "/callback",
					Map.of("satisfaction", "DISSATISFIED", "note", "路灯仍不亮")));
			assertThat(reopened.get("state").asString()).isEqualTo("DISPATCHED");
			assertThat(reopened.get("reopenCount").asInt()).isEqualTo(round);
			ok(hotline.districtHandler.post("/api/work-orders/" + no + "/sign", null));
			ok(hotline.districtHandler.post("/api/work-orders/" + no + "/reply",
					Map.of("resultType", "RESOLVED", "content", "已再次修复")));
			ok(hotline.dispatcher.post("/api/work-orders/" + no + "/review", Map.of("approve", true)));
		}
		var last = ok(hotline.agent.post("/api/work-orders/" + no + "/callback",
				Map.of("satisfaction", "DISSATISFIED", "note", "仍不满意")));

		assertThat(last.get("state").asString()).isEqualTo("CLOSED");
		assertThat(last.get("satisfaction").asString()).isEqualTo("DISSATISFIED");
		assertThat(hotline.actions(no).stream().filter("REOPENED"::equals).count()).isEqualTo(2);
	}

	@Test
	void anApprovedExtensionMovesTheHandlingDeadline() {
		var no = hotline.dispatchedTo(hotline.district);
		ok(hotline.districtHandler.post("/api/work-orders/" + no + "/sign", null));
		var handling = handlingDue(hotline.view(no));
		var newDeadline = handling.plusDays(10);

		var requested = ok(hotline.districtHandler.post("/api/work-orders/" + no + "/extension",
				Map.of("reason", "需协调供电部门更换线路", "deadline", newDeadline.toString())));
		assertThat(requested.get("pendingExtension").get("reason").asString()).contains("供电");
		assertThat(deadline(requested, "HANDLE").get("paused").asBoolean()).isTrue();
		var twice = hotline.districtHandler.post("/api/work-orders/" + no + "/extension",
				Map.of("reason", "再次申请", "deadline", newDeadline.plusDays(1).toString()));
		assertThat(twice.status()).isEqualTo(409);

		var approved = ok(hotline.dispatcher.post("/api/work-orders/" + no + "/extension/decision",
				Map.of("approve", true, "comment", "同意")));

		assertThat(approved.get("pendingExtension").isNull()).isTrue();
		assertThat(deadline(approved, "HANDLE").get("paused").asBoolean()).isFalse();
		assertThat(handlingDue(approved).toInstant()).isEqualTo(newDeadline.toInstant());
		assertThat(hotline.actions(no)).endsWith("EXTENSION_REQUESTED", "EXTENSION_APPROVED");
	}

	@Test
	void anExtensionMustReachBeyondTheCurrentDeadline() {
		var no = hotline.dispatchedTo(hotline.district);
		ok(hotline.districtHandler.post("/api/work-orders/" + no + "/sign", null));

		var r = hotline.districtHandler.post("/api/work-orders/" + no + "/extension",
				Map.of("reason", "需要时间", "deadline", OffsetDateTime.now().minusDays(1).toString()));

		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("field").asString()).isEqualTo("deadline");
	}

	@Test
	void aMergedDuplicateFollowsItsMaster() {
		var master = hotline.dispatchedTo(hotline.district);
		var duplicate = hotline.registered();

		var merged = ok(hotline.dispatcher.post("/api/work-orders/" + duplicate + "/merge", Map.of("masterNo", master)));

		assertThat(merged.get("state").asString()).isEqualTo("MERGED");
		assertThat(merged.get("masterNo").asString()).isEqualTo(master);
		assertThat(hotline.actions(master)).contains("MERGED_IN");
		var intoItself = hotline.dispatcher.post("/api/work-orders/" + master + "/merge", Map.of("masterNo", master));
		assertThat(intoItself.status()).isEqualTo(400);
	}

	@Test
	void theCallerWithdrawsAnOpenOrder() {
		var no = hotline.dispatchedTo(hotline.district);

		var withdrawn = ok(hotline.agent.post("/api/work-orders/" + no + "/withdraw", Map.of("reason", "问题已自行解决")));

		assertThat(withdrawn.get("state").asString()).isEqualTo("WITHDRAWN");
		assertThat(withdrawn.get("holder").isNull()).isTrue();
		var again = hotline.agent.post("/api/work-orders/" + no + "/withdraw", Map.of("reason", "再撤"));
		assertThat(again.status()).isEqualTo(409);
	}

	@Test
	void theCenterReassignsAnOrderInProgress() {
		var no = hotline.dispatchedTo(hotline.otherDistrict);
		ok(hotline.otherHandler.post("/api/work-orders/" + no + "/sign", null));

		var moved = ok(hotline.dispatcher.post("/api/work-orders/" + no + "/reassign",
				Map.of("leadDepartmentId", hotline.district, "comment", "地址在南山区")));

		assertThat(moved.get("state").asString()).isEqualTo("DISPATCHED");
		assertThat(moved.get("lead").get("id").asLong()).isEqualTo(hotline.district);
		var stale = hotline.otherHandler.post("/api/work-orders/" + no + "/reply",
				Map.of("resultType", "RESOLVED", "content", "已处理"));
		assertThat(stale.status()).as("the old department no longer holds it").isEqualTo(409);
	}

	@Test
	void supervisionIsRecordedForTheHoldingDepartment() {
		var no = hotline.dispatchedTo(hotline.district);

		var supervised = ok(hotline.supervisor.post("/api/work-orders/" + no + "/supervision",
				Map.of("kind", "ESCALATE", "note", "群众多次来电，请区领导关注")));

		assertThat(supervised.get("supervised").asBoolean()).isTrue();
		var timeline = ok(hotline.supervisor.get("/api/work-orders/" + no + "/timeline"));
		var last = timeline.get(timeline.size() - 1);
		assertThat(last.get("action").asString()).isEqualTo("ESCALATED");
		assertThat(last.get("department").asString()).startsWith("南山区");
		assertThat(hotline.districtHandler.post("/api/work-orders/" + no + "/supervision",
				Map.of("kind", "REMIND", "note", "x")).status()).isEqualTo(403);
	}

	@Test
	void departmentsNeverSeeTheCallerOfAConfidentialOrder() {
		var body = hotline.order("举报违建");
		body.put("requestType", "REPORT");
		body.put("confidential", true);
		var no = hotline.register(body);
		ok(hotline.dispatcher.post("/api/work-orders/" + no + "/dispatch", dispatch(hotline.district)));

		var asDepartment = ok(hotline.districtHandler.get("/api/work-orders/" + no));
		var asCenter = ok(hotline.supervisor.get("/api/work-orders/" + no));
		var inList = ok(hotline.districtHandler.get("/api/inbox?box=TO_SIGN"));

		assertThat(asDepartment.get("caller").isNull()).isTrue();
		assertThat(asCenter.get("caller").get("phone").asString()).contains("****");
		assertThat(inList.toString()).doesNotContain(hotline.phone.substring(0, 3) + "****");
	}

	@Test
	void aDepartmentSeesOnlyOrdersItWasAssigned() {
		var no = hotline.dispatchedTo(hotline.district);

		assertThat(hotline.otherHandler.get("/api/work-orders/" + no).status()).isEqualTo(404);
		assertThat(hotline.otherHandler.post("/api/work-orders/" + no + "/sign", null).status()).isEqualTo(404);
		assertThat(ok(hotline.otherHandler.get("/api/work-orders")).toString()).doesNotContain(no);
		assertThat(ok(hotline.districtHandler.get("/api/work-orders")).toString()).contains(no);
		assertThat(hotline.actions(no)).containsExactly("REGISTERED", "DISPATCHED");
	}

	@Test
	void theInboxSortsWorkAndSignsInBulk() {
		var first = hotline.dispatchedTo(hotline.district);
		var second = hotline.dispatchedTo(hotline.district);

		var toSign = ok(hotline.districtHandler.get("/api/inbox?box=TO_SIGN"));
		assertThat(toSign.toString()).contains(first, second);

		var result = ok(hotline.districtHandler.post("/api/inbox/sign",
				Map.of("orderNos", List.of(first, second, hotline.registered()))));

		assertThat(result.get("done")).hasSize(2);
		assertThat(result.get("failed")).hasSize(1);
		var inProgress = ok(hotline.districtHandler.get("/api/inbox?box=IN_PROGRESS"));
		assertThat(inProgress.toString()).contains(first, second);
		assertThat(ok(hotline.districtHandler.get("/api/inbox?box=TO_SIGN")).toString()).doesNotContain(first);
	}

	@Test
	void listsFilterByStateUrgencyPhoneAndText() {
		var body = hotline.order("噪音扰民");
		body.put("urgency", "URGENT");
		body.put("content", "夜间施工噪音扰民，凌晨两点仍在打桩。");
		var noisy = hotline.register(body);
		var lamp = hotline.registered();

		var byText = ok(hotline.supervisor.get("/api/work-orders?q=打桩"));
		var byUrgency = ok(hotline.supervisor.get("/api/work-orders?urgency=URGENT&state=PENDING_DISPATCH"));
		var byPhone = ok(hotline.supervisor.get("/api/work-orders?phone=" + hotline.phone));
		var history = ok(hotline.agent.get("/api/callers/history?phone=" + hotline.phone));

		assertThat(byText.toString()).contains(noisy).doesNotContain(lamp);
		assertThat(byUrgency.toString()).contains(noisy).doesNotContain(lamp);
		assertThat(byPhone.get("total").asLong()).isEqualTo(2);
		assertThat(history).hasSize(2);
		assertThat(history.get(0).get("no").asString()).isEqualTo(lamp);
	}

	@Test
	void theDepartmentHandsInPhotosWithItsReply() {
		var no = hotline.dispatchedTo(hotline.district);
		ok(hotline.districtHandler.post("/api/work-orders/" + no + "/sign", null));
		var photo = "\u0089PNG fake photo of the repaired lamp".getBytes(java.nio.charset.StandardCharsets.UTF_8);

		var uploaded = hotline.districtHandler.upload("/api/work-orders/" + no + "/attachments", "修复后.png", photo);
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		var id = uploaded.json().get("id").asLong();
		ok(hotline.districtHandler.post("/api/work-orders/" + no + "/reply",
				Map.of("resultType", "RESOLVED", "content", "已修复，附现场照片", "attachmentIds", List.of(id))));

		var timeline = ok(hotline.supervisor.get("/api/work-orders/" + no + "/timeline"));
		var reply = timeline.get(timeline.size() - 1);
		assertThat(reply.get("action").asString()).isEqualTo("REPLIED");
		assertThat(reply.get("attachments").get(0).get("fileName").asString()).isEqualTo("修复后.png");
		assertThat(hotline.supervisor.bytes("/api/work-orders/" + no + "/attachments/" + id)).isEqualTo(photo);
		assertThat(hotline.otherHandler.get("/api/work-orders/" + no + "/attachments/" + id).status()).isEqualTo(404);
		var script = hotline.supervisor.upload("/api/work-orders/" + no + "/attachments", "x.html", photo);
		assertThat(script.status()).isEqualTo(400);
		assertThat(script.json().get("field").asString()).isEqualTo("file");
		var outsider = hotline.otherHandler.upload("/api/work-orders/" + no + "/attachments", "a.png", photo);
		assertThat(outsider.status()).isEqualTo(404);
	}

	@Test
	void badInputNamesTheField() {
		var noTitle = hotline.order("");
		var unknownCategory = hotline.order("路灯");
		unknownCategory.put("categoryId", 999_999);
		var badDivision = hotline.order("路灯");
		badDivision.put("divisionCode", "999999");
		var badPhone = hotline.order("路灯");
		badPhone.put("callerPhone", "12");

		assertField(hotline.agent.post("/api/work-orders", noTitle), "title");
		assertField(hotline.agent.post("/api/work-orders", unknownCategory), "categoryId");
		assertField(hotline.agent.post("/api/work-orders", badDivision), "divisionCode");
		assertField(hotline.agent.post("/api/work-orders", badPhone), "callerPhone");
		var noLead = hotline.dispatcher.post("/api/work-orders/" + hotline.registered() + "/dispatch",
				Map.of("leadDepartmentId", given.rootId()));
		assertField(noLead, "leadDepartmentId");
		assertThat(hotline.handlerCannotRegister().status()).isEqualTo(403);
	}

	private void assertField(org.minsheng.testsupport.Api.Response r, String field) {
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().get("field").asString()).isEqualTo(field);
	}

	String replied() {
		var no = hotline.dispatchedTo(hotline.district);
		ok(hotline.districtHandler.post("/api/work-orders/" + no + "/sign", null));
		ok(hotline.districtHandler.post("/api/work-orders/" + no + "/reply",
				Map.of("resultType", "RESOLVED", "content", "路灯已修复")));
		return no;
	}

	private static tools.jackson.databind.JsonNode deadline(tools.jackson.databind.JsonNode view, String stage) {
		for (var d : view.get("deadlines")) {
			if (d.get("stage").asString().equals(stage) && d.get("stoppedAt").isNull()) {
				return d;
			}
		}
		throw new AssertionError("no running " + stage + " limit in " + view);
	}

	private static OffsetDateTime handlingDue(tools.jackson.databind.JsonNode view) {
		return OffsetDateTime.parse(deadline(view, "HANDLE").get("dueAt").asString());
	}
}
