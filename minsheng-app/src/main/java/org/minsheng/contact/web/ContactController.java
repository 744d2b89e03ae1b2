package org.minsheng.contact.web;

import java.io.IOException;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.minsheng.contact.AgentState;
import org.minsheng.contact.CallDisposition;
import org.minsheng.contact.ContactCenter;
import org.minsheng.platform.Downloads;
import org.minsheng.platform.NotFoundException;
import org.minsheng.sip.CallId;
import org.minsheng.workorder.WorkOrderNo;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Agents' SIP accounts and states, call records, live figures and the call plan. */
@RestController
class ContactController {

	record AgentBody(@NotNull @Size(max = 10) String extension, @Size(max = 100) String password,
			Map<String, Integer> skills) {
	}

	record StateBody(@NotNull AgentState state, @Size(max = 50) String reason) {
	}

	record TransferBody(@NotNull @Size(max = 100) String target) {
	}

	record HoldBody(@NotNull Boolean on) {
	}

	private final ContactCenter center;

	ContactController(ContactCenter center) {
		this.center = center;
	}

	@PutMapping("/api/contact/agents/{username}")
	ContactCenter.AgentView saveAgent(@PathVariable String username, @Valid @RequestBody AgentBody body) {
		return center.saveAgent(username, new ContactCenter.AgentAccount(body.extension(), body.password(), body.skills()));
	}

	@GetMapping("/api/contact/agents")
	List<ContactCenter.AgentView> agents() {
		return center.agents();
	}

	@GetMapping("/api/contact/agents/{username}")
	ContactCenter.AgentView agent(@PathVariable String username) {
		return center.agent(username);
	}

	@PostMapping("/api/contact/agents/{username}/state")
	ContactCenter.AgentView state(@PathVariable String username, @Valid @RequestBody StateBody body) {
		return center.changeState(username, body.state(), body.reason());
	}

	@GetMapping("/api/contact/calls")
	List<ContactCenter.CallRecord> calls(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@RequestParam(required = false) String agent, @RequestParam(required = false) CallDisposition disposition,
			@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
		return center.calls(new ContactCenter.CallQuery(from, to, agent, disposition, limit, offset));
	}

	@GetMapping("/api/contact/calls/{callId}")
	ContactCenter.CallRecord call(@PathVariable CallId callId) {
		return center.call(callId).orElseThrow(() -> new NotFoundException("通话", callId));
	}

	@GetMapping("/api/contact/calls/{callId}/recording")
	ResponseEntity<InputStreamResource> recording(
			@PathVariable CallId callId) throws IOException {
		var file = center.recording(callId).orElseThrow(() -> new NotFoundException("通话录音", callId));
		var sidecar = file.resolveSibling(file.getFileName() + ".sha256");
		var sha256 = Files.exists(sidecar) ? Files.readString(sidecar).strip().split("\\s+")[0] : "";
		return Downloads.attachment(file.getFileName().toString(), "audio/wav",
				Files.size(file), sha256, Files.newInputStream(file));
	}

	@PostMapping("/api/contact/calls/{callId}/transfer")
	void transfer(@PathVariable CallId callId, @Valid @RequestBody TransferBody body) {
		center.transfer(callId, body.target());
	}

	/** {@code {"on": true}} puts the caller on hold (music), {@code {"on": false}} takes them back. */
	@PostMapping("/api/contact/calls/{callId}/hold")
	ContactCenter.LiveCall hold(@PathVariable CallId callId, @Valid @RequestBody HoldBody body) {
		center.hold(callId, body.on());
		return center.liveCall(callId).orElseThrow(() -> new NotFoundException("进行中的通话", callId));
	}

	/** Consults a colleague by extension while the caller holds; answers once they picked up (409 if not). */
	@PostMapping("/api/contact/calls/{callId}/consult")
	ContactCenter.LiveCall consult(@PathVariable CallId callId, @Valid @RequestBody TransferBody body) {
		center.consult(callId, body.target());
		return live(callId);
	}

	/** Hands the caller over to the colleague consulted (attended transfer). */
	@PostMapping("/api/contact/calls/{callId}/consult/transfer")
	void completeTransfer(@PathVariable CallId callId) {
		center.completeTransfer(callId);
	}

	/** Joins the caller into the consult (three-party). */
	@PostMapping("/api/contact/calls/{callId}/consult/conference")
	ContactCenter.LiveCall conference(@PathVariable CallId callId) {
		center.conference(callId);
		return live(callId);
	}

	/** Ends the consult: the colleague is hung up, the caller is back. */
	@DeleteMapping("/api/contact/calls/{callId}/consult")
	ContactCenter.LiveCall endConsult(@PathVariable CallId callId) {
		center.endConsult(callId);
		return live(callId);
	}

	private ContactCenter.LiveCall live(CallId callId) {
		return center.liveCall(callId).orElseThrow(() -> new NotFoundException("进行中的通话", callId));
	}

	/**
	 * Click-to-call (号码隐私保护): the center calls the citizen of the order for the agent asking and
	 * rings the agent's phone when they answer; the number is never in the answer. 202: dialling.
	 */
	@PostMapping("/api/work-orders/{no}/citizen-calls")
	ResponseEntity<Map<String, String>> callCitizen(@PathVariable String no,
			@Valid @RequestBody(required = false) CitizenCallBody body) {
		var number = WorkOrderNo.fromPath(no);
		if (body != null && body.ownPhone() != null && !body.ownPhone().isBlank()) {
			center.callCitizenFrom(number, body.ownPhone());
			return ResponseEntity.accepted().body(Map.of("workOrderNo", number.value(), "status", "DIALING", "message",
					"正在呼叫您的电话，接听后将为您接通市民"));
		}
		center.callCitizen(number);
		return ResponseEntity.accepted().body(Map.of("workOrderNo", number.value(), "status", "DIALING", "message",
				"正在呼叫市民，市民接听后将振铃您的话机"));
	}

	/**
	 * @param ownPhone a department handler's own phone, called first (号码隐私保护); absent for an agent,
	 *     whose registered phone rings
	 */
	record CitizenCallBody(@Size(max = 40, message = "电话号码最长 40 个字符") String ownPhone) {
	}


	/** The calls of an order: the one it was registered from and those the center placed about it. */
	@GetMapping("/api/work-orders/{no}/calls")
	List<ContactCenter.CallRecord> callsOf(@PathVariable String no) {
		return center.callsOf(WorkOrderNo.fromPath(no));
	}

	@GetMapping("/api/contact/live")
	ContactCenter.LiveStats live() {
		return center.live();
	}

	/** Today's calls by quarter hour, for the wallboard and a center's own big screens. */
	@GetMapping("/api/contact/live/trend")
	List<ContactCenter.TrendSlot> trend() {
		return center.todayTrend();
	}

	@GetMapping(path = "/api/contact/plan", produces = "application/yaml")
	String plan() {
		return center.planYaml();
	}

	@PutMapping(path = "/api/contact/plan", consumes = { "application/yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE })
	void replacePlan(@RequestBody String yaml) {
		center.replacePlan(yaml);
	}
}
