package org.minsheng.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.minsheng.testsupport.Api;
import org.minsheng.testsupport.IdentityFixture;

import tools.jackson.databind.JsonNode;

/**
 * A small hotline for one test: the center's agent, dispatcher and supervisor; a district with a
 * street below it, a city bureau and a second district, each with a handler.
 */
public final class WorkOrderFixture {

	public final Api api;

	public final long district;

	/** The district's department name (南山区 and a tag of this test). */
	public final String districtName;

	public final long street;

	public final long bureau;

	public final long otherDistrict;

	public final Api.Session agent;

	public final Api.Session dispatcher;

	public final Api.Session supervisor;

	public final Api.Session districtHandler;

	public final Api.Session streetHandler;

	public final Api.Session bureauHandler;

	public final Api.Session otherHandler;

	public final String phone;

	/** Login names by the prefix they were made with: agent, dispatcher, supervisor, nshandler, ntjd, zjj, fthandler. */
	public final Map<String, String> usernames = new HashMap<>();

	public WorkOrderFixture(Api api, IdentityFixture given) {
		this.api = api;
		var root = given.rootId();
		var tag = IdentityFixture.unique("");
		districtName = "南山区" + tag;
		district = given.department(districtName, "DISTRICT", root, "440305");
		street = given.department("南头街道" + tag, "STREET", district, "440305001");
		bureau = given.department("住建局" + tag, "BUREAU", root, null);
		otherDistrict = given.department("福田区" + tag, "DISTRICT", root, "440304");
		agent = session(given, "agent", root, "AGENT");
		dispatcher = session(given, "dispatcher", root, "DISPATCHER");
		supervisor = session(given, "supervisor", root, "SUPERVISOR");
		districtHandler = session(given, "nshandler", district, "HANDLER");
		streetHandler = session(given, "ntjd", street, "HANDLER");
		bureauHandler = session(given, "zjj", bureau, "HANDLER");
		otherHandler = session(given, "fthandler", otherDistrict, "HANDLER");
		phone = "138" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000);
	}

	private Api.Session session(IdentityFixture given, String prefix, long department, String role) {
		var name = IdentityFixture.unique(prefix);
		given.user(name, department, role);
		usernames.put(prefix, name);
		return api.as(name, IdentityFixture.PASSWORD);
	}

	public Map<String, Object> order(String title) {
		var body = new HashMap<String, Object>();
		body.put("channel", "PHONE");
		body.put("requestType", "COMPLAINT");
		body.put("urgency", "NORMAL");
		body.put("title", title);
		body.put("content", "南头街道某小区门口路灯已经坏了两个星期，晚上很黑，老人出行不便，请尽快修复。");
		body.put("callerName", "张三");
		body.put("callerPhone", phone);
		body.put("address", "南山区南头街道深南大道10000号");
		body.put("divisionCode", "440305001");
		return body;
	}

	public String register(Map<String, Object> body) {
		var r = agent.post("/api/work-orders", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("no").asString();
	}

	public String registered() {
		return register(order("路灯不亮"));
	}

	public String dispatchedTo(long lead, long... co) {
		var no = registered();
		ok(dispatcher.post("/api/work-orders/" + no + "/dispatch", dispatch(lead, co)));
		return no;
	}

	public Api.Response handlerCannotRegister() {
		return districtHandler.post("/api/work-orders", order("承办人不能登记"));
	}

	/** A fresh level-3 category under a fresh level-1 and level-2, so rules made for it touch no other test. */
	public long[] categoryPath() {
		var tag = IdentityFixture.unique("");
		var top = ok(supervisor.post("/api/categories", Map.of("name", "测试大类" + tag))).get("id").asLong();
		var mid = ok(supervisor.post("/api/categories", Map.of("parentId", top, "name", "市政设施"))).get("id").asLong();
		var leaf = ok(supervisor.post("/api/categories", Map.of("parentId", mid, "name", "路灯"))).get("id").asLong();
		return new long[] { top, mid, leaf };
	}

	public static Map<String, Object> dispatch(long lead, long... co) {
		var body = new HashMap<String, Object>();
		body.put("leadDepartmentId", lead);
		var list = new ArrayList<Long>();
		for (var c : co) {
			list.add(c);
		}
		body.put("coDepartmentIds", list);
		body.put("comment", "请核实处理");
		return body;
	}

	public JsonNode view(String no) {
		return ok(supervisor.get("/api/work-orders/" + no));
	}

	public String state(String no) {
		return view(no).get("state").asString();
	}

	public List<String> actions(String no) {
		var result = new ArrayList<String>();
		for (var e : ok(supervisor.get("/api/work-orders/" + no + "/timeline"))) {
			result.add(e.get("action").asString());
		}
		return result;
	}

	public static JsonNode ok(Api.Response r) {
		assertThat(r.status()).as(r.body()).isBetween(200, 299);
		return r.json();
	}
}
